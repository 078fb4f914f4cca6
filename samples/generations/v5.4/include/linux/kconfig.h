/* v5.4 sample header: forced into every assembly file with -include, as kbuild
 * forces include/linux/kconfig.h; it brings the configuration in. */
#ifndef SAMPLE_V54_LINUX_KCONFIG_H
#define SAMPLE_V54_LINUX_KCONFIG_H

#include <generated/autoconf.h>

#endif
