/* a64asm sample header: constants shared by C and assembly.
 * The assembler knows no integer suffixes (1UL), so in assembly _AC drops them. */
#ifndef A64ASM_SAMPLE_LINUX_CONST_H
#define A64ASM_SAMPLE_LINUX_CONST_H

#ifdef __ASSEMBLY__
#define _AC(X, Y)	X
#else
#define __AC(X, Y)	(X##Y)
#define _AC(X, Y)	__AC(X, Y)
#endif

#endif
