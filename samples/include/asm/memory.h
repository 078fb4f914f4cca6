/* a64asm sample header: memory layout. The relocation code runs with the MMU off on
 * physical addresses, so it needs nothing from here beyond the page size. */
#ifndef A64ASM_SAMPLE_ASM_MEMORY_H
#define A64ASM_SAMPLE_ASM_MEMORY_H

#include <asm/page.h>

#endif
