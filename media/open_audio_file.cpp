// Chooses a decoder from the file's first bytes, so a misnamed file still plays
// and a non-audio file gets a clear message instead of a decoder's error code.
#include "media/audio_source.h"
#include "media/vorbis_source.h"
#include "media/wav_source.h"
#include "transcripts/regular_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace la::media {

std::unique_ptr<AudioSource> openAudioFile(const std::string& path) {
    // Regular files only (a FIFO would block the open, a device never ends),
    // checked on the open descriptor; the decoders check again on their own.
    transcripts::RegularFile file(path);
    if (!file.ok()) throw MediaError(path + ": " + file.problem());
    char magic[12] = {};
    ssize_t got = ::pread(file.fd(), magic, sizeof magic, 0);
    if (got < 0) throw MediaError(path + ": cannot be read: " + std::strerror(errno));
    if (got == 0) throw MediaError(path + ": the file is empty");
    if (got >= 4 && std::memcmp(magic, "OggS", 4) == 0) return openVorbisFile(path);
    if (got >= 12 && std::memcmp(magic, "RIFF", 4) == 0 && std::memcmp(magic + 8, "WAVE", 4) == 0) return openWavFile(path);
    throw MediaError(path + ": not an audio file this player reads (expected Ogg Vorbis or PCM WAV)");
}

} // namespace la::media
