/* 2014-linaro sample header: page geometry. arm64 had 4K and 64K granules in 2014. */
#ifndef SAMPLE_2014_ASM_PAGE_H
#define SAMPLE_2014_ASM_PAGE_H

#ifndef PAGE_SHIFT
#define PAGE_SHIFT	12
#endif

#if PAGE_SHIFT != 12 && PAGE_SHIFT != 16
#error "this tree knows 4K (12) and 64K (16) pages only"
#endif

#define PAGE_SIZE	(1 << PAGE_SHIFT)

#endif
