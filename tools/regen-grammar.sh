#!/usr/bin/env bash
# Regenerates the C# parser from grammar/A64Asm.g4 into src/Assembler/Parsing/Generated (or into $1).
# The output is committed; tools/check-generated-grammar.sh fails when it drifts from the grammar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/src/Assembler/Parsing/Generated}"
mkdir -p "$out"
rm -f "$out"/*.cs "$out"/*.interp "$out"/*.tokens
# antlr-ng records the grammar path in its banner; run from the root so it is the same relative path everywhere.
cd "$root"
npx --yes antlr-ng@1.0.10 -Dlanguage=CSharp -p A64Asm.Assembler.Parsing.Generated \
    --generate-listener false --generate-visitor false --exact-output-dir true \
    -o "$out" grammar/A64Asm.g4 >/dev/null
# Only the C# sources are build inputs; the .interp/.tokens side files are not needed.
rm -f "$out"/*.interp "$out"/*.tokens
