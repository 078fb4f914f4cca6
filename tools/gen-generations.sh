#!/usr/bin/env bash
# Builds the GNU references of the generation samples (samples/generations/*/) with the kernel's own
# pipeline, for every page size and endianness each sample's sample.conf names:
#
#   gcc -E -nostdinc -D__ASSEMBLY__ -DPAGE_SHIFT=N -I DIR/include CPPFLAGS [-mbig-endian] DIR/SOURCE
#     -> as [-EB] ASFLAGS -> ld [-EB] -Ttext=0 -e 0 -> objcopy -O binary [-j SECTION]
#
# and writes, per case, into tests/vectors/generations/:
#   VARIANT.psN.s    the gcc -E output with its line markers (what the preprocessed-input tests feed a64asm)
#   VARIANT.psN.bin  the image
#   VARIANT.psN.syms nm of the linked image
# VARIANT is the sample's name, with -be appended for the big-endian build. -nostdinc keeps the host's
# stdc-predef.h out of the committed .s files; the kernel builds with it too.
#
#   tools/gen-generations.sh            regenerate the references
#   tools/gen-generations.sh --pending  run the built a64asm (src/Cli/bin/Release/net10.0/a64asm) on every
#                                       case, .S and .s, and rewrite tests/vectors/generations/pending.txt
#                                       with the cases that do not match, each with its first error or difference
#   tools/gen-generations.sh --verify   build every case with the built a64asm and run --verify on it (with the
#                                       conf's verify_flags): one line per case with the verdict and the convention
#                                       verify picked; exit status 1 when a case fails or picks another convention
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/vectors/generations
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# conf_get FILE KEY: the value of "KEY = value" (empty when absent).
conf_get() {
  sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*//p" "$1" | sed 's/[[:space:]]*$//' | head -n1
}

# load_sample DIR: sets the sample's settings as shell variables.
load_sample() {
  local dir=$1 conf=$1/sample.conf
  name=$(basename "$dir")
  source_file=$(conf_get "$conf" source)
  page_shifts=$(conf_get "$conf" page_shifts)
  endians=$(conf_get "$conf" endians); endians=${endians:-le}
  cppflags=$(conf_get "$conf" cppflags); cppflags=${cppflags//\{sample\}/$dir}
  asflags=$(conf_get "$conf" asflags)
  section=$(conf_get "$conf" section)
  convention=$(conf_get "$conf" convention)
  verify_flags=$(conf_get "$conf" verify_flags); verify_flags=${verify_flags//\{sample\}/$dir}
}

build_reference() {
  local dir=$1 endian=$2 shift=$3 variant=$4
  local be_cpp=() be_as=() only=()
  if [[ $endian == be ]]; then be_cpp=(-mbig-endian); be_as=(-EB); fi
  if [[ -n $section ]]; then only=(-j "$section"); fi
  local base=$out/$variant.ps$shift
  # shellcheck disable=SC2086 # cppflags/asflags are word lists by design
  aarch64-linux-gnu-gcc -E -nostdinc -D__ASSEMBLY__ -DPAGE_SHIFT="$shift" -I "$dir/include" $cppflags "${be_cpp[@]}" \
    "$dir/$source_file" -o "$base.s"
  # shellcheck disable=SC2086
  aarch64-linux-gnu-as "${be_as[@]}" $asflags "$base.s" -o "$tmp/g.o"
  aarch64-linux-gnu-ld "${be_as[@]}" -Ttext=0 -e 0 "$tmp/g.o" -o "$tmp/g.elf"
  aarch64-linux-gnu-objcopy -O binary "${only[@]}" "$tmp/g.elf" "$base.bin"
  aarch64-linux-gnu-nm "$tmp/g.elf" > "$base.syms"
  chmod 644 "$base.bin"
}

# first_difference EXPECTED ACTUAL: "first difference at 0xOFF: a64asm WORD, GNU WORD" or a size note.
first_difference() {
  local first
  first=$(cmp -l "$1" "$2" 2>/dev/null | head -n1 | awk '{print $1 - 1}')
  if [[ -z $first ]]; then
    echo "image sizes differ: $(stat -c %s "$2") (a64asm) vs $(stat -c %s "$1") (GNU)"
    return
  fi
  local word=$(( first & ~3 ))
  printf 'first difference at 0x%x: word at 0x%x is %s (a64asm), %s (GNU)\n' "$first" "$word" \
    "$(od -An -tx4 -j "$word" -N4 "$2" | tr -d ' ')" "$(od -An -tx4 -j "$word" -N4 "$1" | tr -d ' ')"
}

# check_case ARGS...: runs a64asm, prints nothing on a match, else the first error or difference.
check_case() {
  local expected=$1; shift
  rm -f "$tmp/ours.bin"
  if ! "$a64asm" "$@" -o "$tmp/ours.bin" > /dev/null 2> "$tmp/err"; then
    local line
    line=$(grep -m1 -E 'error|Unrecognized|not matched|unknown' "$tmp/err" || head -n1 "$tmp/err")
    echo "${line:-a64asm failed with no message}"
  elif ! cmp -s "$expected" "$tmp/ours.bin"; then
    first_difference "$expected" "$tmp/ours.bin"
  fi
}

write_pending() {
  a64asm=src/Cli/bin/Release/net10.0/a64asm
  [[ -x $a64asm ]] || { echo "build first: dotnet build A64Asm.sln -c Release" >&2; exit 1; }
  {
    echo "# Generation cases a64asm does not yet build byte-identical to GNU (tools/gen-generations.sh --pending)."
    echo "# A line names a variant (all its cases) or one case: VARIANT.psN (the .S input) or VARIANT.psN.s"
    echo "# (the gcc -E output); after '#', the first error or difference. The tests run every other case and"
    echo "# fail when a case listed here starts to match, so this list shrinks as the assembler is fixed."
  } > "$tmp/pending"
  for dir in samples/generations/*/; do
    dir=${dir%/}
    load_sample "$dir"
    for endian in $endians; do
      local variant=$name be=()
      if [[ $endian == be ]]; then variant=$name-be; be=(-EB); fi
      local only=(); [[ -n $section ]] && only=(-j "$section")
      local lines=() failed=0 total=0 first=""
      for shift in $page_shifts; do
        local base=$out/$variant.ps$shift result
        # shellcheck disable=SC2086
        result=$(check_case "$base.bin" "$dir/$source_file" -D__ASSEMBLY__ "-DPAGE_SHIFT=$shift" -I "$dir/include" $cppflags $asflags "${be[@]}" "${only[@]}")
        total=$((total + 1)); if [[ -n $result ]]; then failed=$((failed + 1)); lines+=("$variant.ps$shift  # $result"); first=${first:-$result}; fi
        # shellcheck disable=SC2086
        result=$(check_case "$base.bin" "$base.s" $asflags "${be[@]}" "${only[@]}")
        total=$((total + 1)); if [[ -n $result ]]; then failed=$((failed + 1)); lines+=("$variant.ps$shift.s  # $result"); first=${first:-$result}; fi
      done
      if (( failed == total )); then
        echo "$variant  # $first" >> "$tmp/pending"
      elif (( failed > 0 )); then
        printf '%s\n' "${lines[@]}" >> "$tmp/pending"
      fi
    done
  done
  cp "$tmp/pending" "$out/pending.txt"
  cat "$out/pending.txt"
}

# verify_all: every case built from its .S and verified in the same run, as GenerationVerifyTests does.
verify_all() {
  local a64asm=src/Cli/bin/Release/net10.0/a64asm bad=0
  [[ -x $a64asm ]] || { echo "build first: dotnet build A64Asm.sln -c Release" >&2; exit 1; }
  for dir in samples/generations/*/; do
    dir=${dir%/}
    load_sample "$dir"
    for endian in $endians; do
      local variant=$name be=() only=()
      if [[ $endian == be ]]; then variant=$name-be; be=(-EB); fi
      [[ -n $section ]] && only=(-j "$section")
      for shift in $page_shifts; do
        local report verdict picked
        # shellcheck disable=SC2086
        report=$("$a64asm" "$dir/$source_file" -D__ASSEMBLY__ "-DPAGE_SHIFT=$shift" -I "$dir/include" $cppflags $asflags \
          "${be[@]}" "${only[@]}" -o "$tmp/v.bin" --offsets "$tmp/v.json" --verify $verify_flags 2>&1) || true
        verdict=$(grep -m1 '^verify: ' <<< "$report" || echo "no report: $(head -n1 <<< "$report")")
        picked=$(sed -n 's/^  convention: \([a-z-]*\).*/\1/p' <<< "$report")
        printf '%-26s %-14s %s\n' "$variant.ps$shift" "${verdict#verify: }" "${picked:-?} (conf: $convention)"
        [[ $verdict == "verify: PASS" && $picked == "$convention" ]] || bad=1
      done
    done
  done
  return $bad
}

if [[ ${1:-} == --verify ]]; then
  verify_all
  exit $?
fi

if [[ ${1:-} == --pending ]]; then
  write_pending
  exit 0
fi

for dir in samples/generations/*/; do
  dir=${dir%/}
  load_sample "$dir"
  for endian in $endians; do
    variant=$name; [[ $endian == be ]] && variant=$name-be
    for shift in $page_shifts; do
      build_reference "$dir" "$endian" "$shift" "$variant"
    done
  done
done
ls -l "$out"
