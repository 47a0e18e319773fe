#!/usr/bin/env bash
# Sets up (packages, build) and runs the whole test suite through ctest.
# scripts/test.sh --sanitize builds and runs it with ASan + UBSan instead.
# Window tests need an X display: without one, a virtual one (Xvfb) is used.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$("$root/scripts/setup.sh" --tests "$@")"
# Tests never read or write the user's own settings.
export XDG_CONFIG_HOME="$(mktemp -d)"
# ... nor the kiosk's record of wrong PINs (XDG_STATE_HOME, player/pin_lockout.h).
export XDG_STATE_HOME="$XDG_CONFIG_HOME/state"
# ... nor the measured loudness of each episode (XDG_CACHE_HOME, media/loudness_cache.h).
export XDG_CACHE_HOME="$XDG_CONFIG_HOME/cache"
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
run=(ctest --test-dir "$build" --output-on-failure -j"$(nproc 2>/dev/null || echo 2)")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}"
else
  "${run[@]}"
fi
