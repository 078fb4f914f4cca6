/* 2016-kimage-offsets sample header: the control page the routine is copied into. */
#ifndef SAMPLE_2016_ASM_KEXEC_H
#define SAMPLE_2016_ASM_KEXEC_H

#define KEXEC_CONTROL_PAGE_SIZE	4096

#endif
