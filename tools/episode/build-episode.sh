#!/bin/sh
# Regenerates the narrated companion episode from assets/episode/script.tsv:
# installs the generator's Debian packages if missing, builds tools/episode on
# its own (no SDL/ImGui needed) and runs it. Output is byte-for-byte the same
# on every run with the same package versions.
#
#   tools/episode/build-episode.sh [--wav FILE] [other episode_gen options]
#
# Environment: BUILD_DIR (default <repo>/build-episode-tool).
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$repo/build-episode-tool}

missing=""
for pkg in flite1-dev libvorbis-dev libogg-dev libebur128-dev cmake g++ pkg-config; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    echo "build-episode: installing$missing" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y $missing
    else sudo apt-get install -y $missing
    fi
fi

cmake -S "$repo/tools/episode" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2
cd "$repo"
"$build/episode_gen" --script assets/episode/script.tsv --article assets/episode/article.md --out assets/episode "$@"
