// .struct: labels in the absolute section are numbers (SHN_ABS), .skip/.space move it, a section directive ends it.
.struct 0
fa: .skip 4
fb: .skip 8
fsize:
.text
ldr x0, [x1, #fb]
.struct 16
ga: .space 4
.data
.word fsize, ga
.struct
ha: .skip 2
hb:
.data
.hword hb - ha
