#!/bin/sh
# Issue #12: only the platform room (player/platform/) and media's audio sink
# include or link a window or audio system. SDL, OpenGL, X11 and ImGui's
# backends appear nowhere else: not in the app core (player/), not in the
# views (ui/), not in the pure rooms (transcripts/, media/ but its sink).
# Run by ctest; by hand from the repository root: sh tests/check_layers.sh .
cd "${1:-.}" || exit 2
status=0
includes='#include *[<"](SDL|GL/|X11/|backends/imgui_impl)'
found=$(grep -rnE "$includes" player ui transcripts media --include='*.h' --include='*.cpp' |
        grep -v -e '^player/platform/' -e '^media/sdl_mixer_sink\.cpp:')
if [ -n "$found" ]; then
  echo "window- or audio-system includes outside player/platform/ and media/sdl_mixer_sink.cpp:"
  echo "$found"
  status=1
fi
# What a room links: ui/ and transcripts/ link no SDL and no OpenGL.
linked=$(grep -nE 'SDL2|OpenGL|X11' ui/CMakeLists.txt transcripts/CMakeLists.txt | grep -v ':[0-9]*: *#')
if [ -n "$linked" ]; then
  echo "ui/ or transcripts/ links SDL, OpenGL or X11:"
  echo "$linked"
  status=1
fi
# The app core and the sub-commands reach the sound device only through
# AppHost::openAudioSink: they link media's core, not its SDL sink.
core=$(grep -nE 'la_media_sdl|la_media[^_]|la_media$|SDL2|OpenGL|X11' player/CMakeLists.txt player/cli/CMakeLists.txt player/config/CMakeLists.txt |
       grep -v ':[0-9]*: *#' | grep -e 'la_app' -e 'la_cli' -e 'la_config')
if [ -n "$core" ]; then
  echo "the app core, la_cli or la_config links SDL, OpenGL, X11 or media's SDL sink:"
  echo "$core"
  status=1
fi
[ $status = 0 ] && echo "SDL, OpenGL, X11 and ImGui backends only in player/platform/ (and SDL_mixer in media's sink)"
exit $status
