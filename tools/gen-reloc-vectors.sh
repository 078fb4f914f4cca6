#!/usr/bin/env bash
# Regenerates tests/vectors/reloc/operators.vec: every relocation operator GNU as knows (and a few it does not) at every
# instruction site that could take one, with what GNU as 2.40 makes of it:
#   <statement>
#   // GNU: <word hex> <R_AARCH64_* or ->        accepted: the instruction word and its relocation type
#   // GNU-ERROR: <message>                      refused, with GNU's message (the "at operand N -- `...'" tail cut)
# Test: tests/Assembler.Tests/Encoding/RelocationOperatorVectorTests.cs (GNU's side is an oracle test there).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python3 - "$root/tests/vectors/reloc/operators.vec" <<'PY'
import re, subprocess, sys, tempfile, os
out = sys.argv[1]
ops = ("lo12 got got_lo12 gotpage_lo15 gotpage_lo14 gotoff_lo15 gotoff_g0 gotoff_g0_nc gotoff_g1 gotoff_g1_nc "
       "tlsgd tlsgd_lo12 tlsgd_g1 tlsgd_g0_nc tlsldm tlsldm_lo12_nc tlsldm_g1 dtprel_g2 dtprel_g1 dtprel_g1_nc "
       "dtprel_g0 dtprel_g0_nc dtprel_hi12 dtprel_lo12 dtprel_lo12_nc gottprel gottprel_lo12 gottprel_g1 "
       "gottprel_g0_nc tprel_g2 tprel_g1 tprel_g1_nc tprel_g0 tprel_g0_nc tprel_hi12 tprel_lo12 tprel_lo12_nc "
       "tlsdesc tlsdesc_lo12 tlsdesc_off_g1 tlsdesc_off_g0_nc pg_hi21 pg_hi21_nc abs_g0 abs_g0_nc abs_g1 abs_g1_nc "
       "abs_g2 abs_g2_nc abs_g3 abs_g0_s abs_g1_s abs_g2_s prel_g0 prel_g0_nc prel_g1 prel_g1_nc prel_g2 prel_g2_nc "
       "prel_g3 got_prel19 tlsie").split()
sites = ["adrp x0, :OP:sym", "adr x0, :OP:sym", "ldr x0, :OP:sym", "ldr w0, :OP:sym", "ldrsw x0, :OP:sym",
         "ldr q0, :OP:sym", "prfm pldl1keep, :OP:sym", "b :OP:sym", "add x0, x0, #:OP:sym", "add w0, w0, #:OP:sym",
         "add x0, x0, #:OP:sym, lsl #12", "add x0, x0, :OP:sym+8", "adds x0, x0, #:OP:sym", "sub x0, x0, #:OP:sym",
         "ldrb w0, [x0, #:OP:sym]", "ldrh w0, [x0, #:OP:sym]", "ldr w0, [x0, #:OP:sym]", "ldr x0, [x0, :OP:sym]",
         "ldr q0, [x0, #:OP:sym]", "str x0, [x0, #:OP:sym]", "ldrsw x0, [x0, #:OP:sym]", "ldr d0, [x0, #:OP:sym]",
         "ldr s0, [x0, #:OP:sym]", "prfm pldl1keep, [x0, #:OP:sym]", "ldur x0, [x0, #:OP:sym]",
         "movz x0, #:OP:sym", "movk x0, #:OP:sym", "movn x0, #:OP:sym", "movz w0, #:OP:sym", "movk w0, #:OP:sym",
         "movz x0, #:OP:sym, lsl #16", "mov x0, #:OP:sym"]
lines = [s.replace("OP", op) for op in ops for s in sites]
tmp = tempfile.mkdtemp(prefix="reloc-vec-")
def gas(path_lines):
    src = os.path.join(tmp, "in.s")
    open(src, "w").write("\n".join(path_lines) + "\n")
    p = subprocess.run(["aarch64-linux-gnu-as", src, "-o", os.path.join(tmp, "in.o")], capture_output=True, text=True)
    errs = {}
    for l in p.stderr.split("\n"):
        m = re.match(r".*in\.s:(\d+): Error: (.*)$", l)
        if m:
            errs.setdefault(int(m.group(1)) - 1, re.sub(r" at operand \d+ -- `.*'$| -- `.*'$", "", m.group(2)))
    return p.returncode, errs
err = {}
_, first = gas(lines)
err.update(first)
while True:
    acc = [i for i in range(len(lines)) if i not in err]
    rc, more = gas([lines[i] for i in acc])
    if rc == 0: break
    for k, msg in more.items(): err.setdefault(acc[k], msg)
dis = subprocess.run(["aarch64-linux-gnu-objdump", "-dr", os.path.join(tmp, "in.o")], capture_output=True, text=True).stdout
words, rel = [], {}
for l in dis.split("\n"):
    m = re.match(r"\s+([0-9a-f]+):\s+([0-9a-f]{8})\s", l)
    if m: words.append(m.group(2)); continue
    m = re.match(r"\s+([0-9a-f]+): (R_AARCH64_\w+)\s", l)
    if m: rel[int(m.group(1), 16) // 4] = m.group(2)
res = {i: f"{words[k]} {rel.get(k, '-')}" for k, i in enumerate(acc)}
with open(out, "w") as f:
    f.write("// Relocation operators at every site, as GNU as 2.40 (LP64) takes them; regenerate with tools/gen-reloc-vectors.sh.\n")
    f.write("// `// GNU: WORD RELOC` = accepted (RELOC is - when none); `// GNU-ERROR: MESSAGE` = refused.\n")
    f.write("// Test: tests/Assembler.Tests/Encoding/RelocationOperatorVectorTests.cs.\n")
    for i, l in enumerate(lines):
        f.write(f"{l}\n// " + (f"GNU: {res[i]}" if i in res else f"GNU-ERROR: {err[i]}") + "\n")
print(f"{len(lines)} statements, {len(res)} accepted", file=sys.stderr)
PY
