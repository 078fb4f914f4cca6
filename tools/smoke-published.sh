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
# serve: Kestrel and the JSON writers as AOT compiled them, on a free port, stopped by its process id.
"$exe" serve --port 0 >"$tmp/serve.out" 2>&1 & serve=$!
trap 'kill "$serve" 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do grep -qs 'listening on' "$tmp/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^a64asm serve: listening on //p' "$tmp/serve.out")
[ -n "$url" ] || { cat "$tmp/serve.out" >&2; exit 1; }
# Each reply goes to a file first: grep -q leaving a pipe early makes curl fail with "failed writing" (23) under pipefail.
curl -sf -o "$tmp/explain.json" -H 'Content-Type: application/json' -d '{"text": "ldp x22, x23, [x21, #16]"}' "${url}api/explain"
grep -q '"word":"0xa9415eb6"' "$tmp/explain.json"
curl -sf -o "$tmp/verify.json" -H 'Content-Type: application/json' -d '{"sample": true, "options": {"caches": "on"}}' "${url}api/verify"
grep -q '"id": "icache-stale"' "$tmp/verify.json"
curl -sf -o "$tmp/page.html" "$url"
grep -q '<title>a64asm</title>' "$tmp/page.html"
kill "$serve"
echo "published build: sample images identical for 4K/16K/64K, verify passes, disasm, explain and serve run"
