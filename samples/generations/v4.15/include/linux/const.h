/* v4.15 sample header: one spelling of a constant for C and assembly. */
#ifndef SAMPLE_V415_LINUX_CONST_H
#define SAMPLE_V415_LINUX_CONST_H

#ifdef __ASSEMBLY__
#define _AC(X, Y)	X		/* gas has no integer suffixes */
#else
#define __AC(X, Y)	(X##Y)
#define _AC(X, Y)	__AC(X, Y)
#endif

#endif
