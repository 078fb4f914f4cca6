#!/usr/bin/env bash
# Installs the test oracles when they are missing, checks generated code for drift, and runs every test.
# Usage: tools/test.sh [extra dotnet test args]
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v aarch64-linux-gnu-as >/dev/null || need+=(binutils-aarch64-linux-gnu)
command -v aarch64-linux-gnu-gcc >/dev/null || need+=(gcc-aarch64-linux-gnu)
command -v qemu-aarch64 >/dev/null || need+=(qemu-user)
command -v dtc >/dev/null || need+=(device-tree-compiler)
# The a64asm serve page tests drive Debian's headless chromium.
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing test oracles: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v llvm-mc >/dev/null || command -v llvm-mc-14 >/dev/null || echo "warning: llvm-mc not found; llvm-mc oracle tests will fail under CI" >&2

# Generated code must match its source (grammar, instruction table).
for check in tools/check-generated-*.sh; do
  [ -e "$check" ] || continue
  echo "== $check"
  bash "$check"
done

# The build users run (Native AOT) can fail where the in-process tests pass.
echo "== tools/smoke-published.sh"
bash tools/smoke-published.sh

log=$(mktemp)
set +e
dotnet test A64Asm.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over the test projects.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
rm -f "$log"
exit "$status"
