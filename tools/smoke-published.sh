#!/usr/bin/env bash
# Publishes a64asm as users run it (Native AOT) and runs the main job and verify on the sample with it:
# the in-process tests cannot see what only the published build does (trimming, no dynamic code).
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(bash tools/publish.sh)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for shift in 12 14 16; do
  "$exe" samples/relocate_kernel.S -I samples/include -DPAGE_SHIFT=$shift -o "$tmp/r.bin" --offsets "$tmp/o.json" >/dev/null
  cmp "$tmp/r.bin" tests/vectors/e2e/relocate_kernel.ps$shift.bin
  "$exe" verify "$tmp/r.bin" --offsets "$tmp/o.json" --page-size $(( (1 << shift) / 1024 ))K --json >"$tmp/v.json"
  grep -q '"passed": true' "$tmp/v.json"
done
"$exe" disasm tests/vectors/e2e/relocate_kernel.ps12.bin | grep -q 'ldp	x22, x23, \[x21\]'
"$exe" explain 0xa94166b8 | grep -q 'LDP_64_off'
echo "published build: sample images identical for 4K/16K/64K, verify passes, disasm and explain run"
