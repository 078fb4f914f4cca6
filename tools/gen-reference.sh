#!/usr/bin/env bash
# Regenerates the committed reference images of samples/relocate_kernel.S with the GNU pipeline
# (the kernel's own tools): gcc -E -> as -> ld -Ttext=0 -> objcopy -O binary, for 4K, 16K and 64K pages.
# Output: tests/vectors/e2e/relocate_kernel.ps<N>.bin and .syms (nm of the linked image).
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/vectors/e2e
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for shift in 12 14 16; do
  aarch64-linux-gnu-gcc -E -D__ASSEMBLY__ -DPAGE_SHIFT=$shift -I samples/include samples/relocate_kernel.S -o "$tmp/rk.s"
  aarch64-linux-gnu-as "$tmp/rk.s" -o "$tmp/rk.o"
  aarch64-linux-gnu-ld -Ttext=0 -e 0 "$tmp/rk.o" -o "$tmp/rk.elf"
  aarch64-linux-gnu-objcopy -O binary "$tmp/rk.elf" "$out/relocate_kernel.ps$shift.bin"
  aarch64-linux-gnu-nm "$tmp/rk.elf" | grep -E ' arm64_' > "$out/relocate_kernel.ps$shift.syms"
done
ls -l "$out"
