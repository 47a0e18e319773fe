#include "player/playback_controller.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace la::player {

PlaybackController::PlaybackController(std::unique_ptr<media::AudioSink> sink)
    : sink_(std::move(sink)), mix_(std::make_unique<media::OutputMix>(sink_->format())) {
    updateGain();
    sink_->attach(mix_.get()); // speech can be heard before (or without) an episode
}

PlaybackController::~PlaybackController() {
    sink_->attach(nullptr);
    engine_.reset();
}

bool PlaybackController::open(const std::string& path, std::string& error) {
    sink_->attach(nullptr);
    mix_->setEpisode(nullptr);
    engine_.reset();
    path_.clear();
    title_.clear();
    try {
        auto pipeline = std::make_unique<media::PlaybackPipeline>(media::openAudioFile(path));
        title_ = pipeline->source().title();
        engine_ = std::make_unique<media::AudioEngine>(std::move(pipeline), sink_->format());
    } catch (const media::MediaError& e) {
        error = e.what();
        sink_->attach(mix_.get()); // the program's speech still needs the device
        return false;
    }
    path_ = path;
    engine_->setSpeed(speed_);
    updateGain();
    mix_->setEpisode(engine_.get());
    sink_->attach(mix_.get());
    return true;
}

void PlaybackController::play() {
    if (engine_) engine_->play();
}
void PlaybackController::pause() {
    if (engine_) engine_->pause();
}
void PlaybackController::togglePlay() {
    commitSeek();
    status().playing ? pause() : play();
}
void PlaybackController::seek(double seconds) {
    ++seekCount_;
    if (engine_) engine_->seek(seconds);
}

void PlaybackController::queueSeekTo(double seconds) { queuedSeek_ = seconds; }
void PlaybackController::queueSeekBy(double deltaSeconds) { queuedSeek_ = pendingPosition() + deltaSeconds; }
double PlaybackController::pendingPosition() const { return queuedSeek_ ? *queuedSeek_ : status().position; }
void PlaybackController::commitSeek() {
    if (!queuedSeek_) return;
    double target = *queuedSeek_;
    queuedSeek_.reset();
    if (engine_) seek(std::clamp(target, 0.0, status().duration));
}

void PlaybackController::setSpeed(double speed) {
    speed_ = snappedSpeed(speed);
    if (engine_) engine_->setSpeed(speed_);
}
void PlaybackController::stepSpeed(double delta) {
    double step = std::abs(delta);
    setSpeed(delta > 0 ? speedUp(speed_, step) : speedDown(speed_, step));
}
void PlaybackController::setVolume(double volume) {
    // Rounded to 1e-6: a slider's float, or 0.8 + 0.05, is saved as 0.8 or
    // 0.85, not 0.800000011920929 or 0.8500000000000001.
    volume_ = std::isfinite(volume) ? std::round(std::clamp(volume, 0.0, volumeLimit_) * 1e6) / 1e6 : 0.0;
    updateGain();
}
void PlaybackController::setMuted(bool muted) {
    muted_ = muted;
    updateGain();
}
void PlaybackController::setVolumeLimit(double limit) {
    volumeLimit_ = std::isfinite(limit) ? std::clamp(limit, 0.0, kVolumeRange.max) : kVolumeRange.max;
    setVolume(volume_);
}
void PlaybackController::setPreferences(const ListeningPreferences& p) {
    setSpeed(p.speed);
    setVolume(p.volume);
    setMuted(p.muted);
}

void PlaybackController::updateGain() {
    // Squared: a volume slider feels even to the ear when gain follows a curve.
    if (engine_) engine_->setGain(muted_ ? 0.0f : float(volume_ * volume_));
    mix_->setSpeechGain(float(speechVolume_ * volume_ * volume_));
}

void PlaybackController::setSpeechVolume(double relative) {
    relative = std::isfinite(relative) ? std::clamp(relative, 0.0, 1.0) : 1.0;
    if (relative == speechVolume_) return;
    speechVolume_ = relative;
    updateGain();
}

media::PlaybackStatus PlaybackController::status() const {
    return engine_ ? engine_->status() : media::PlaybackStatus{};
}

ui::TransportState PlaybackController::transportState() const {
    ui::TransportState t;
    media::PlaybackStatus s = status();
    t.position = s.position;
    t.duration = s.duration;
    t.playing = s.playing;
    t.audioLoaded = loaded();
    t.volume = float(volume_);
    t.muted = muted_;
    return t;
}

} // namespace la::player
