/* v5.4 sample header: system registers by number, for mrs_s/msr_s, and SCTLR bits. */
#ifndef SAMPLE_V54_ASM_SYSREG_H
#define SAMPLE_V54_ASM_SYSREG_H

#include <linux/bits.h>

#define Op0_shift	19
#define Op1_shift	16
#define CRn_shift	12
#define CRm_shift	8
#define Op2_shift	5

#define sys_reg(op0, op1, crn, crm, op2) \
	(((op0) << Op0_shift) | ((op1) << Op1_shift) | \
	 ((crn) << CRn_shift) | ((crm) << CRm_shift) | \
	 ((op2) << Op2_shift))

#define SYS_MIDR_EL1		sys_reg(3, 0, 0, 0, 0)
#define SYS_SCTLR_EL2		sys_reg(3, 4, 1, 0, 0)

#define CurrentEL_EL1		(UL(1) << 2)
#define CurrentEL_EL2		(UL(2) << 2)

#define SCTLR_ELx_M	(BIT(0))
#define SCTLR_ELx_A	(BIT(1))
#define SCTLR_ELx_C	(BIT(2))
#define SCTLR_ELx_SA	(BIT(3))
#define SCTLR_ELx_I	(BIT(12))

#define SCTLR_ELx_FLAGS	(SCTLR_ELx_M | SCTLR_ELx_A | SCTLR_ELx_C | \
			 SCTLR_ELx_SA | SCTLR_ELx_I)

#ifdef __ASSEMBLY__

/* A register's number as a symbol, so an expression can fold it into .inst. */
	.irp	num,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	.equ	.L__reg_num_x\num, \num
	.endr
	.equ	.L__reg_num_xzr, 31

/* mrs/msr by encoding: works for registers the assembler has no name for. */
	.macro	mrs_s, rt, sreg
	.inst	0xd5200000|(\sreg)|(.L__reg_num_\rt)
	.endm

	.macro	msr_s, sreg, rt
	.inst	0xd5000000|(\sreg)|(.L__reg_num_\rt)
	.endm

#endif

#endif
