#include "media/vorbis_source.h"

#include "transcripts/regular_file.h"

#include <unistd.h>
#include <vorbis/vorbisfile.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

namespace la::media {
namespace {

std::string vorbisErrorText(int code) {
    switch (code) {
    case OV_EREAD: return "a read from the file failed";
    case OV_ENOTVORBIS: return "it is not Ogg Vorbis audio";
    case OV_EVERSION: return "it uses an unsupported Vorbis version";
    case OV_EBADHEADER: return "its Vorbis headers are corrupt";
    case OV_EFAULT: return "the decoder hit an internal error";
    case OV_EINVAL: return "its headers could not be read (truncated file?)";
    case OV_ENOSEEK: return "it is not seekable";
    case OV_EBADLINK: return "it has a corrupt link in the stream";
    default: return "decoder error " + std::to_string(code);
    }
}

// Ogg page header (RFC 3533): "OggS", version, flags, granule(8), serial(4),
// sequence(4), CRC(4), segment count, then that many lacing values.
constexpr size_t kOggHeaderBytes = 27;
constexpr unsigned char kOggEndOfStream = 0x04;
/// A page is at most 27 + 255 + 255 * 255 bytes, so the last page starts within this tail.
constexpr size_t kOggMaxPage = kOggHeaderBytes + 255 + 255 * 255;

/// Whether the Ogg stream in `tail` (the last bytes of the file) stops before
/// its end: the last page runs past the end of the file, or ends at it without
/// the end-of-stream flag, or the file ends in the middle of a page's "OggS".
bool oggTailEndsEarly(const std::vector<unsigned char>& tail) {
    const size_t n = tail.size();
    for (size_t at = n >= 4 ? n - 4 + 1 : 0; at-- > 0;) {
        if (std::memcmp(&tail[at], "OggS", 4) != 0) continue;
        if (n - at < kOggHeaderBytes) return true; // header cut off
        if (tail[at + 4] != 0) continue;           // not a page (version is 0)
        const size_t segments = tail[at + 26];
        if (n - at < kOggHeaderBytes + segments) return true;
        size_t end = at + kOggHeaderBytes + segments;
        for (size_t i = 0; i < segments; ++i) end += tail[at + kOggHeaderBytes + i];
        if (end > n) return true;                  // body cut off
        if (end == n) return (tail[at + 5] & kOggEndOfStream) == 0;
        // Bytes after the last page: a cut inside the next page's "OggS".
        const size_t rest = n - end;
        return rest < 4 && std::memcmp(&tail[end], "OggS", rest) == 0;
    }
    return false;
}

class VorbisSource final : public AudioSource {
public:
    VorbisSource(std::string path) : path_(std::move(path)) {
        // Regular files only: fopen() on a FIFO would wait for a writer forever.
        transcripts::RegularFile file(path_);
        if (!file.ok()) throw MediaError(path_ + ": " + file.problem());
        FILE* f = ::fdopen(file.fd(), "rb");
        if (!f) throw MediaError(path_ + ": cannot open: " + std::strerror(errno));
        file.release();
        std::fseek(f, 0, SEEK_END);
        long size = std::ftell(f);
        std::fseek(f, 0, SEEK_SET);
        if (size == 0) {
            std::fclose(f);
            throw MediaError(path_ + ": the file is empty");
        }
        // ov_open_callbacks takes ownership of f on success only.
        int rc = ov_open_callbacks(f, &vf_, nullptr, 0, OV_CALLBACKS_DEFAULT);
        if (rc < 0) {
            std::fclose(f);
            throw MediaError(path_ + ": cannot play: " + vorbisErrorText(rc));
        }
        open_ = true;
        vorbis_info* info = ov_info(&vf_, -1);
        if (!info || info->channels < 1 || info->rate < 1) {
            throw MediaError(path_ + ": cannot play: no audio stream in the file");
        }
        channels_ = info->channels;
        rate_ = int(info->rate);
        ogg_int64_t total = ov_pcm_total(&vf_, -1);
        if (total <= 0) throw MediaError(path_ + ": cannot play: the audio has no length (truncated file?)");
        total_ = total;
    }
    ~VorbisSource() override {
        if (open_) ov_clear(&vf_);
    }

    int sampleRate() const override { return rate_; }
    int channels() const override { return channels_; }
    int64_t totalFrames() const override { return total_; }
    const std::string& path() const override { return path_; }
    int64_t tell() const override { return position_; }
    std::string tag(const char* name) const override {
        vorbis_comment* vc = ov_comment(const_cast<OggVorbis_File*>(&vf_), -1);
        const char* t = vc ? vorbis_comment_query(vc, name, 0) : nullptr;
        return t ? t : "";
    }

    size_t read(float* out, size_t frames) override {
        size_t done = 0;
        int badPackets = 0;
        while (done < frames) {
            float** pcm = nullptr;
            int want = int(std::min<size_t>(frames - done, 4096));
            long got = ov_read_float(&vf_, &pcm, want, &section_);
            if (got == OV_HOLE) {
                // A gap in the data (corruption): skip it, as players do.
                if (++badPackets > 64) break;
                continue;
            }
            if (got < 0 || got == 0) break; // error or end of stream: stop cleanly
            // Chained streams may change channel count; mix down/up to ours.
            vorbis_info* info = ov_info(&vf_, -1);
            int srcCh = info ? info->channels : channels_;
            for (long i = 0; i < got; ++i) {
                for (int c = 0; c < channels_; ++c) {
                    out[(done + size_t(i)) * size_t(channels_) + size_t(c)] = pcm[std::min(c, srcCh - 1)][i];
                }
            }
            done += size_t(got);
        }
        position_ += int64_t(done);
        return done;
    }

    void seek(int64_t frame) override {
        frame = std::clamp<int64_t>(frame, 0, total_);
        if (ov_pcm_seek(&vf_, frame) != 0) {
            // Corrupt page near the target: fall back to the nearest page.
            if (ov_pcm_seek_page(&vf_, frame) != 0) throw MediaError(path_ + ": cannot seek in the audio");
            frame = ov_pcm_tell(&vf_);
        }
        position_ = frame;
    }

private:
    std::string path_;
    OggVorbis_File vf_{};
    bool open_ = false;
    int channels_ = 0;
    int rate_ = 0;
    int64_t total_ = 0;
    int64_t position_ = 0;
    int section_ = 0;
};

} // namespace

std::unique_ptr<AudioSource> openVorbisFile(const std::string& path) {
    return std::make_unique<VorbisSource>(path);
}

std::optional<double> vorbisEndsEarly(const std::string& path) {
    transcripts::RegularFile file(path);
    if (!file.ok() || file.size() < 4) return std::nullopt;
    const size_t want = size_t(std::min<std::uintmax_t>(file.size(), kOggMaxPage + 4));
    std::vector<unsigned char> tail(want);
    unsigned char magic[4] = {};
    if (::pread(file.fd(), magic, 4, 0) != 4 || std::memcmp(magic, "OggS", 4) != 0) return std::nullopt;
    if (::pread(file.fd(), tail.data(), want, off_t(file.size() - want)) != ssize_t(want)) return std::nullopt;
    if (!oggTailEndsEarly(tail)) return std::nullopt;
    try {
        return openVorbisFile(path)->durationSeconds();
    } catch (const MediaError&) {
        return std::nullopt; // cannot be played at all: the decoder's message says so
    }
}

} // namespace la::media
