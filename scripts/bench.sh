#!/usr/bin/env bash
# `make bench`: the speed figures of SPEC §12, each printed with the peer or target measured or
# stated in the same run, as a ratio. Needs a release build (make bench does it).
set -euo pipefail
cd "$(dirname "$0")/.."
IVR=.build/release/ivr
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== Calls: state machine and simulator alone, one core (target 500,000 calls/s)"
swift build -c release --product CallBench >/dev/null
.build/release/CallBench 2

echo
echo "== Calls: 'ivr call' over 10,000 scripts in one process, sign-in log included (target 5,000 calls/s)"
mkdir -p "$work/scripts"
for i in $(seq 1 10000); do
  case $((i % 4)) in
    0) actions=$'answer\nlisten\npress #' ;;
    1) actions=$'answer\npress 0#' ;;
    2) actions=$'answer after 2\nlisten\npress 5#\nlisten\npress #' ;;
    3) actions=$'answer\nwait 3\nhangup' ;;
  esac
  printf 'user user%d@contoso.com\nphone +1 425 555 %04d\nat 2026-11-25T10:00:00Z\n%s\n' "$i" $((i % 10000)) "$actions" > "$work/scripts/c$i.call"
done
start=$(date +%s.%N)
"$IVR" --state "$work/state" call --json "$work"/scripts/*.call > "$work/out.jsonl"
end=$(date +%s.%N)
calls=$(wc -l < "$work/out.jsonl")
logged=$("$IVR" --state "$work/state" log --json | wc -l)
awk -v n="$calls" -v s="$start" -v e="$end" -v logged="$logged" 'BEGIN {
  rate = n / (e - s);
  printf "ivr call       %d calls in %.2f s = %.0f calls/s   %.2fx the 5,000/s target   (%d log records)\n", n, e - s, rate, rate / 5000, logged }'

echo
echo "== Greeting validation against ffprobe -count_frames"
if [ -x scripts/bench-greetings.sh ]; then
  bash scripts/bench-greetings.sh
else
  echo "scripts/bench-greetings.sh missing"
fi

echo
echo "== Prompt audio: 18 prompts × 6 languages rendered cold and warm, beside espeak-ng alone"
bash scripts/bench-audio.sh
