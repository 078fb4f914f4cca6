#!/usr/bin/env bash
# Regenerates tests/vectors/kexec: the sample relocate_kernel.S built with GNU binutils for 4K/16K/64K pages,
# and the planted mistakes the verifier must catch (sed-modified copies of the sample, 4K pages).
# Each NAME.bin is the flat image from the first instruction; NAME.offsets holds "start_offset head_offset" (hex),
# read from the arm64_kexec_kimage_{start,head}_offset quads the way machine_kexec uses them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/tests/vectors/kexec}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

build() { # name page_shift source
  local name=$1 shift_=$2 src=$3
  aarch64-linux-gnu-gcc -E -P -D__ASSEMBLY__ -DPAGE_SHIFT="$shift_" -I "$root/samples/include" -x assembler-with-cpp "$src" \
    | aarch64-linux-gnu-as -o "$work/$name.o"
  aarch64-linux-gnu-ld -e 0 -Ttext=0 "$work/$name.o" -o "$work/$name.elf"
  aarch64-linux-gnu-objcopy -O binary "$work/$name.elf" "$out/$name.bin"
  local s h
  s=$(aarch64-linux-gnu-nm "$work/$name.elf" | awk '/ arm64_kexec_kimage_start_offset$/ {print $1}')
  h=$(aarch64-linux-gnu-nm "$work/$name.elf" | awk '/ arm64_kexec_kimage_head_offset$/ {print $1}')
  printf '0x%x 0x%x\n' \
    "$(od -An -t u8 -j $((16#$s)) -N 8 "$out/$name.bin" | tr -d ' ')" \
    "$(od -An -t u8 -j $((16#$h)) -N 8 "$out/$name.bin" | tr -d ' ')" > "$out/$name.offsets"
}

sample=$root/samples/relocate_kernel.S
build sample-4k 12 "$sample"
build sample-16k 14 "$sample"
build sample-64k 16 "$sample"

# The copy loop stops one 64-byte block short of the page end.
sed 's|^ tst x21, #(PAGE_SIZE - 1)| add x9, x21, #64\n tst x9, #(PAGE_SIZE - 1)|' "$sample" > "$work/offbyone.S"
# The I-cache is never invalidated after the copy.
sed '/^ ic ialluis/d' "$sample" > "$work/no-ic.S"
# x1 keeps the copy loop's line mask at the branch.
sed '/^ mov x1, xzr/d' "$sample" > "$work/x1.S"
# The last store of each block lands 8 bytes further on: the last block of a page writes past its end.
sed 's|^ stnp x28, x29, \[x20, #48\]| stnp x28, x29, [x20, #56]|' "$sample" > "$work/stray.S"
for m in offbyone no-ic x1 stray; do
  if cmp -s "$sample" "$work/$m.S"; then echo "gen-kexec-blobs: the $m edit matched nothing" >&2; exit 1; fi
done
build offbyone-4k 12 "$work/offbyone.S"
build no-ic-ialluis-4k 12 "$work/no-ic.S"
build x1-nonzero-4k 12 "$work/x1.S"
build stray-store-4k 12 "$work/stray.S"
ls -l "$out"
