#!/usr/bin/env bash
# Assembler throughput on the shared 1,000,000-instruction workload (../shared/bench/gen-workload.py):
# a64asm -c beside GNU as and llvm-mc 14, in one hyperfine run, plus a check that the three .text sections match.
# Usage: tools/bench/throughput.sh [instructions] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}; runs=${2:-5}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
command -v aarch64-linux-gnu-as >/dev/null || { apt-get update -qq && apt-get install -y -qq binutils-aarch64-linux-gnu >/dev/null; }
mc=$(command -v llvm-mc || command -v llvm-mc-14)

bash tools/publish.sh >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 ../shared/bench/gen-workload.py "$tmp/w.s" "$n"

hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$tmp/r.json" \
  -n a64asm "artifacts/a64asm/a64asm -c $tmp/w.s -o $tmp/a.o" \
  -n "GNU as" "aarch64-linux-gnu-as $tmp/w.s -o $tmp/g.o" \
  -n llvm-mc "$mc -triple=aarch64 -filetype=obj $tmp/w.s -o $tmp/l.o" >&2
for x in a g l; do aarch64-linux-gnu-objcopy -O binary -j .text "$tmp/$x.o" "$tmp/$x.text"; done
cmp "$tmp/a.text" "$tmp/g.text" && cmp "$tmp/l.text" "$tmp/g.text" && echo ".text identical in all three ($(stat -c %s "$tmp/g.text") bytes)"
python3 - "$tmp/r.json" "$n" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
a, g, l = r["a64asm"], r["GNU as"], r["llvm-mc"]
print(f"{int(sys.argv[2]):,} instructions: a64asm {a:.2f} s, GNU as {g:.2f} s, llvm-mc {l:.2f} s (medians); "
      f"a64asm/GNU as = {a/g:.2f}, llvm-mc/GNU as = {l/g:.2f}")
PY
