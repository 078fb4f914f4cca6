// A compiler's DWARF 5 file table: .file 0 names the compilation directory and the primary file, .file N "dir"
// "name" puts a file under a directory; GNU as then writes a version 5 line table and unit without -g.
	.file 0 "/build/proj" "src/app.c"
	.file 1 "src/app.c"
	.file 2 "/build/proj/include" "app.h"
	.file 3 "/usr/include" "stdint.h"
	.text
	.loc 1 12 5
	mov	x1, #0
	.loc 2 3 1 prologue_end
	add	x1, x1, #1
	.loc 3 40 2 is_stmt 0
	nop
	.loc 0 13 0 is_stmt 1
	ret
