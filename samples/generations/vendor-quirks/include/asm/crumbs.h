/* vendor-quirks sample header: the constants of the kexec breadcrumb record. */
#ifndef SAMPLE_VENDOR_ASM_CRUMBS_H
#define SAMPLE_VENDOR_ASM_CRUMBS_H

#define CRUMB_TAG		0x6b637275	/* "urck": record wanted */
#define CRUMB_BUILD_ID		0x7e57000b5eed1234	/* this build, as the tool knows it */
#define CRUMB_HANDOFF_MARK	0xb007
#define CRUMB_DTB_WINDOW	0x7fffffe00000	/* the dtb's 2M block, below 128T */

#endif
