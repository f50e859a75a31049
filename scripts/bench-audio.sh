#!/usr/bin/env bash
# `make bench-audio` (also part of `make bench`): rendering all 18 prompts × 6 languages with
# `ivr prompts render`, cold (empty render cache) and warm (everything cached), beside the time
# espeak-ng alone takes to speak the same 108 texts to WAV files (no resampling, no cache).
# Needs a release build (IVR=… to use another binary).
set -euo pipefail
cd "$(dirname "$0")/.."
IVR=${IVR:-.build/release/ivr}
command -v espeak-ng >/dev/null || { echo "espeak-ng is not installed (Debian package espeak-ng)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.3f", e - s }'; }
languages="en-US fr-FR de-DE es-ES pt-BR ja-JP"

start=$(now); "$IVR" --state "$work/state" prompts render > "$work/cold.txt"; cold=$(since "$start")
start=$(now); "$IVR" --state "$work/state" prompts render > "$work/warm.txt"; warm=$(since "$start")
prompts=$(wc -l < "$work/cold.txt")
files=$(ls "$work/state/prompt-audio" | wc -l)

# The same texts for espeak-ng alone: what `ivr prompts` shows, with the ja-JP kana readings applied
# (Greetings/readings/ja-JP.txt), as PromptAudio hands them over.
declare -A voice=([en-US]=en-us [fr-FR]=fr-fr [de-DE]=de [es-ES]=es [pt-BR]=pt-br [ja-JP]=ja)
: > "$work/texts.tsv"
for tag in $languages; do
  "$IVR" --state "$work/state" --json prompts --language "$tag" \
    | sed -e 's/.*"text":"\(.*\)","type".*/\1/' -e 's/\\"/"/g' \
    | while IFS= read -r text; do
        if [ "$tag" = ja-JP ]; then
          while IFS= read -r line; do
            case "$line" in ''|'#'*) continue ;; esac
            phrase=${line%% = *}; reading=${line#* = }
            text=${text//"$phrase"/"$reading"}
          done < Greetings/readings/ja-JP.txt
        fi
        printf '%s\t%s\n' "${voice[$tag]}" "$text"
      done >> "$work/texts.tsv"
done
start=$(now)
while IFS=$'\t' read -r v text; do
  printf '%s' "$text" | espeak-ng -v "$v" -b 1 -w "$work/alone.wav" --stdin
done < "$work/texts.tsv"
alone=$(since "$start")
texts=$(wc -l < "$work/texts.tsv")

awk -v n="$prompts" -v f="$files" -v cold="$cold" -v warm="$warm" -v alone="$alone" -v t="$texts" 'BEGIN {
  printf "prompts render, cold   %3d prompts (%d distinct texts spoken) in %6.2f s = %6.1f ms/prompt   %.2fx espeak-ng alone\n", n, f, cold, 1000 * cold / n, cold / alone
  printf "prompts render, warm   %3d prompts from the cache           in %6.2f s = %6.1f ms/prompt   %.2fx espeak-ng alone\n", n, warm, 1000 * warm / n, warm / alone
  printf "espeak-ng alone        %3d texts to WAV (22,050 Hz)          in %6.2f s = %6.1f ms/text\n", t, alone, 1000 * alone / t }'
