/* v5.12 sample header: SYM_* annotations. Each expands to several statements on
 * one line, joined with ASM_NL; empty parts leave empty statements behind. */
#ifndef SAMPLE_V512_LINUX_LINKAGE_H
#define SAMPLE_V512_LINUX_LINKAGE_H

#include <asm/linkage.h>

#ifndef ASM_NL
#define ASM_NL		;
#endif

#ifndef ALIGN
#define ALIGN		__ALIGN
#endif

/* symbol types, as .type spells them */
#define SYM_T_FUNC	STT_FUNC
#define SYM_T_NONE	STT_NOTYPE

/* alignment of a symbol's start */
#define SYM_A_ALIGN	ALIGN
#define SYM_A_NONE	/* no alignment */

/* visibility */
#define SYM_L_GLOBAL(name)	.globl name
#define SYM_L_LOCAL(name)	/* local: no directive */

#define SYM_ENTRY(name, linkage, ...)	\
	linkage(name) ASM_NL		\
	__VA_ARGS__ ASM_NL		\
	name:

#define SYM_START(name, linkage, ...)	\
	SYM_ENTRY(name, linkage, __VA_ARGS__)

/* The size goes through a local symbol so that it is computed once, at the end. */
#define SYM_END(name, sym_type)				\
	.type name sym_type ASM_NL			\
	.set .L__sym_size_##name, .-name ASM_NL		\
	.size name, .L__sym_size_##name

#define SYM_CODE_START(name)	SYM_START(name, SYM_L_GLOBAL, SYM_A_ALIGN)
#define SYM_CODE_START_LOCAL(name)	SYM_START(name, SYM_L_LOCAL, SYM_A_ALIGN)
#define SYM_CODE_END(name)	SYM_END(name, SYM_T_NONE)

#define SYM_INNER_LABEL(name, linkage)		\
	.type name SYM_T_NONE ASM_NL		\
	SYM_ENTRY(name, linkage, SYM_A_NONE)

#endif
