/* v6 sample header: single-bit constants that read the same in C and assembly. */
#ifndef SAMPLE_V6_LINUX_BITS_H
#define SAMPLE_V6_LINUX_BITS_H

#include <linux/const.h>

#define BIT(nr)		(UL(1) << (nr))

#endif

#ifndef SAMPLE_V6_LINUX_GENMASK
#define SAMPLE_V6_LINUX_GENMASK

#define BITS_PER_LONG	64

/*
 * GENMASK(h, l): bits l..h set. The right half shifts an all-ones value
 * right, so it relies on `>>` being a logical shift of 64-bit values.
 */
#define GENMASK(h, l) \
	(((~UL(0)) - (UL(1) << (l)) + 1) & \
	 (~UL(0) >> (BITS_PER_LONG - 1 - (h))))

#endif
