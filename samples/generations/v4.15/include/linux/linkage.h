/* v4.15 sample header: symbol bracketing macros. A preprocessor macro is one
 * line, so the statements it expands to are joined with ASM_NL, a `;`. */
#ifndef SAMPLE_V415_LINUX_LINKAGE_H
#define SAMPLE_V415_LINUX_LINKAGE_H

#include <asm/linkage.h>

#ifndef ASM_NL
#define ASM_NL		;
#endif

#ifndef ALIGN
#define ALIGN		__ALIGN
#endif

#define ENTRY(name) \
	.globl name ASM_NL \
	ALIGN ASM_NL \
	name:

#define END(name) \
	.size name, .-name

#define ENDPROC(name) \
	.type name, @function ASM_NL \
	END(name)

#endif
