#!/usr/bin/env bash
# Fuzzes the call-script parser, and the simulator and state machine behind every script it
# accepts, with libFuzzer (SPEC §13).
#   bash scripts/fuzz-call-scripts.sh [SECONDS]        default 300 (5 minutes)
# RegularFile, VoiceCall and CallScript are compiled as one module (their `import VoiceCall` and
# `import RegularFile` lines dropped in a
# scratch copy) with Fuzz/FuzzCallScript.swift, under `swiftc -sanitize=fuzzer,address`. The corpus
# is seeded from Samples/calls. A finding stops the run and is left as .build/fuzz-calls/crash-*;
# the exit status is libFuzzer's (0 = no finding).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
out=.build/fuzz-calls
rm -rf "$out/src"
mkdir -p "$out/src" "$out/corpus"
for f in Sources/RegularFile/*.swift Sources/VoiceCall/*.swift Sources/CallScript/*.swift; do
  grep -v -e '^import VoiceCall$' -e '^import RegularFile$' "$f" > "$out/src/$(basename "$(dirname "$f")")-$(basename "$f")"
done
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name CallScriptFuzz \
  "$out"/src/*.swift Fuzz/FuzzCallScript.swift -o "$out/fuzz-call-scripts"
cp Samples/calls/*.call "$out/corpus/"
"$out/fuzz-call-scripts" "$out/corpus" \
  -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$out/" -print_final_stats=1
