#!/usr/bin/env bash
# Installs what the build needs (Debian 12 packages) and builds ListenAlong.
# Usage: scripts/setup.sh [--tests] [--sanitize] -> prints the build folder.
# Re-running is fast: packages are checked, not reinstalled, and the build is
# incremental.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

want_tests=0
sanitize=0
for a in "$@"; do
  case "$a" in
    --tests) want_tests=1 ;;
    --sanitize) sanitize=1 ;;
    *) echo "setup.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

packages=(build-essential cmake pkg-config libsdl2-dev libsdl2-mixer-dev libvorbis-dev libimgui-dev
          libfreetype-dev libstb-dev nlohmann-json3-dev libmd4c-dev libsamplerate0-dev libsndfile1-dev catch2)
# ATK and its AT-SPI2 bridge: the player publishes its controls to screen readers (issue #13).
packages+=(libatk1.0-dev libatk-bridge2.0-dev)
# Speech from the program itself (the talking kiosk, issue #14); its voices come with espeak-ng-data.
packages+=(libespeak-ng-dev espeak-ng-data)
# EBU R128 loudness (libebur128): every episode at the same loudness (issue #15).
packages+=(libebur128-dev)
if [ "$want_tests" = 1 ]; then
  # Real windows under a virtual X server, driven like a person would; xwd
  # (x11-apps) reads what the server shows, xprop/xwininfo (x11-utils) what a
  # window asks of the window manager; openbox and wmctrl are the stock
  # window manager the window and kiosk tests run under.
  packages+=(xvfb xauth xdotool libgl1-mesa-dri x11-apps x11-utils openbox wmctrl)
  # .ci/run also compiles everything with clang, so both compilers keep building.
  packages+=(clang)
  # The AT-SPI test: a private D-Bus session with the accessibility bus, and a pyatspi client.
  packages+=(at-spi2-core python3-pyatspi gir1.2-atspi-2.0 dbus dbus-x11)
  # Orca itself, headless, for the screen-reader test; speech-dispatcher's
  # output is captured to a file (tests/platform/run_orca_test.sh).
  packages+=(orca speech-dispatcher)
  # The talking kiosk's test recognises the synthesized speech back as words, offline.
  packages+=(pocketsphinx pocketsphinx-en-us)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if [ "$sanitize" = 1 ]; then
  build="$root/build-sanitize"
  # Optimised like the real build: the sanitizers still see everything, and
  # real-time audio keeps up.
  extra=(-DLISTENALONG_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo)
else
  build="$root/build"
  extra=()
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DLISTENALONG_TESTS=ON "${extra[@]}" >&2
fi
jobs=$(nproc 2>/dev/null || echo 2)
if [ "$want_tests" = 1 ]; then
  cmake --build "$build" -j"$jobs" >&2
else
  cmake --build "$build" -j"$jobs" --target listenalong >&2
fi
echo "$build"
