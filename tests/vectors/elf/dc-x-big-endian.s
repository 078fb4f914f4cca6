// as: -EB
// .dc.x, .dcb.x and .ds.x in big-endian order: the extended value as one 10-byte number, a .ds.x fill as a 12-byte one.
	.data
	.dc.x 1.5, -0.1
	.dcb.x 1, 2
	.ds.x 1, 5
	.ds.w 1, -2
