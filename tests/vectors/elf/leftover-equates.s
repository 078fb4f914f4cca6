// Equates nothing uses, kept as expressions to the end: as GNU as writes its symbol table, the symbols they name
// and that were never defined become undefined references.
.set a, b+1
.set c, d
.set e, 5
nop
.set f, later - 4
later: nop
