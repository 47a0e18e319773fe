#!/usr/bin/env bash
# The real player read and driven through AT-SPI (player_atspi_test.py):
# a private X server (Xvfb), a private D-Bus session (the ATK bridge starts
# the accessibility bus by D-Bus activation) and a fresh 0700 XDG_RUNTIME_DIR.
# Usage: run_player_atspi_test.sh PATH/TO/listenalong
# Needs (scripts/setup.sh --tests): xvfb at-spi2-core python3-pyatspi gir1.2-atspi-2.0 dbus dbus-x11.
set -u
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); mkdir -m 700 "$work/run"
trap 'rm -rf "$work"' EXIT
export XDG_RUNTIME_DIR=$work/run HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
export PLAYER=$1 CLIENT=$here/player_atspi_test.py LOG=$work/player.log SDL_AUDIODRIVER=dummy
unset NO_AT_BRIDGE
xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- bash -c '
  "$PLAYER" --size 1920x1080 --start 95 --quit-after 60 > "$LOG" 2>&1 & app=$!
  /usr/bin/python3 "$CLIENT"; rc=$?
  kill -TERM $app 2>/dev/null; wait $app 2>/dev/null
  echo "--- player output"; cat "$LOG"
  exit $rc' 2> >(grep -v -e "^dbus-daemon" -e "SpiRegistry daemon" >&2)
