/* v6 sample header: stands for the compiler's own header directory, which
 * kbuild passes with -isystem after -nostdinc. Assembly includes nothing from
 * it; it is here so the flag names a real directory. */
#ifndef SAMPLE_V6_COMPILER_STDARG_H
#define SAMPLE_V6_COMPILER_STDARG_H
#endif
