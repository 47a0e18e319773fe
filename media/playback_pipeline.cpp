#include "media/playback_pipeline.h"

#include <algorithm>
#include <cmath>

namespace la::media {

namespace {
constexpr size_t kReadFrames = 1024;
}

PlaybackPipeline::PlaybackPipeline(std::unique_ptr<AudioSource> source)
    : source_(std::move(source)), stretcher_(source_->channels(), source_->sampleRate()),
      readBuffer_(kReadFrames * size_t(source_->channels())) {}

double PlaybackPipeline::inputPositionSeconds() const {
    return (double(fedEndFrame_) - stretcher_.latencyInputFrames()) / source_->sampleRate();
}

void PlaybackPipeline::seek(double seconds) {
    int64_t frame = int64_t(std::llround(std::max(0.0, seconds) * source_->sampleRate()));
    frame = std::min(frame, source_->totalFrames());
    source_->seek(frame);
    stretcher_.reset();
    fedEndFrame_ = source_->tell();
    pendingFrames_ = pendingOffset_ = 0;
    sourceDone_ = false;
}

void PlaybackPipeline::setEndSeconds(double seconds) {
    endFrame_ = int64_t(std::llround(std::max(0.0, seconds) * source_->sampleRate()));
}

PlaybackPipeline::Chunk PlaybackPipeline::produce(float* out, size_t maxFrames) {
    Chunk chunk;
    chunk.startSeconds = inputPositionSeconds();
    const size_t ch = size_t(source_->channels());
    while (chunk.frames < maxFrames) {
        size_t got = stretcher_.pull(out + chunk.frames * ch, maxFrames - chunk.frames);
        chunk.frames += got;
        if (chunk.frames == maxFrames) break;
        if (got > 0) continue;
        if (pendingFrames_ == 0) {
            if (sourceDone_) {
                chunk.endOfStream = true;
                break;
            }
            size_t want = kReadFrames;
            if (endFrame_ >= 0) want = size_t(std::clamp<int64_t>(endFrame_ - source_->tell(), 0, int64_t(kReadFrames)));
            size_t n = want ? source_->read(readBuffer_.data(), want) : 0;
            if (n == 0) {
                sourceDone_ = true;
                stretcher_.endOfInput();
                continue;
            }
            pendingFrames_ = n;
            pendingOffset_ = 0;
        }
        size_t taken = stretcher_.feed(readBuffer_.data() + pendingOffset_ * ch, pendingFrames_);
        pendingOffset_ += taken;
        pendingFrames_ -= taken;
        fedEndFrame_ += int64_t(taken);
        if (taken == 0) break; // stretcher full yet produced nothing: never spin
    }
    chunk.endSeconds = inputPositionSeconds();
    return chunk;
}

} // namespace la::media
