/* v6 sample header: the calls the EL2 stub vectors take in x0. */
#ifndef SAMPLE_V6_ASM_VIRT_H
#define SAMPLE_V6_ASM_VIRT_H

#define HVC_SET_VECTORS		0
#define HVC_SOFT_RESTART	1	/* x1 = entry, x2..x4 = its x0..x2 */
#define HVC_RESET_VECTORS	2

#endif
