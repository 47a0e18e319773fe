#include "media/playback_pipeline.h"

#include <algorithm>
#include <cmath>

namespace la::media {

namespace {
constexpr size_t kReadFrames = 1024;
}

PlaybackPipeline::PlaybackPipeline(std::unique_ptr<AudioSource> source)
    : source_(std::move(source)), stretcher_(source_->channels(), source_->sampleRate()),
      readBuffer_(kReadFrames * size_t(source_->channels())),
      // Always there, off until asked: turning it on or off never moves the time map.
      voiceBoost_(std::make_unique<VoiceBoost>(source_->channels(), source_->sampleRate())),
      loudness_(std::make_unique<LoudnessGain>(source_->channels(), source_->sampleRate())),
      shortener_(std::make_unique<PauseShortener>(source_->channels(), source_->sampleRate())),
      shortBuffer_(kReadFrames * size_t(source_->channels())) {
    shortener_->setEnabled(false);
    shortener_->reset(0);
    voiceBoost_->setEnabled(false);
    voiceBoost_->reset(); // off from the first frame, no glide
    loudness_->setEnabled(false);
    discard_ = loudness_->latencyFrames();
}

double PlaybackPipeline::stretcherInputPosition() const {
    return double(shortFed_) - stretcher_.latencyInputFrames();
}

double PlaybackPipeline::inputPositionSeconds() const {
    return shortener_->sourceFrameAt(stretcherInputPosition()) / source_->sampleRate();
}

void PlaybackPipeline::setLoudnessGainDb(double db) {
    loudness_->setGainDb(db);
    loudness_->setEnabled(true);
}

void PlaybackPipeline::setLoudnessOff() { loudness_->setEnabled(false); }

void PlaybackPipeline::setVoiceBoost(bool on, double referenceDb) {
    if (on) voiceBoost_->setReferenceDb(referenceDb);
    voiceBoost_->setEnabled(on);
}

void PlaybackPipeline::setShortenPauses(bool on) { shortener_->setEnabled(on); }

double PlaybackPipeline::savedSeconds() const { return double(shortener_->savedFrames()) / source_->sampleRate(); }

void PlaybackPipeline::seek(double seconds) {
    int64_t frame = int64_t(std::llround(std::max(0.0, seconds) * source_->sampleRate()));
    frame = std::min(frame, source_->totalFrames());
    source_->seek(frame);
    stretcher_.reset();
    shortener_->reset(source_->tell());
    shortFed_ = 0;
    shortPending_ = shortOffset_ = 0;
    shortenerEnded_ = false;
    pendingFrames_ = pendingOffset_ = 0;
    sourceDone_ = false;
    voiceBoost_->reset();
    loudness_->reset();
    discard_ = loudness_->latencyFrames();
    flushed_ = false;
}

void PlaybackPipeline::setEndSeconds(double seconds) {
    endFrame_ = int64_t(std::llround(std::max(0.0, seconds) * source_->sampleRate()));
}

bool PlaybackPipeline::readSource() {
    const size_t ch = size_t(source_->channels());
    for (;;) {
        size_t want = kReadFrames;
        if (endFrame_ >= 0) want = size_t(std::clamp<int64_t>(endFrame_ - source_->tell(), 0, int64_t(kReadFrames)));
        size_t n = want ? source_->read(readBuffer_.data(), want) : 0;
        if (n == 0 && !flushed_) { // the end: push the limiter's held-back frames out
            n = size_t(loudness_->latencyFrames());
            std::fill(readBuffer_.begin(), readBuffer_.begin() + std::ptrdiff_t(n * ch), 0.0f);
            flushed_ = true;
        }
        voiceBoost_->process(readBuffer_.data(), readBuffer_.data(), n);
        loudness_->process(readBuffer_.data(), readBuffer_.data(), n);
        const size_t skip = std::min(n, size_t(discard_)); // its delay line's silence, after a seek
        discard_ -= int(skip);
        if (n > 0 && skip == n) continue;
        if (n == 0) return false;
        pendingFrames_ = n - skip;
        pendingOffset_ = skip;
        return true;
    }
}

bool PlaybackPipeline::refillShortened() {
    const size_t ch = size_t(source_->channels());
    for (;;) {
        const size_t n = shortener_->pull(shortBuffer_.data(), kReadFrames);
        if (n > 0) {
            shortPending_ = n;
            shortOffset_ = 0;
            return true;
        }
        if (sourceDone_) return false; // endOfInput() given and all of it pulled
        if (pendingFrames_ == 0 && !readSource()) {
            sourceDone_ = true;
            shortener_->endOfInput();
            continue;
        }
        const size_t taken = shortener_->feed(readBuffer_.data() + pendingOffset_ * ch, pendingFrames_);
        pendingOffset_ += taken;
        pendingFrames_ -= taken;
    }
}

PlaybackPipeline::Chunk PlaybackPipeline::produce(float* out, size_t maxFrames) {
    Chunk chunk;
    chunk.startSeconds = inputPositionSeconds();
    const size_t ch = size_t(source_->channels());
    bool atCut = false;
    double cutPosition = 0;
    while (chunk.frames < maxFrames) {
        // A chunk's times are linear from start to end: it ends where the map
        // jumps (a shortened pause), and the next chunk starts past the jump.
        size_t room = maxFrames - chunk.frames;
        const double pos = stretcherInputPosition();
        const int64_t cut = shortener_->nextCutAfter(int64_t(std::floor(pos)));
        if (cut >= 0) {
            const double toCut = (double(cut) - pos) / stretcher_.speed();
            const size_t frames = size_t(std::max(1.0, std::ceil(toCut - 1e-9)));
            if (frames <= room) {
                room = frames;
                atCut = true;
                cutPosition = double(cut);
            }
        }
        size_t got = stretcher_.pull(out + chunk.frames * ch, room);
        chunk.frames += got;
        if (atCut && got == room) break;
        atCut = false;
        if (chunk.frames == maxFrames) break;
        if (got > 0) continue;
        if (shortPending_ == 0) {
            if (!refillShortened()) {
                if (!shortenerEnded_) {
                    shortenerEnded_ = true;
                    stretcher_.endOfInput();
                    continue;
                }
                chunk.endOfStream = true;
                break;
            }
        }
        size_t taken = stretcher_.feed(shortBuffer_.data() + shortOffset_ * ch, shortPending_);
        shortOffset_ += taken;
        shortPending_ -= taken;
        shortFed_ += int64_t(taken);
        if (taken == 0) break; // stretcher full yet produced nothing: never spin
    }
    // Ending at a cut: the end is the frame just before the jump, not past it.
    chunk.endSeconds = atCut ? shortener_->sourceFrameAt(cutPosition - 1e-6) / source_->sampleRate()
                             : inputPositionSeconds();
    shortener_->forgetBefore(int64_t(std::floor(stretcherInputPosition())) - 1);
    return chunk;
}

} // namespace la::media
