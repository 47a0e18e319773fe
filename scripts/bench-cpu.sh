#!/usr/bin/env bash
# CPU use of the player under Xvfb (software rendering, llvmpipe), over
# SECONDS (default 30) in three states: paused and idle, playing with the
# transcript visible, and playing at 300 % text. Prints % of one core.
# Targets (issue 6): paused < 1 %, playing < 5 %.
# Usage: scripts/bench-cpu.sh [SECONDS]   (builds first, like scripts/play.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-30}"
build="$("$root/scripts/setup.sh" --tests)"
exe="$build/listenalong"
tmp="$(mktemp -d)"
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY="$display" SDL_AUDIODRIVER=dummy XDG_CONFIG_HOME="$tmp/config"
hz=$(getconf CLK_TCK)

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() { # name, args...
  local name="$1"; shift
  "$exe" --quit-after $((seconds + 8)) "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep 5 # start-up, font atlas, first frames: not part of the steady state
  local t0 c0 t1 c1
  t0=$(date +%s.%N); c0=$(ticks $pid)
  sleep "$seconds"
  t1=$(date +%s.%N); c1=$(ticks $pid)
  wait $pid || true
  awk -v n="$name" -v c="$((c1 - c0))" -v hz="$hz" -v t0="$t0" -v t1="$t1" \
    'BEGIN { printf "%-34s %6.2f %% of one core (%d ticks over %.1f s)\n", n, 100 * c / hz / (t1 - t0), c, t1 - t0 }'
}

echo "ListenAlong CPU use, $seconds s per state, $(nproc) cores, $(uname -m)"
measure "paused, idle"                     --start 60
measure "playing, transcript visible"      --start 60 --play
measure "playing, 300 % text"              --start 60 --play --text-size 300
