#include "player/playback_controller.h"

#include "player/config/settings.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace la::player {

PlaybackController::PlaybackController(std::unique_ptr<media::AudioSink> sink) : sink_(std::move(sink)) {}

PlaybackController::~PlaybackController() {
    sink_->attach(nullptr);
    engine_.reset();
}

bool PlaybackController::open(const std::string& path, std::string& error) {
    sink_->attach(nullptr);
    engine_.reset();
    path_.clear();
    title_.clear();
    try {
        auto pipeline = std::make_unique<media::PlaybackPipeline>(media::openAudioFile(path));
        title_ = pipeline->source().title();
        engine_ = std::make_unique<media::AudioEngine>(std::move(pipeline), sink_->format());
    } catch (const media::MediaError& e) {
        error = e.what();
        return false;
    }
    path_ = path;
    engine_->setSpeed(speed_);
    updateGain();
    sink_->attach(engine_.get());
    return true;
}

void PlaybackController::play() {
    if (engine_) engine_->play();
}
void PlaybackController::pause() {
    if (engine_) engine_->pause();
}
void PlaybackController::seek(double seconds) {
    ++seekCount_;
    if (engine_) engine_->seek(seconds);
}
void PlaybackController::setVolume(float volume) {
    volume_ = std::clamp(volume, 0.0f, 1.0f);
    updateGain();
}
void PlaybackController::setMuted(bool muted) {
    muted_ = muted;
    updateGain();
}
void PlaybackController::setSpeed(double speed) {
    speed_ = std::clamp(speed, kSpeedRange.min, kSpeedRange.max);
    if (engine_) engine_->setSpeed(speed_);
}

void PlaybackController::updateGain() {
    // Squared: a volume slider feels even to the ear when gain follows a curve.
    if (engine_) engine_->setGain(muted_ ? 0.0f : volume_ * volume_);
}

media::PlaybackStatus PlaybackController::status() const {
    return engine_ ? engine_->status() : media::PlaybackStatus{};
}

void PlaybackController::apply(const ui::Commands& commands) {
    std::optional<double> seekTarget;
    auto current = [&] { return seekTarget ? *seekTarget : status().position; };
    for (const ui::Command& c : commands) {
        std::visit(
            [&](const auto& cmd) {
                using T = std::decay_t<decltype(cmd)>;
                if constexpr (std::is_same_v<T, ui::TogglePlay>) {
                    if (seekTarget) { // a seek queued this frame lands before playing starts
                        seek(*seekTarget);
                        seekTarget.reset();
                    }
                    status().playing ? pause() : play();
                } else if constexpr (std::is_same_v<T, ui::SeekTo>) {
                    seekTarget = cmd.seconds;
                } else if constexpr (std::is_same_v<T, ui::SeekBy>) {
                    seekTarget = current() + cmd.deltaSeconds;
                } else if constexpr (std::is_same_v<T, ui::SetVolume>) {
                    setVolume(cmd.volume);
                } else if constexpr (std::is_same_v<T, ui::ChangeVolume>) {
                    setVolume(volume_ + cmd.delta);
                } else if constexpr (std::is_same_v<T, ui::ToggleMute>) {
                    setMuted(!muted_);
                } else if constexpr (std::is_same_v<T, ui::SetSpeed>) {
                    setSpeed(cmd.speed);
                } else if constexpr (std::is_same_v<T, ui::ChangeSpeed>) {
                    double step = std::abs(cmd.delta);
                    setSpeed(cmd.delta > 0 ? speedUp(speed_, step) : speedDown(speed_, step));
                }
                // DismissMessage and Quit are the app loop's.
            },
            c);
    }
    if (seekTarget && engine_) {
        double d = status().duration;
        seek(std::clamp(*seekTarget, 0.0, d));
    }
}

ui::TransportState PlaybackController::transportState() const {
    ui::TransportState t;
    media::PlaybackStatus s = status();
    t.position = s.position;
    t.duration = s.duration;
    t.playing = s.playing;
    t.audioLoaded = loaded();
    t.volume = volume_;
    t.muted = muted_;
    return t;
}

} // namespace la::player
