#!/usr/bin/env bash
# Fuzzes GreetingValidator with libFuzzer (SPEC §13).
#   bash scripts/fuzz-greetings.sh [SECONDS]        default 300 (5 minutes)
# Builds .build/fuzz/fuzz-greetings from Sources/RegularFile/*.swift + Sources/GreetingAudio/*.swift
# (one module: their `import RegularFile` lines dropped in a scratch copy) + Fuzz/FuzzGreetingValidator.swift
# with `swiftc -sanitize=fuzzer,address`, seeds a corpus from Samples/greetings (plus short cuts of
# each sample, so small inputs are explored first) and runs one job. A crash, a sanitizer report, a
# broken report invariant, a single allocation over 32 MiB or RSS over 2 GiB (libFuzzer + ASan overhead included) stops the run and
# leaves the input as .build/fuzz/crash-*; exit status is libFuzzer's (0 = no finding).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
out=.build/fuzz
rm -rf "$out/src"
mkdir -p "$out/corpus" "$out/src"
for f in Sources/RegularFile/*.swift Sources/GreetingAudio/*.swift; do
  grep -v '^import RegularFile$' "$f" > "$out/src/$(basename "$(dirname "$f")")-$(basename "$f")"
done

swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name GreetingFuzz \
  "$out"/src/*.swift Fuzz/FuzzGreetingValidator.swift \
  -I Sources/CSndFile -I Sources/CMpg123 -lsndfile -lmpg123 \
  -o "$out/fuzz-greetings"

for f in Samples/greetings/accepted/* Samples/greetings/rejected/*; do
  case "$f" in *.sh) continue ;; esac
  base=$(basename "$f")
  cp "$f" "$out/corpus/$base"
  head -c 2048 "$f" > "$out/corpus/head2k-$base"
  head -c 300 "$f" > "$out/corpus/head300-$base"
done

"$out/fuzz-greetings" "$out/corpus" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -malloc_limit_mb=32 -rss_limit_mb=2048 \
  -artifact_prefix="$out/" -print_final_stats=1
