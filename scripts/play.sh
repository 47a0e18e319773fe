#!/usr/bin/env bash
# Sets up (packages, build) and opens the player. Arguments go to the player,
# e.g. scripts/play.sh --play, or scripts/play.sh --kiosk.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$("$root/scripts/setup.sh")"
exec "$build/listenalong" "$@"
