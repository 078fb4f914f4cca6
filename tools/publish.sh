#!/usr/bin/env bash
# Builds the a64asm command as a Native AOT executable (falls back to ReadyToRun where AOT cannot link).
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/a64asm
if ! dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out" --nologo >/tmp/a64asm-publish.log 2>&1; then
  echo "Native AOT publish failed (see /tmp/a64asm-publish.log); publishing ReadyToRun" >&2
  dotnet publish src/Cli -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o "$out" --nologo >/dev/null
fi
echo "$out/a64asm"
