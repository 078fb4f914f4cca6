/* v4.8 sample header: the granule; 16K pages arrived in 2015. */
#ifndef SAMPLE_V48_ASM_PAGE_H
#define SAMPLE_V48_ASM_PAGE_H

#include <linux/const.h>

#ifndef PAGE_SHIFT
#define PAGE_SHIFT	12
#endif
#if PAGE_SHIFT != 12 && PAGE_SHIFT != 14 && PAGE_SHIFT != 16
#error "PAGE_SHIFT must be 12, 14 or 16"
#endif

#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#endif
