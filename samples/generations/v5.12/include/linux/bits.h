/* v5.12 sample header: single-bit constants that read the same in C and assembly. */
#ifndef SAMPLE_V512_LINUX_BITS_H
#define SAMPLE_V512_LINUX_BITS_H

#include <linux/const.h>

#define BIT(nr)		(UL(1) << (nr))

#endif
