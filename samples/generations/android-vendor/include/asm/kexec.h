/* android-vendor sample header: the hardboot page the bootloader keeps across a reset. */
#ifndef SAMPLE_ANDROID_ASM_KEXEC_H
#define SAMPLE_ANDROID_ASM_KEXEC_H

#define KEXEC_HB_PAGE_ADDR	0x9fe00000	/* reserved in the board's memory map */
#define KEXEC_HB_PAGE_MAGIC	0x4a5db007	/* "the page below holds an entry" */

/* When CTR_EL0 reports something larger, the 64-byte line is still safe. */
#define LINE_SIZE_FALLBACK	64

#endif
