/* v5.7 sample header: MIDR_EL1 fields and the part the erratum applies to. */
#ifndef SAMPLE_V57_ASM_CPUTYPE_H
#define SAMPLE_V57_ASM_CPUTYPE_H

#define MIDR_PARTNUM_SHIFT	4
#define MIDR_IMPLEMENTOR_SHIFT	24

#define AFFECTED_IMPLEMENTOR	0x51	/* 'Q' */
#define AFFECTED_PARTNUM	0xc00

#endif
