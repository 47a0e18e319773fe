// Chooses a decoder from the file's first bytes, so a misnamed file still plays
// and a non-audio file gets a clear message instead of a decoder's error code.
#include "media/audio_source.h"
#include "media/vorbis_source.h"
#include "media/wav_source.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace la::media {

std::unique_ptr<AudioSource> openAudioFile(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw MediaError(path + ": file not found");
    if (std::filesystem::is_directory(path, ec)) throw MediaError(path + ": is a folder, not an audio file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MediaError(path + ": cannot open: " + std::strerror(errno));
    char magic[12] = {};
    in.read(magic, sizeof magic);
    std::streamsize got = in.gcount();
    if (got == 0) throw MediaError(path + ": the file is empty");
    if (got >= 4 && std::memcmp(magic, "OggS", 4) == 0) return openVorbisFile(path);
    if (got >= 12 && std::memcmp(magic, "RIFF", 4) == 0 && std::memcmp(magic + 8, "WAVE", 4) == 0) return openWavFile(path);
    throw MediaError(path + ": not an audio file this player reads (expected Ogg Vorbis or PCM WAV)");
}

} // namespace la::media
