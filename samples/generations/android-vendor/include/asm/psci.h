/* android-vendor sample header: PSCI 0.2 function IDs (SMC calling convention). */
#ifndef SAMPLE_ANDROID_ASM_PSCI_H
#define SAMPLE_ANDROID_ASM_PSCI_H

#define PSCI_0_2_FN_BASE		0x84000000
#define PSCI_0_2_FN(n)			(PSCI_0_2_FN_BASE + (n))
#define PSCI_0_2_FN_SYSTEM_OFF		PSCI_0_2_FN(8)
#define PSCI_0_2_FN_SYSTEM_RESET	PSCI_0_2_FN(9)

#endif
