/* v6 sample header: the granule and the address bits of a kimage entry. */
#ifndef SAMPLE_V6_ASM_PAGE_H
#define SAMPLE_V6_ASM_PAGE_H

#include <linux/bits.h>
#include <linux/const.h>

#ifndef PAGE_SHIFT
#define PAGE_SHIFT	12
#endif
#if PAGE_SHIFT != 12 && PAGE_SHIFT != 14 && PAGE_SHIFT != 16
#error "PAGE_SHIFT must be 12, 14 or 16"
#endif

#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#define PHYS_MASK_SHIFT	48
#define ENTRY_ADDR_MASK	GENMASK(PHYS_MASK_SHIFT - 1, PAGE_SHIFT)

#endif
