/* v6 sample header: SCTLR_EL1 bits and the value that turns the MMU off. */
#ifndef SAMPLE_V6_ASM_SYSREG_H
#define SAMPLE_V6_ASM_SYSREG_H

#include <linux/bits.h>

#define SCTLR_ELx_EE		(BIT(25))	/* data accesses at EL1 are big-endian */
#define SCTLR_EL1_E0E		(BIT(24))	/* ... and at EL0 */
#define SCTLR_EL1_LSMAOE	(BIT(29))
#define SCTLR_EL1_nTLSMD	(BIT(28))
#define SCTLR_EL1_EIS		(BIT(22))
#define SCTLR_EL1_TSCXT		(BIT(20))
#define SCTLR_EL1_EOS		(BIT(11))

#ifdef __AARCH64EB__
#define ENDIAN_SET_EL1		(SCTLR_EL1_E0E | SCTLR_ELx_EE)
#else
#define ENDIAN_SET_EL1		0
#endif

/* Everything off but what the architecture wants set, in the kernel's endianness. */
#define INIT_SCTLR_EL1_MMU_OFF \
	(ENDIAN_SET_EL1 | SCTLR_EL1_LSMAOE | SCTLR_EL1_nTLSMD | \
	 SCTLR_EL1_EIS  | SCTLR_EL1_TSCXT  | SCTLR_EL1_EOS)

/* A table address in TTBRx format (PA bits 51:48 go to bits 5:2). */
#define TTBR_BADDR_MASK_52	GENMASK(47, 2)

#endif
