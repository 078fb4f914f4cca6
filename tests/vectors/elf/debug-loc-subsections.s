// .loc rows in subsections (with views), written subsection by subsection.
	.file 1 "x.c"
	.text
	.loc 1 3 0
	nop
	.subsection 1
	.loc 1 7 2
	add x0, x0, 1
	.loc 1 8 0 view .LVU1
	.loc 1 9 0 view .LVU2
	ret
	.subsection 0
	.loc 1 4 0
	sub x1, x1, 1
	.loc 1 5 0 view .LVU3
	.text 1
	.loc 1 10 0
	nop
	.word .LVU2
