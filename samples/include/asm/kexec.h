/* a64asm sample header: the size of the kexec control page the relocation code is copied into. */
#ifndef A64ASM_SAMPLE_ASM_KEXEC_H
#define A64ASM_SAMPLE_ASM_KEXEC_H

#define KEXEC_CONTROL_PAGE_SIZE	4096

#endif
