#pragma once
// Streaming Ogg Vorbis decoding on libvorbisfile.

#include "media/audio_source.h"

#include <optional>

namespace la::media {

/// Opens `path` as Ogg Vorbis. Throws MediaError (missing file, empty file,
/// not Ogg Vorbis, unreadable headers).
std::unique_ptr<AudioSource> openVorbisFile(const std::string& path);

/// For an Ogg file whose stream stops before its proper end (the last page is
/// cut off, or the last whole page does not carry the end-of-stream flag, as
/// after an interrupted copy or download): the seconds of audio it still
/// plays. nullopt for a complete stream, or a file that is not Ogg or cannot be
/// decoded (the decoder reports those). libvorbisfile plays such a file to its
/// last whole page without a word, so the player asks this separately.
std::optional<double> vorbisEndsEarly(const std::string& path);

} // namespace la::media
