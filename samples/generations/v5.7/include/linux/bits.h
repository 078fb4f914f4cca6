/* v5.7 sample header: single-bit constants that read the same in C and assembly. */
#ifndef SAMPLE_V57_LINUX_BITS_H
#define SAMPLE_V57_LINUX_BITS_H

#include <linux/const.h>

#define BIT(nr)		(UL(1) << (nr))

#endif
