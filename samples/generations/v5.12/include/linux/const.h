/* v5.12 sample header: one spelling of a constant for C and assembly. */
#ifndef SAMPLE_V512_LINUX_CONST_H
#define SAMPLE_V512_LINUX_CONST_H

#ifdef __ASSEMBLY__
#define _AC(X, Y)	X		/* gas knows no integer suffixes */
#define _AT(T, X)	X
#else
#define __AC(X, Y)	(X##Y)
#define _AC(X, Y)	__AC(X, Y)
#define _AT(T, X)	((T)(X))
#endif

#define _UL(x)		(_AC(x, UL))
#define _ULL(x)		(_AC(x, ULL))

#define UL(x)		(_UL(x))
#define ULL(x)		(_ULL(x))

#define _BITUL(x)	(_UL(1) << (x))

#endif
