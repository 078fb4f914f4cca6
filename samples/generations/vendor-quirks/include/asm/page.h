/* vendor-quirks sample header: the vendor builds 4K and 64K kernels. */
#ifndef SAMPLE_VENDOR_ASM_PAGE_H
#define SAMPLE_VENDOR_ASM_PAGE_H

#ifndef PAGE_SHIFT
#define PAGE_SHIFT	12
#endif
#if PAGE_SHIFT != 12 && PAGE_SHIFT != 16
#error "the vendor builds 4K (12) and 64K (16) kernels"
#endif

#define PAGE_SIZE	(1 << PAGE_SHIFT)

#endif
