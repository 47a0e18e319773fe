#!/bin/sh
# Issue #12: the app core and its pure rooms include no window system. SDL,
# OpenGL, X11 and ImGui's backends belong in player/platform/ only (media's
# audio sink is media's business). Run by ctest; by hand from the repository
# root: sh tests/check_layers.sh .
cd "${1:-.}" || exit 2
found=$(grep -rnE '#include *[<"](SDL|GL/|X11/|backends/imgui_impl)' player --include='*.h' --include='*.cpp' | grep -v '^player/platform/')
if [ -n "$found" ]; then
  echo "window-system includes outside player/platform/:"
  echo "$found"
  exit 1
fi
echo "player/: SDL, OpenGL, X11 and ImGui backends only in player/platform/"
