/* v6 sample header: arm64 aligns entry points on 16 bytes. */
#ifndef SAMPLE_V6_ASM_LINKAGE_H
#define SAMPLE_V6_ASM_LINKAGE_H

#define __ALIGN		.align 4

#endif
