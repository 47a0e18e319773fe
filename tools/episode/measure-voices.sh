#!/usr/bin/env bash
# How well each Flite voice is understood, for choosing the episode's voices
# (docs/episode.md): speaks every script line of SPEAKER (Host or Nurse) with
# each voice, has Debian's offline recognizer (pocketsphinx, en-us) transcribe
# it line by line, and prints the word error rate against the spoken text, and
# the words per minute while speaking.
# Usage: tools/episode/measure-voices.sh [SPEAKER] [VOICES] [DURATION_STRETCH]
#   e.g. tools/episode/measure-voices.sh Host "rms awb slt kal16" 1.0
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
speaker="${1:-Host}"
voices="${2:-rms awb slt kal16}"
stretch="${3:-1.0}"
need=()
command -v flite >/dev/null || need+=(flite)
command -v pocketsphinx_continuous >/dev/null || need+=(pocketsphinx pocketsphinx-en-us)
command -v sox >/dev/null || need+=(sox)
if [ ${#need[@]} -gt 0 ]; then
  ${SUDO:-$([ "$(id -u)" = 0 ] || echo sudo)} apt-get install -y --no-install-recommends "${need[@]}" >&2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The spoken text of each line: {shown|spoken} says "spoken".
awk -F'\t' -v s="$speaker" '$1 == s { t = $3; while (match(t, /\{[^|}]*\|[^}]*\}/)) { m = substr(t, RSTART + 1, RLENGTH - 2); sub(/^[^|]*\|/, "", m); t = substr(t, 1, RSTART - 1) m substr(t, RSTART + RLENGTH) } print t }' \
  "$root/assets/episode/script.tsv" >"$work/lines.txt"
echo "$speaker: $(wc -l <"$work/lines.txt") lines, duration_stretch $stretch"
for v in $voices; do
  : >"$work/$v.hyp"
  total=0
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    flite -voice "$v" --setf duration_stretch="$stretch" -t "$line" -o "$work/$v-$n.wav"
    # Resampled to the recognizer's 16 kHz mono, 16-bit.
    sox -q "$work/$v-$n.wav" -r 16000 -c 1 -b 16 "$work/$v-$n-16k.wav"
    # Speaking time: the line without its leading and trailing silence.
    sox -q "$work/$v-$n-16k.wav" "$work/$v-$n-trim.wav" silence 1 0.02 -50d reverse silence 1 0.02 -50d reverse
    total=$(awk -v a="$total" -v b="$(soxi -D "$work/$v-$n-trim.wav")" 'BEGIN { print a + b }')
    pocketsphinx_continuous -infile "$work/$v-$n-16k.wav" -logfn /dev/null 2>/dev/null | tr '\n' ' ' >>"$work/$v.hyp"
    echo >>"$work/$v.hyp"
  done <"$work/lines.txt"
  /usr/bin/python3 - "$work/lines.txt" "$work/$v.hyp" "$v" "$total" "$root/tools/episode" <<'PY'
import re, sys
ref_lines = open(sys.argv[1]).read().splitlines()
hyp_lines = open(sys.argv[2]).read().splitlines()
sys.path.insert(0, sys.argv[5])
from word_errors import words, distance
errors = sum(distance(words(r), words(h)) for r, h in zip(ref_lines, hyp_lines))
count = sum(len(words(r)) for r in ref_lines)
minutes = float(sys.argv[4]) / 60
print(f"{sys.argv[3]:6s} WER {100 * errors / count:5.1f} % ({errors}/{count} words), {count / minutes:5.0f} words per minute while speaking")
PY
done
