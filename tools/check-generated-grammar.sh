#!/usr/bin/env bash
# Fails (exit 1) when the committed parser in src/Assembler/Parsing/Generated differs from a fresh
# generation of grammar/A64Asm.g4. CI runs this; fix drift with tools/regen-grammar.sh and commit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/tools/regen-grammar.sh" "$tmp/Generated"
if ! diff -ru "$root/src/Assembler/Parsing/Generated" "$tmp/Generated"; then
    echo "error: src/Assembler/Parsing/Generated is out of date with grammar/A64Asm.g4; run tools/regen-grammar.sh" >&2
    exit 1
fi
echo "generated parser is up to date"
