// Stand-in output: consumes audio at real-time pace and throws it away, so
// playback (and the transcript that follows it) works without a sound device.
#include "media/audio_sink.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace la::media {
namespace {

class NullSink final : public AudioSink {
public:
    NullSink() : buffer_(size_t(format_.bufferFrames * format_.channels)) {
        thread_ = std::thread([this] { run(); });
    }
    ~NullSink() override {
        {
            std::lock_guard lock(mutex_);
            quit_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }

    DeviceFormat format() const override { return format_; }
    void attach(AudioRenderer* engine) override {
        std::lock_guard lock(mutex_);
        engine_ = engine;
    }
    std::string description() const override { return "no sound device"; }
    bool audible() const override { return false; }

private:
    void run() {
        using clock = std::chrono::steady_clock;
        const auto period = std::chrono::microseconds(int64_t(format_.bufferFrames) * 1000000 / format_.sampleRate);
        auto next = clock::now();
        std::unique_lock lock(mutex_);
        while (!quit_) {
            if (engine_) engine_->render(buffer_.data(), format_.bufferFrames);
            next += period;
            cv_.wait_until(lock, next, [this] { return quit_; });
        }
    }

    DeviceFormat format_{};
    std::vector<float> buffer_;
    std::mutex mutex_; // guards engine_ and quit_; held while rendering so attach() waits for it
    std::condition_variable cv_;
    AudioRenderer* engine_ = nullptr;
    bool quit_ = false;
    std::thread thread_;
};

} // namespace

std::unique_ptr<AudioSink> openNullSink() { return std::make_unique<NullSink>(); }

} // namespace la::media
