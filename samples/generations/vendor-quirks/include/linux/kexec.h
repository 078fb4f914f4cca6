/* vendor-quirks sample header: flag bits in the low bits of a kimage entry. */
#ifndef SAMPLE_VENDOR_LINUX_KEXEC_H
#define SAMPLE_VENDOR_LINUX_KEXEC_H

#define IND_DESTINATION_BIT	0	/* the address is where following pages go */
#define IND_INDIRECTION_BIT	1	/* the address is the next page of entries */
#define IND_DONE_BIT		2	/* end of the list */
#define IND_SOURCE_BIT		3	/* the address is a page to copy */

#endif
