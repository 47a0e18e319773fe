#!/usr/bin/env bash
# The kiosk talks (issue #14): phrases the kiosk says are synthesized by its own
# SpeechSynth (speech_to_wav, 16 kHz) and recognised offline by pocketsphinx;
# each must come back as the words asked for.
# Usage: run_speech_recognition_test.sh PATH/TO/speech_to_wav [PHRASE | "SAID=EXPECTED"]...
#   With no phrases, the list below. "SAID=EXPECTED" says one thing and expects
#   another: "Chapter five=chapter four" must fail (how to see that a wrong
#   phrase is caught).
# Needs (Debian): pocketsphinx pocketsphinx-en-us. Exit 77 (skipped) without them.
#
# Free recognition (the general en-us language model) hears espeak-ng's voice
# badly ("Playing" -> "louis", "Say it again" -> "do i you"), so the recognizer
# chooses among the phrases of a JSGF grammar: the kiosk's phrases and near
# misses (same words, one changed). Every phrase of the grammar, synthesized,
# comes back as itself, so a phrase said wrongly would be noticed. Two near
# misses are checked too. Left out because pocketsphinx cannot tell them apart
# in this voice: "Speech off" and "Speed on" both come back as "speech on".
# -fsgusefiller no: with fillers allowed, "Touch to pause" comes back as "pause it".
set -u
synth=$1; shift
model=/usr/share/pocketsphinx/model/en-us
if ! command -v pocketsphinx_continuous >/dev/null; then
  echo "SKIP: pocketsphinx_continuous is not installed (Debian: pocketsphinx)"; exit 77
fi
if [ ! -f "$model/en-us/mdef" ] || [ ! -f "$model/cmudict-en-us.dict" ]; then
  echo "SKIP: the pocketsphinx en-us model is not in $model (Debian: pocketsphinx-en-us)"; exit 77
fi

kiosk=("Playing" "Paused" "Say it again" "Touch to listen" "Chapter four" "Still listening")
near=("Chapter five" "Touch to read") # not said by the kiosk: must not come back as a kiosk phrase
grammar=("${kiosk[@]}" "${near[@]}" "praying" "posted" "pause it" "say it slowly" "play it again"
         "touch to pause" "chapter three" "still playing" "listening" "speech on" "ten seconds" "nine seconds")
[ $# -gt 0 ] || set -- "${kiosk[@]}" "${near[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
words() { tr 'A-Z' 'a-z' | tr -c 'a-z\n' ' ' | tr -s ' \n' '  ' | sed 's/^ //; s/ $//'; }
{
  echo "#JSGF V1.0;"
  echo "grammar kiosk;"
  printf 'public <phrase> = %s' "$(printf '%s' "${grammar[0]}" | words)"
  for g in "${grammar[@]:1}"; do printf ' | %s' "$(printf '%s' "$g" | words)"; done
  echo ";"
} > "$work/kiosk.gram"

status=0 n=0
for arg in "$@"; do
  said=${arg%%=*}
  expected=$(printf '%s' "${arg#*=}" | words)
  n=$((n + 1)); wav=$work/phrase$n.wav
  if ! "$synth" "$wav" "$said" > "$work/synth.log" 2>&1; then
    echo "FAIL \"$said\": speech_to_wav failed:"; cat "$work/synth.log"; status=1; continue
  fi
  heard=$(pocketsphinx_continuous -infile "$wav" -hmm "$model/en-us" -dict "$model/cmudict-en-us.dict" \
            -jsgf "$work/kiosk.gram" -fsgusefiller no -logfn "$work/ps.log" 2>>"$work/ps.log" | words)
  if [ "$heard" = "$expected" ]; then
    echo "ok   \"$said\" -> recognised \"$heard\""
  else
    echo "FAIL \"$said\" -> recognised \"$heard\", expected \"$expected\""; status=1
    [ -n "$heard" ] || grep -E "ERROR|FATAL" "$work/ps.log" | tail -3
  fi
done
exit $status
