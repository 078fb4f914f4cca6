// .altmacro: %expr, <...> (with ! escapes, nesting, joined pieces), strings that keep their quotes, name=value as a
// positional argument, blank-separated arguments, bare parameter names (inside strings too), a&1 / &a& joining,
// LOCAL labels (.LL0001 onwards, numbered over the run, an outer expansion's before the macros it calls), .irp
// values read the alternate way, defaults, .noaltmacro going back, and operands of instructions.
	.data
	.altmacro
	.macro m a, b
	.ascii "[a|b]"
	.endm
	m <a b>
	m <3 + 4>
	m <a!>b>
	m <x><y>
	m <<n>>
	m <a , b>
	m (a b)
	m %1 + 2, 3
	m %(1+2)*2 4
	m %-5
	m %0x10
	m a=1
	m 1 2
	m <1>,<2>
	m !a
	m %4 +5
	.set sym, 6
	m %sym*2
	.macro loc
	LOCAL l1, l2
l1:	.word l1
l2:	.ascii "l1 l2 "
	.endm
	loc
	loc
	.macro n
	.ascii "l1 "
	local l1
	.ascii "l1 \@ "
	loc
	.endm
	n
	.macro cat a
	.byte a&1, \a&2, a\()3, &a&4, &a
	.endm
	cat 7
	.irp r, %1+1, <5>
	.byte r, \r
	.endr
	.macro d x=9 y
	.byte x, y
	.endm
	d , 1
	d 2 3
	.noaltmacro
	.macro nm a
	.ascii "a \a"
	.endm
	nm 9
	.text
	.altmacro
	.macro ld reg, off
	ldr reg, [x0, #off]
	.endm
	ld x1, %2*8
	ld w2 4
	.data
	.macro cat2 a
	.ascii "x&1 a&1 y'2 &z& &a& a'b"
	.endm
	cat2 7
