// C comments in a .s file, which GNU as removes itself (issue 18): anywhere on a line, across lines, not in strings.
	nop	/* after an instruction */
/* a comment
   over lines */	mov	x0, #1
	mov	x1, #2 /* between statements */ ; mov x2, #3
	.ascii	"/* not a comment */"
	.byte	'/', '*'
	mov	x3, #4	// a line comment /* that opens nothing
	mov	x4, #5 /**/
