#!/usr/bin/env bash
# How well the finished episode is understood (docs/episode.md): cuts every
# cue of DIR/episode.transcript.json out of DIR/episode.ogg, has Debian's
# offline recognizer (pocketsphinx, en-us) transcribe it, and prints per
# speaker the word error rate against what is said (the script's
# {shown|spoken} pronunciations applied), and the words per minute inside the
# cues. Also prints the loudness (EBU R128, ffmpeg's ebur128 if present).
# Usage: tools/episode/measure-episode.sh [DIR]    (default assets/episode)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${1:-$root/assets/episode}"
need=()
command -v pocketsphinx_continuous >/dev/null || need+=(pocketsphinx pocketsphinx-en-us)
command -v sox >/dev/null || need+=(sox libsox-fmt-all)
if [ ${#need[@]} -gt 0 ]; then
  ${SUDO:-$([ "$(id -u)" = 0 ] || echo sudo)} apt-get install -y --no-install-recommends "${need[@]}" >&2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sox -q "$dir/episode.ogg" -r 16000 -c 1 -b 16 "$work/episode.wav"
/usr/bin/python3 - "$dir/episode.transcript.json" "$root/assets/episode/script.tsv" "$work" "$root/tools/episode" <<'PY'
import json, re, subprocess, sys
transcript, script, work = sys.argv[1:4]
# {shown|spoken} in the script: the recognizer is scored against "spoken".
spoken = {}
for line in open(script, encoding="utf-8"):
    for shown, said in re.findall(r"\{([^|}]*)\|([^}]*)\}", line):
        spoken[shown] = said
sys.path.insert(0, sys.argv[4])
from word_errors import words, distance
stats = {}
for n, seg in enumerate(json.load(open(transcript, encoding="utf-8"))["segments"]):
    text = seg["body"]
    for shown, said in sorted(spoken.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(shown, said)
    start, end = float(seg["startTime"]), float(seg["endTime"])
    cut = f"{work}/cue{n}.wav"
    subprocess.run(["sox", "-q", f"{work}/episode.wav", cut, "trim", str(start), str(end - start)], check=True)
    hyp = subprocess.run(["pocketsphinx_continuous", "-infile", cut, "-logfn", "/dev/null"],
                         capture_output=True, text=True).stdout.replace("\n", " ")
    s = stats.setdefault(seg["speaker"], [0, 0, 0.0])
    ref = words(text)
    s[0] += distance(ref, words(hyp))
    s[1] += len(ref)
    s[2] += end - start
for speaker, (errors, count, secs) in sorted(stats.items()):
    print(f"{speaker:6s} WER {100 * errors / count:5.1f} % ({errors}/{count} words), "
          f"{count * 60 / secs:5.0f} words per minute inside cues")
PY
if command -v ffmpeg >/dev/null; then
  ffmpeg -nostats -hide_banner -i "$dir/episode.ogg" -af ebur128=peak=true -f null - 2>&1 |
    awk '/Integrated loudness/ { s = 1 } s && /I:|LRA:|Peak:/ { print "  " $0 }'
fi
