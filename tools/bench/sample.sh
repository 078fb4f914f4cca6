#!/usr/bin/env bash
# Wall time of `a64asm samples/relocate_kernel.S -o reloc.bin` (start to reloc.bin, Native AOT build)
# beside the GNU pipeline's (gcc -E, as, ld, objcopy) on the same file and headers, in one hyperfine run.
# Usage: tools/bench/sample.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-30}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
command -v aarch64-linux-gnu-as >/dev/null || { apt-get update -qq && apt-get install -y -qq binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu >/dev/null; }

bash tools/publish.sh >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gnu="aarch64-linux-gnu-gcc -E -D__ASSEMBLY__ -I samples/include samples/relocate_kernel.S -o $tmp/g.s && aarch64-linux-gnu-as $tmp/g.s -o $tmp/g.o && aarch64-linux-gnu-ld -Ttext=0 -e 0 $tmp/g.o -o $tmp/g.elf && aarch64-linux-gnu-objcopy -O binary $tmp/g.elf $tmp/g.bin"
ours="artifacts/a64asm/a64asm samples/relocate_kernel.S -I samples/include -o $tmp/a.bin"

hyperfine --style basic --warmup 3 --runs "$runs" --export-json "$tmp/r.json" \
  -n "a64asm" "$ours" -n "GNU pipeline" "$gnu" >&2
cmp "$tmp/a.bin" "$tmp/g.bin" && echo "outputs identical ($(stat -c %s "$tmp/a.bin") bytes)"
python3 - "$tmp/r.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, g = r["a64asm"], r["GNU pipeline"]
print(f"sample: a64asm {a['median']*1000:.1f} ms (median), GNU pipeline {g['median']*1000:.1f} ms; ratio a64asm/GNU = {a['median']/g['median']:.2f}")
PY
