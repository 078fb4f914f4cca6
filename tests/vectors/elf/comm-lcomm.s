// .comm (SHN_COMMON, the alignment as value, GNU's default alignment by size), .lcomm and .comm of a .local symbol
// (room after .bss's own contents, aligned by size; the first alignment marked data), references to both.
nop
.lcomm lc, 8
.lcomm lc2, 3
.lcomm lc3, 16
.comm c1, 100
.comm c2, 3
.comm c3, 16, 16
.comm c4,8,8
.local c5
.comm c5, 32, 8
adrp x0, lc2
.bss
.skip 1
.comm c1, 200
.comm za1,1
.comm za2,2
.comm za5,5
.comm za8,8
.comm za9,9
.comm za17,17
.comm za0,0
.lcomm m1, 1
.lcomm m8, 8
.local mx
.comm mx, 3
.data
.quad m8
