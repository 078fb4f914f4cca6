// .float/.single/.double/.float16/.bfloat16 as GNU as reads them: 0f/0d/0x prefixes, signs after them, inf/nan
// (NaN all ones), a bare exponent, rounding to nearest even, subnormals, half and bfloat16 rounding up to infinity.
	.data
	.float 1.5, -0.1, 0f3.25, inf, -inf, nan, -nan, +1.5, Infinity, 1.5e, 1., .5, 5, 0f, 0x10
	.single 2.5e10, 1e-46, 1.4e-45
	.double 1.5, 0d-2.75e-300, 0.1, nan, -nan, inf, 4.9e-324
	.float16 1.5, 65504, 0.1, nan, -inf, 65520, 6e-8, 1e-8
	.bfloat16 1.5, 0.1, nan, inf, 3.4e38, 1e-40, -0.0
	.float
	.text
	nop
	.float 1.5
	.float16 1.0
	nop
	.double 2.0
	.bfloat16 1.0
	nop
