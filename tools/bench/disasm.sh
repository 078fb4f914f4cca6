#!/usr/bin/env bash
# Wall time of `a64asm disasm` on a flat file of random words (Native AOT build) beside
# `objdump -D -b binary -m aarch64` on the same file, output to /dev/null, in one hyperfine run.
# Random words are the worst case for both: most are unallocated, and every one is decoded and printed.
# Usage: tools/bench/disasm.sh [MiB] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
mib=${1:-64}
runs=${2:-3}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
command -v aarch64-linux-gnu-objdump >/dev/null || { apt-get update -qq && apt-get install -y -qq binutils-aarch64-linux-gnu >/dev/null; }

bash tools/publish.sh >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# A fixed seed: the same words on every machine.
python3 -c "import random,sys; r=random.Random(16); sys.stdout.buffer.write(r.randbytes($mib<<20))" > "$tmp/r.bin"
ours="artifacts/a64asm/a64asm disasm $tmp/r.bin"
gnu="aarch64-linux-gnu-objdump -D -b binary -m aarch64 $tmp/r.bin"

hyperfine --style basic --warmup 1 --runs "$runs" --output=null --export-json "$tmp/r.json" \
  -n "a64asm" "$ours" -n "objdump" "$gnu" >&2
python3 - "$tmp/r.json" "$mib" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, g = r["a64asm"], r["objdump"]
print(f"disasm of {sys.argv[2]} MiB of random words: a64asm {a['median']:.2f} s (median), objdump {g['median']:.2f} s; ratio a64asm/objdump = {a['median']/g['median']:.2f}")
PY
