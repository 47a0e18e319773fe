#pragma once
// PCM WAV input (via libsndfile), for measuring the pipeline on shared
// material and for `listenalong render`. Streamed from disk, never loaded whole.

#include "media/audio_source.h"

namespace la::media {

/// Throws MediaError naming the file and problem.
std::unique_ptr<AudioSource> openWavFile(const std::string& path);

} // namespace la::media
