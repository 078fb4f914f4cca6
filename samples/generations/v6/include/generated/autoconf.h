/* v6 sample header: the configuration this sample is built with. */
#define CONFIG_ARM64 1
#define CONFIG_KEXEC_CORE 1
#define CONFIG_QCOM_FALKOR_ERRATUM_E1041 1
