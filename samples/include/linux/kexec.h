/* a64asm sample header: the kimage entry flags that relocate_kernel.S tests.
 * An entry is a page address with its low bits used as flags. */
#ifndef A64ASM_SAMPLE_LINUX_KEXEC_H
#define A64ASM_SAMPLE_LINUX_KEXEC_H

#define IND_DESTINATION_BIT	0
#define IND_INDIRECTION_BIT	1
#define IND_DONE_BIT		2
#define IND_SOURCE_BIT		3

#define IND_DESTINATION		(1 << IND_DESTINATION_BIT)
#define IND_INDIRECTION		(1 << IND_INDIRECTION_BIT)
#define IND_DONE		(1 << IND_DONE_BIT)
#define IND_SOURCE		(1 << IND_SOURCE_BIT)

#endif
