#pragma once
// `listenalong render [--from T] [--to T] [--speed S] [--loudness LUFS] [--voice-boost] -o OUT.wav AUDIO_FILE`:
// the playback pipeline run offline, as fast as the CPU allows, into a 16-bit
// PCM WAV at the source's rate and channel count.

#include <iosfwd>
#include <string>
#include <vector>

namespace la::player {

/// args: everything after the word "render". Returns the process exit code.
int runRenderCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace la::player
