/* 2014-spin-table sample header: the granule (4K or 64K in this era). */
#ifndef SAMPLE_SPIN_ASM_PAGE_H
#define SAMPLE_SPIN_ASM_PAGE_H

#ifndef PAGE_SHIFT
#define PAGE_SHIFT	12
#endif
#if PAGE_SHIFT != 12 && PAGE_SHIFT != 16
#error "4K or 64K pages only in this tree"
#endif

#define PAGE_SIZE	(1 << PAGE_SHIFT)

#endif
