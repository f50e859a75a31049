#!/usr/bin/env bash
# Greeting-validation benchmark (SPEC §12): `ivr greetings validate --json FILE` against
# `ffprobe -count_frames` on the same 1 MiB WAV, CBR MP3 and VBR MP3, timed in the same run.
#   bash scripts/bench-greetings.sh            builds .build/release/ivr first
#   IVR=/path/to/ivr bash scripts/bench-greetings.sh   uses that binary, no build
# Prints, per file: mean wall time of each tool, the ratio ffprobe/ivr (target >= 2), and peak RSS
# of each (target for ivr < 32 MiB), from /usr/bin/time -v. Timing uses hyperfine when installed,
# else a loop of RUNS (default 20) runs. A rejected file (these are all longer than 20 s, so ivr exits 1)
# is still a complete measurement: ivr reports the full duration from its frame scan / byte count.
# Needs sox, lame, ffprobe, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
if [[ -z "${IVR:-}" ]]; then
  swift build -c release --product ivr >&2
  IVR=.build/release/ivr
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time for peak-RSS figures" >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq time >&2; else sudo apt-get install -y -qq time >&2; fi
fi
for tool in sox lame ffprobe python3; do
  command -v "$tool" >/dev/null || { echo "bench-greetings: $tool is required" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
MiB=1048576

# 1 MiB WAV: 44-byte header + 1,048,532 bytes of 16-bit mono 8 kHz (524,266 frames, ~65.5 s).
sox -n -r 8000 -c 1 -b 16 "$tmp/bench.wav" synth 65.53325 sine 440 vol 0.5
# 1 MiB CBR MP3: 128 kbit/s at 44.1 kHz is 16,000 bytes a second.
sox -n -r 44100 -c 1 -b 16 "$tmp/src-cbr.wav" synth 65 sine 440 vol 0.5
lame --quiet -b 128 "$tmp/src-cbr.wav" "$tmp/bench-cbr.mp3"
# ~1 MiB VBR MP3: encode once to learn the bitrate, then encode the length that fills 1 MiB.
vbr_source() { sox -n -r 44100 -c 2 -b 16 "$tmp/src-vbr.wav" synth "$1" pinknoise vol 0.3 : synth "$1" sine 300-3000 vol 0.3 2>/dev/null \
  || sox -n -r 44100 -c 2 -b 16 "$tmp/src-vbr.wav" synth "$1" pinknoise vol 0.3; }
vbr_source 30
lame --quiet -V 2 "$tmp/src-vbr.wav" "$tmp/bench-vbr.mp3"
seconds=$(python3 -c "import os;print(round(0.99*30*$MiB/os.path.getsize('$tmp/bench-vbr.mp3'),2))")
vbr_source "$seconds"
lame --quiet -V 2 "$tmp/src-vbr.wav" "$tmp/bench-vbr.mp3"

mean_ms() { # command... -> mean wall time in ms
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 3 --min-runs "$RUNS" --export-json "$tmp/h.json" "$*" >/dev/null 2>&1 \
      || hyperfine -i --warmup 3 --min-runs "$RUNS" --export-json "$tmp/h.json" "$*" >/dev/null 2>&1
    python3 -c "import json;print('%.2f' % (json.load(open('$tmp/h.json'))['results'][0]['mean']*1000))"
  else
    "$@" >/dev/null 2>&1 || true
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$RUNS"); do "$@" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    python3 -c "print('%.2f' % (($end-$start)/1e6/$RUNS))"
  fi
}
peak_mib() { # command... -> peak RSS in MiB
  /usr/bin/time -v "$@" 2>"$tmp/time.txt" >/dev/null || true
  awk -F: '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tmp/time.txt"
}

printf '%-14s %9s %12s %14s %8s %12s %14s  %s\n' file bytes "ivr ms" "ffprobe ms" ratio "ivr MiB" "ffprobe MiB" "ivr says / ffprobe frames"
for f in bench.wav bench-cbr.mp3 bench-vbr.mp3; do
  path="$tmp/$f"
  size=$(stat -c %s "$path")
  ivr_ms=$(mean_ms "$IVR" greetings validate --json "$path")
  ff_ms=$(mean_ms ffprobe -v error -count_frames -show_entries stream=nb_read_frames "$path")
  ratio=$(python3 -c "print('%.1fx' % ($ff_ms/$ivr_ms))")
  ivr_rss=$(peak_mib "$IVR" greetings validate --json "$path")
  ff_rss=$(peak_mib ffprobe -v error -count_frames -show_entries stream=nb_read_frames "$path")
  said=$( ("$IVR" greetings validate --json "$path" 2>/dev/null || true) \
    | python3 -c "import json,sys;r=json.loads(sys.stdin.readline());print('%s s' % r['durationSeconds'])" || echo "?")
  frames=$(ffprobe -v error -count_frames -show_entries stream=nb_read_frames -of default=nw=1:nk=1 "$path" | head -1)
  printf '%-14s %9d %12s %14s %8s %12s %14s  %s / %s\n' "$f" "$size" "$ivr_ms" "$ff_ms" "$ratio" "$ivr_rss" "$ff_rss" "$said" "$frames"
done
echo "ratio = ffprobe time / ivr time (target >= 2x); ivr peak RSS target < 32 MiB."
