/* vendor-quirks sample header: the vendor's parameter block and the limits it is checked against. */
#ifndef SAMPLE_VENDOR_ASM_VENDOR_H
#define SAMPLE_VENDOR_ASM_VENDOR_H

#define PARAMS_MAGIC	0x6b637275	/* the block has been filled in */
#define LINE_MAX	2048		/* no D-cache line is larger */
#define DTB_LIMIT	0x7fffffe00000	/* the bootloader maps the dtb below this */
#define PHYS_MASK	0xffffffffffff	/* 48-bit physical addresses */

#endif
