/* v4.15 sample header: the control page the routine is copied into. */
#ifndef SAMPLE_V415_ASM_KEXEC_H
#define SAMPLE_V415_ASM_KEXEC_H

#define KEXEC_CONTROL_PAGE_SIZE	4096

#endif
