#!/usr/bin/env bash
# Fails when the committed generated ISA sources differ from what the table produces.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/regen-isa.sh"
git -C "$root" diff --exit-code -- src/Isa/Generated
untracked="$(git -C "$root" ls-files --others --exclude-standard -- src/Isa/Generated)"
if [ -n "$untracked" ]; then echo "untracked generated files:"; echo "$untracked"; exit 1; fi
echo "generated ISA sources are up to date"
