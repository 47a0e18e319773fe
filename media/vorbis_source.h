#pragma once
// Streaming Ogg Vorbis decoding on libvorbisfile.

#include "media/audio_source.h"

namespace la::media {

/// Opens `path` as Ogg Vorbis. Throws MediaError (missing file, empty file,
/// not Ogg Vorbis, unreadable headers).
std::unique_ptr<AudioSource> openVorbisFile(const std::string& path);

} // namespace la::media
