/* a64asm sample header: the translation granule. Build for 16K or 64K pages with
 * -D PAGE_SHIFT=14 or -D PAGE_SHIFT=16. */
#ifndef A64ASM_SAMPLE_ASM_PAGE_H
#define A64ASM_SAMPLE_ASM_PAGE_H

#include <linux/const.h>

#ifndef PAGE_SHIFT
#define PAGE_SHIFT	12
#endif

#if PAGE_SHIFT != 12 && PAGE_SHIFT != 14 && PAGE_SHIFT != 16
#error "PAGE_SHIFT must be 12, 14 or 16 (4K, 16K or 64K pages)"
#endif

#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#endif
