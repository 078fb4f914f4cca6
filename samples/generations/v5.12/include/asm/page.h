/* v5.12 sample header: the granule and the bits of a kimage entry that are an address. */
#ifndef SAMPLE_V512_ASM_PAGE_H
#define SAMPLE_V512_ASM_PAGE_H

#include <linux/const.h>

#ifndef PAGE_SHIFT
#define PAGE_SHIFT	12
#endif
#if PAGE_SHIFT != 12 && PAGE_SHIFT != 14 && PAGE_SHIFT != 16
#error "PAGE_SHIFT must be 12, 14 or 16"
#endif

#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

/* Physical addresses have 48 bits here; an entry's flags live below the page. */
#define PHYS_MASK_SHIFT	48
#define PHYS_MASK	((UL(1) << PHYS_MASK_SHIFT) - 1)
#define ENTRY_ADDR_MASK	(PHYS_MASK & PAGE_MASK)

#endif
