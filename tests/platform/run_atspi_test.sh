#!/usr/bin/env bash
# Runs the AT-SPI probe and the pyatspi client against it, headless: a private
# D-Bus session (the ATK bridge starts the accessibility bus by D-Bus
# activation) and a fresh 0700 XDG_RUNTIME_DIR; no X display.
# Usage: run_atspi_test.sh PATH/TO/atspi_probe [PROBE OPTIONS...]
# Needs (scripts/setup.sh --tests): at-spi2-core python3-pyatspi gir1.2-atspi-2.0 dbus dbus-x11.
# The client runs with Debian's python (/usr/bin/python3), which has gi.
set -u
here=$(cd "$(dirname "$0")" && pwd)
probe=$1; shift
work=$(mktemp -d); mkdir -m 700 "$work/run"
trap 'rm -rf "$work"' EXIT
export XDG_RUNTIME_DIR=$work/run HOME=$work
# With a DISPLAY, AT-SPI finds its bus through a property on the X root
# window, which another test on the same X server would share: the probe
# needs no display, so its session's bus is found through D-Bus alone.
unset DISPLAY
export PROBE=$probe PROBE_ARGS="$*" CLIENT=$here/atspi_client_test.py LOG=$work/probe.log
dbus-run-session -- bash -c '
  "$PROBE" --seconds 60 $PROBE_ARGS > "$LOG" 2>&1 & app=$!
  /usr/bin/python3 "$CLIENT" ListenAlong; rc=$?
  kill -TERM $app 2>/dev/null; wait $app 2>/dev/null
  echo "--- probe output"; cat "$LOG"
  exit $rc' 2> >(grep -v -e "^dbus-daemon" -e "SpiRegistry daemon" >&2)
