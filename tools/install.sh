#!/usr/bin/env bash
# Builds a64asm once as a Native AOT executable (tools/publish.sh; ReadyToRun where AOT cannot link) and installs it:
# the published folder as PREFIX/lib/a64asm, and PREFIX/bin/a64asm pointing into it. PREFIX defaults to ~/.local.
# Prints the installed command's path. Run it again after pulling to update.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-$HOME/.local}"
built="$(tools/publish.sh)"
from="$(dirname "$built")"
rm -rf "$prefix/lib/a64asm"
mkdir -p "$prefix/lib/a64asm" "$prefix/bin"
# Only what runs: the executable (and, for ReadyToRun, the assemblies beside it), not the debug symbols.
find "$from" -maxdepth 1 -type f ! -name '*.dbg' ! -name '*.pdb' -exec cp {} "$prefix/lib/a64asm/" \;
ln -sf "$prefix/lib/a64asm/a64asm" "$prefix/bin/a64asm"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on PATH; add it, or run $prefix/bin/a64asm" >&2 ;;
esac
echo "$prefix/bin/a64asm"
