/* v5.7 sample header: the configuration this sample is built with. */
#define CONFIG_ARM64 1
#define CONFIG_KEXEC 1
#define CONFIG_SAMPLE_ERRATUM_SCTLR_ISB 1
