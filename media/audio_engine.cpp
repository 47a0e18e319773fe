#include "media/audio_engine.h"

#include "media/format_converter.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <vector>

namespace la::media {
namespace {

constexpr size_t kSourceChunkFrames = 512;
constexpr size_t kConverterSlackFrames = 2; ///< source frames beyond a block's need (rounding)

uint64_t nowNanos() {
    using namespace std::chrono;
    return uint64_t(duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count());
}

} // namespace

// The format conversion (media/format_converter.h) plus the bookkeeping that
// maps converted frames back to episode time.
struct AudioEngine::Converter {
    struct Anchor {
        double devStart, devEnd; // converted-frame range this source chunk becomes
        double epStart, epEnd;   // episode time it covers
    };

    Converter(const PlaybackPipeline& p, const DeviceFormat& d)
        : format(p.channels(), p.sampleRate(), d.channels, d.sampleRate, p.source().path()), ratio(format.ratio()),
          sourceBuffer(kSourceChunkFrames * size_t(p.channels())) {}

    void clear() {
        format.clear();
        anchors.clear();
        putFrames = 0;
        gotFrames = 0;
        sourceEnded = false;
    }

    void put(const PlaybackPipeline::Chunk& c) {
        format.put(sourceBuffer.data(), c.frames);
        double devFrames = double(c.frames) * ratio;
        anchors.push_back({putFrames, putFrames + devFrames, c.startSeconds, c.endSeconds});
        putFrames += devFrames;
    }

    /// End of the source: everything held back comes out.
    void flush() {
        format.flush();
        sourceEnded = true;
    }

    int availableFrames() const { return int(format.available()); }

    double timeAt(double devFrame) {
        while (anchors.size() > 1 && anchors.front().devEnd < devFrame) anchors.pop_front();
        if (anchors.empty()) return lastTime;
        for (const Anchor& a : anchors) {
            if (devFrame <= a.devEnd) {
                double span = a.devEnd - a.devStart;
                double f = span > 0 ? std::clamp((devFrame - a.devStart) / span, 0.0, 1.0) : 1.0;
                return lastTime = a.epStart + (a.epEnd - a.epStart) * f;
            }
        }
        return lastTime = anchors.back().epEnd;
    }

    FormatConverter format;
    double ratio;
    std::vector<float> sourceBuffer;
    std::deque<Anchor> anchors;
    double putFrames = 0;
    double gotFrames = 0;
    double lastTime = 0;
    bool sourceEnded = false;
};

AudioEngine::AudioEngine(std::unique_ptr<PlaybackPipeline> pipeline, DeviceFormat device)
    : pipeline_(std::move(pipeline)), device_(device), duration_(pipeline_->durationSeconds()), ring_(kRingBlocks) {
    device_.channels = std::clamp(device_.channels, 1, kMaxChannels);
    converter_ = std::make_unique<Converter>(*pipeline_, device_);
    decodedGeneration_ = generation_.load();
    restartAt(0);
    decoder_ = std::thread([this] { decoderLoop(); });
}

AudioEngine::~AudioEngine() {
    quit_ = true;
    wakeDecoder();
    if (decoder_.joinable()) decoder_.join();
}

void AudioEngine::play() {
    if (ended_.load()) seek(0);
    playing_ = true;
    wakeDecoder();
}

void AudioEngine::pause() { playing_ = false; }

void AudioEngine::seek(double seconds) {
    seconds = std::clamp(seconds, 0.0, duration_);
    if (seconds < duration_) ended_ = false;
    seekTarget_.store(seconds);
    generation_.fetch_add(1, std::memory_order_release);
    wakeDecoder();
}

void AudioEngine::setSpeed(double speed) {
    speedRequest_ = std::clamp(speed, Wsola::kMinSpeed, Wsola::kMaxSpeed);
    wakeDecoder();
}

void AudioEngine::setGain(float gain) { gain_ = std::clamp(gain, 0.0f, 1.0f); }

void AudioEngine::setLoudnessGainDb(double db) {
    loudnessRequest_ = db;
    wakeDecoder();
}

void AudioEngine::setVoiceBoost(double referenceDb) {
    voiceBoostRequest_ = referenceDb;
    wakeDecoder();
}

void AudioEngine::setShortenPauses(bool on) {
    shortenPausesRequest_ = on;
    wakeDecoder();
}

PlaybackStatus AudioEngine::status() const {
    PlaybackStatus s;
    s.duration = duration_;
    s.speed = speedRequest_.load();
    s.savedSeconds = savedSeconds_.load();
    s.playing = playing_.load();
    s.ended = ended_.load();
    if (s.ended) {
        s.position = duration_;
    } else if (heardGeneration_.load() != generation_.load()) {
        s.position = seekTarget_.load(); // seek not heard yet: show where we are going
    } else {
        double start = heardStart_.load(), end = heardEnd_.load();
        double callbackSeconds = double(device_.bufferFrames) / device_.sampleRate;
        double elapsed = double(nowNanos() - heardAtNanos_.load()) * 1e-9;
        double f = s.playing ? std::clamp(elapsed / callbackSeconds, 0.0, 1.0) : 1.0;
        s.position = start + (end - start) * f;
    }
    std::lock_guard lock(errorMutex_);
    s.error = error_;
    return s;
}

void AudioEngine::render(float* out, int frames) noexcept {
    const int ch = device_.channels;
    const uint32_t gen = generation_.load(std::memory_order_acquire);
    int filled = 0;
    double first = -1, last = -1;
    if (playing_.load()) {
        const float gain = gain_.load();
        while (filled < frames) {
            Block* b = ring_.peek();
            if (!b) break; // underrun: the rest is silence
            if (b->generation != gen) {
                ring_.pop();
                continue;
            }
            int n = std::min(b->frames - b->readOffset, frames - filled);
            const float* src = b->samples + size_t(b->readOffset) * size_t(ch);
            float* dst = out + size_t(filled) * size_t(ch);
            for (int i = 0; i < n * ch; ++i) dst[i] = src[i] * gain;
            double span = b->end - b->start;
            double t0 = b->frames ? b->start + span * b->readOffset / b->frames : b->end;
            b->readOffset += n;
            double t1 = b->frames ? b->start + span * b->readOffset / b->frames : b->end;
            if (first < 0) first = t0;
            last = t1;
            filled += n;
            if (b->readOffset >= b->frames) {
                bool eos = b->endOfStream;
                ring_.pop();
                if (eos) {
                    ended_ = true;
                    playing_ = false;
                    break;
                }
            }
        }
    }
    std::memset(out + size_t(filled) * size_t(ch), 0, size_t(frames - filled) * size_t(ch) * sizeof(float));
    if (first >= 0) {
        heardStart_.store(first);
        heardEnd_.store(last);
        heardAtNanos_.store(nowNanos());
        heardGeneration_.store(gen);
    }
    wakeDecoder();
}

void AudioEngine::wakeDecoder() noexcept {
    if (!wakePending_.exchange(true)) wake_.release();
}

void AudioEngine::restartAt(double seconds) {
    pipeline_->seek(seconds);
    converter_->clear();
    converter_->lastTime = seconds;
    streamEnded_ = false;
}

bool AudioEngine::produceBlock() {
    Block* b = ring_.acquireWrite();
    if (!b) return false;
    Converter& c = *converter_;
    int stalls = 0;
    while (c.availableFrames() < kBlockFrames && !c.sourceEnded && stalls < 4) {
        // Stretch only about what this block still needs: whatever is left in
        // the converter was stretched at the current speed and is heard before a
        // speed change, so a whole spare chunk there would add up to 512 source
        // frames (21 ms at 24 kHz) to the change's latency.
        const double need = double(kBlockFrames - c.availableFrames()) / c.ratio;
        const size_t want = std::clamp<size_t>(size_t(std::ceil(need)) + kConverterSlackFrames, kConverterSlackFrames, kSourceChunkFrames);
        auto chunk = pipeline_->produce(c.sourceBuffer.data(), want);
        if (chunk.frames) c.put(chunk);
        else ++stalls;
        if (chunk.endOfStream) c.flush();
    }
    int got = int(c.format.get(b->samples, kBlockFrames));
    bool eos = c.sourceEnded && c.availableFrames() == 0;
    if (got == 0 && !eos) return false;
    b->generation = decodedGeneration_;
    b->frames = got;
    b->readOffset = 0;
    b->start = c.timeAt(c.gotFrames);
    c.gotFrames += got;
    b->end = eos ? duration_ : c.timeAt(c.gotFrames);
    b->endOfStream = eos;
    ring_.commitWrite();
    streamEnded_ = eos;
    return true;
}

void AudioEngine::decoderLoop() {
    while (!quit_.load()) {
        uint32_t gen = generation_.load(std::memory_order_acquire);
        if (gen != decodedGeneration_) {
            decodedGeneration_ = gen;
            try {
                restartAt(seekTarget_.load());
            } catch (const MediaError& e) {
                std::lock_guard lock(errorMutex_);
                error_ = e.what();
            }
        }
        double speed = speedRequest_.load();
        if (speed != pipeline_->speed()) pipeline_->setSpeed(speed);
        // NaN means off: compared as such, or an off request would apply every turn.
        auto changed = [](double asked, double& applied) {
            if (asked == applied || (std::isnan(asked) && std::isnan(applied))) return false;
            applied = asked;
            return true;
        };
        if (const double loudness = loudnessRequest_.load(); changed(loudness, loudnessApplied_)) {
            if (std::isnan(loudness)) pipeline_->setLoudnessOff();
            else pipeline_->setLoudnessGainDb(loudness);
        }
        if (const double reference = voiceBoostRequest_.load(); changed(reference, voiceBoostApplied_))
            pipeline_->setVoiceBoost(!std::isnan(reference), reference);
        if (const bool shorten = shortenPausesRequest_.load(); shorten != shortenPausesApplied_) {
            shortenPausesApplied_ = shorten;
            pipeline_->setShortenPauses(shorten);
        }
        bool made = false;
        if (!streamEnded_) {
            try {
                made = produceBlock();
                savedSeconds_ = pipeline_->savedSeconds();
            } catch (const MediaError& e) {
                {
                    std::lock_guard lock(errorMutex_);
                    error_ = e.what();
                }
                converter_->sourceEnded = true; // stop here; what was decoded still plays
            }
        }
        if (!made) {
            wakePending_ = false;
            (void)wake_.try_acquire_for(std::chrono::milliseconds(playing_.load() ? 5 : 50));
        }
    }
}

} // namespace la::media
