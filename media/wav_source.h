#pragma once
// PCM WAV input (via SDL_LoadWAV), for measuring the pipeline on shared
// material. WAV files are loaded whole: they are benchmark inputs, not episodes.

#include "media/audio_source.h"

namespace la::media {

/// Throws MediaError naming the file and problem.
std::unique_ptr<AudioSource> openWavFile(const std::string& path);

} // namespace la::media
