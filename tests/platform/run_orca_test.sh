#!/usr/bin/env bash
# Orca itself, headless, listening to the real player: focusing Play must make
# it say "Play push button", and setting the speed must make it announce
# "Speed 1.5 times". What Orca says is captured from speech-dispatcher.
# Usage: run_orca_test.sh PATH/TO/listenalong
# Needs (scripts/setup.sh --tests): orca speech-dispatcher at-spi2-core python3-pyatspi dbus dbus-x11 xvfb.
#
# How: a private Xvfb and D-Bus session; speech-dispatcher gets an output
# module that appends each utterance to spoken.txt (its real modules open an
# audio device at start and fail headless, so ALSA's default device is a file
# over "null"); Orca runs with --replace and a debug file.
set -u
here=$(cd "$(dirname "$0")" && pwd)
player=$1
work=$(mktemp -d); mkdir -m 700 "$work/run"; mkdir -p "$work/home/.config/speech-dispatcher/modules" "$work/sdlog"
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_RUNTIME_DIR=$work/run XDG_CONFIG_HOME=$work/home/.config
export XDG_DATA_HOME=$work/home/.local/share XDG_CACHE_HOME=$work/home/.cache XDG_STATE_HOME=$work/home/.local/state
export SDL_AUDIODRIVER=dummy PYTHONPATH=$here
unset NO_AT_BRIDGE
cat > "$HOME/.asoundrc" <<A
pcm.!default {
  type file
  slave.pcm "null"
  file "$work/audio.raw"
  format "raw"
}
A
cat > "$XDG_CONFIG_HOME/speech-dispatcher/speechd.conf" <<A
LogLevel 3
LogDir "$work/sdlog"
AudioOutputMethod "alsa"
AddModule "capture" "sd_generic" "capture.conf"
DefaultModule capture
DefaultLanguage "en"
Include "/etc/speech-dispatcher/clients/*.conf"
A
cat > "$XDG_CONFIG_HOME/speech-dispatcher/modules/capture.conf" <<A
Debug 0
GenericExecuteSynth "echo \$(date +%s.%N) \'\$DATA\' >> $work/spoken.txt"
GenericCmdDependency "printf"
AddVoice "en" "MALE1" "en"
DefaultVoice "en"
A
export WORK=$work PLAYER=$player ACTIONS=$here/orca_actions.py
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  orca --replace --debug-file="$WORK/orca.log" >/dev/null 2>&1 & orca=$!
  for i in $(seq 100); do grep -q "loadUserSettings" "$WORK/orca.log" 2>/dev/null && break; sleep 0.1; done
  sleep 2
  "$PLAYER" --start 95 --quit-after 40 > "$WORK/player.log" 2>&1 & app=$!
  /usr/bin/python3 "$ACTIONS"; rc=$?
  sleep 1
  kill -TERM $app 2>/dev/null; wait $app 2>/dev/null
  kill -TERM $orca 2>/dev/null; sleep 0.5; kill -KILL $orca 2>/dev/null
  exit $rc' 2> >(grep -v -e "^dbus-daemon" -e "SpiRegistry daemon" >&2)
rc=$?
sd=$(pgrep -f "speech-dispatcher.*$XDG_RUNTIME_DIR" || true); [ -n "$sd" ] && kill $sd
echo "--- what Orca said (time, words)"; cat "$work/spoken.txt" 2>/dev/null
status=$rc
said() { grep -q "^[0-9.]* $1" "$work/spoken.txt" 2>/dev/null; }
said "Play push button" || { echo "FAIL: Orca did not say 'Play push button'"; status=1; }
grep -q "Speed 1.5 times" "$work/spoken.txt" 2>/dev/null || { echo "FAIL: Orca did not announce 'Speed 1.5 times'"; status=1; }
said "Forward 30 seconds push button" || { echo "FAIL: Tab did not make Orca say 'Forward 30 seconds push button'"; status=1; }
[ $status = 0 ] && echo "PASS: Orca said 'Play push button', 'Speed 1.5 times' and, after Tab, 'Forward 30 seconds push button'"
# Event to speech: from each action (actions.txt: time, what) to the first
# utterance after it that contains its words.
while read -r t what; do
  awk -v t="$t" -v w="$what" '$1 >= t && index($0, w) { printf "TIME %s: %.0f ms from action to speech\n", w, ($1 - t) * 1000; exit }' \
    "$work/spoken.txt" 2>/dev/null
done < "$work/actions.txt" 2>/dev/null
exit $status
