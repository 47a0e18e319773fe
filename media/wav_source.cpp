#include "media/wav_source.h"

#include <sndfile.h>

#include <algorithm>
#include <memory>

namespace la::media {
namespace {

struct SndfileCloser {
    void operator()(SNDFILE* f) const { sf_close(f); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

/// Streams the file through libsndfile: nothing is loaded whole, so a long
/// file costs neither the memory nor the page faults of a float copy. Every
/// PCM layout (8/16/24/32-bit, float, A-law, mu-law, ADPCM) comes out as float
/// scaled as SDL_LoadWAV's conversion did: integer PCM x / 2^(bits-1), so a
/// 16-bit file reads back exactly what WavWriter wrote.
class SndfileWavSource final : public AudioSource {
public:
    SndfileWavSource(std::string path, SndfilePtr file, const SF_INFO& info)
        : path_(std::move(path)), file_(std::move(file)), frames_(info.frames), rate_(info.samplerate),
          channels_(info.channels) {}

    int sampleRate() const override { return rate_; }
    int channels() const override { return channels_; }
    int64_t totalFrames() const override { return frames_; }
    const std::string& path() const override { return path_; }
    int64_t tell() const override { return position_; }

    size_t read(float* out, size_t frames) override {
        const sf_count_t want = std::clamp<sf_count_t>(frames_ - position_, 0, sf_count_t(frames));
        // Fewer frames than asked (the file shrank since it was opened, or a
        // damaged block): end of stream, as for a cut-off Ogg file.
        const sf_count_t got = want > 0 ? std::max<sf_count_t>(0, sf_readf_float(file_.get(), out, want)) : 0;
        position_ += got;
        if (got < want) frames_ = position_;
        return size_t(got);
    }
    void seek(int64_t frame) override {
        position_ = std::clamp<int64_t>(frame, 0, frames_);
        if (sf_seek(file_.get(), position_, SEEK_SET) < 0) frames_ = position_; // cannot go there: nothing more
    }

private:
    std::string path_;
    SndfilePtr file_;
    int64_t frames_;
    int rate_;
    int channels_;
    int64_t position_ = 0;
};

} // namespace

std::unique_ptr<AudioSource> openWavFile(const std::string& path) {
    SF_INFO info{};
    SndfilePtr file(sf_open(path.c_str(), SFM_READ, &info));
    if (!file) throw MediaError(path + ": cannot read WAV: " + sf_strerror(nullptr));
    const int type = info.format & SF_FORMAT_TYPEMASK;
    if (type != SF_FORMAT_WAV && type != SF_FORMAT_WAVEX && type != SF_FORMAT_RF64)
        throw MediaError(path + ": cannot read WAV: not a RIFF/WAVE file");
    if (info.channels < 1 || info.channels > 8)
        throw MediaError(path + ": cannot read WAV: " + std::to_string(info.channels) + " channels (1 to 8 are supported)");
    if (info.samplerate <= 0) throw MediaError(path + ": cannot read WAV: no sample rate");
    if (info.frames <= 0) throw MediaError(path + ": the WAV file holds no audio");
    sf_command(file.get(), SFC_SET_NORM_FLOAT, nullptr, SF_TRUE); // the default; stated, as the scale matters
    return std::make_unique<SndfileWavSource>(path, std::move(file), info);
}

} // namespace la::media
