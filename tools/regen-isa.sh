#!/usr/bin/env bash
# Regenerates src/Isa/Generated/*.g.cs from src/Isa/Table/*.isa (lint errors exit non-zero, nothing written).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
art="${ISAGEN_ARTIFACTS:-/tmp/art-isagen}"
dotnet build "$root/tools/IsaGen/IsaGen.csproj" --artifacts-path "$art" -v quiet -nologo >/dev/null
dotnet "$art/bin/IsaGen/debug/IsaGen.dll" "$root"
