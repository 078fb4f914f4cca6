/* v5.12 sample header: field offsets of struct kimage. The kernel generates
 * this file from C; the values here are this sample's own layout. */
#ifndef SAMPLE_V512_ASM_OFFSETS_H
#define SAMPLE_V512_ASM_OFFSETS_H

#define KIMAGE_HEAD			8
#define KIMAGE_START			16
#define KIMAGE_ARCH_DTB_MEM		336
#define KIMAGE_ARCH_EL2_VECTORS		344

#endif
