/* v6 sample header: field offsets of struct kimage. The kernel generates this
 * file from C; the values here are this sample's own layout. */
#ifndef SAMPLE_V6_ASM_OFFSETS_H
#define SAMPLE_V6_ASM_OFFSETS_H

#define KIMAGE_HEAD			8
#define KIMAGE_START			16
#define KIMAGE_ARCH_DTB_MEM		344
#define KIMAGE_ARCH_EL2_VECTORS		352
#define KIMAGE_ARCH_ZERO_PAGE		360
#define KIMAGE_ARCH_PHYS_OFFSET		368
#define KIMAGE_ARCH_TTBR1		376

#endif
