/* 2016-kimage-offsets sample header: the system register bits the routine touches. */
#ifndef SAMPLE_2016_ASM_SYSREG_H
#define SAMPLE_2016_ASM_SYSREG_H

#define CurrentEL_EL1		(1 << 2)
#define CurrentEL_EL2		(2 << 2)

#define SCTLR_ELx_M	(1 << 0)	/* MMU */
#define SCTLR_ELx_A	(1 << 1)	/* alignment checks */
#define SCTLR_ELx_C	(1 << 2)	/* D-cache */
#define SCTLR_ELx_SA	(1 << 3)	/* SP alignment checks */
#define SCTLR_ELx_I	(1 << 12)	/* I-cache */

#define SCTLR_ELx_FLAGS	(SCTLR_ELx_M | SCTLR_ELx_A | SCTLR_ELx_C | \
			 SCTLR_ELx_SA | SCTLR_ELx_I)

#endif
