/* v6 sample header: forced into every file with -include, as kbuild does. */
#ifndef SAMPLE_V6_LINUX_KCONFIG_H
#define SAMPLE_V6_LINUX_KCONFIG_H

#include <generated/autoconf.h>

#endif
