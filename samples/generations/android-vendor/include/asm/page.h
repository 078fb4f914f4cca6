/* android-vendor sample header: this device kernel is built for 4K pages only. */
#ifndef SAMPLE_ANDROID_ASM_PAGE_H
#define SAMPLE_ANDROID_ASM_PAGE_H

#ifndef PAGE_SHIFT
#define PAGE_SHIFT	12
#endif
#if PAGE_SHIFT != 12
#error "this device kernel supports 4K pages only"
#endif

#define PAGE_SIZE	(1 << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#endif
