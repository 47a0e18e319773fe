#include "player/playback_controller.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace la::player {

PlaybackController::PlaybackController(std::unique_ptr<media::AudioSink> sink, std::string loudnessCacheFile)
    : sink_(std::move(sink)), mix_(std::make_unique<media::OutputMix>(sink_->format())),
      loudnessCacheFile_(std::move(loudnessCacheFile)) {
    updateGain();
    sink_->attach(mix_.get()); // speech can be heard before (or without) an episode
}

PlaybackController::~PlaybackController() {
    sink_->attach(nullptr);
    loudness_.reset();
    engine_.reset();
}

bool PlaybackController::open(const std::string& path, std::string& error) {
    sink_->attach(nullptr);
    mix_->setEpisode(nullptr);
    loudness_.reset();
    appliedLoudnessGain_.reset();
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
    startLoudness();
    updateVoiceBoost();
    engine_->setShortenPauses(shortenPauses_);
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
    setEvenLoudness(p.evenLoudness, p.loudnessTarget);
    setVoiceBoost(p.voiceBoost);
    setShortenPauses(p.shortenPauses);
}

ListeningPreferences PlaybackController::preferences() const {
    ListeningPreferences p;
    p.speed = speed_;
    p.volume = volume_;
    p.muted = muted_;
    p.evenLoudness = evenLoudness_;
    p.loudnessTarget = loudnessTarget_;
    p.voiceBoost = voiceBoost_;
    p.shortenPauses = shortenPauses_;
    return p;
}

void PlaybackController::setEvenLoudness(bool on, double targetLufs) {
    targetLufs = std::isfinite(targetLufs) ? std::clamp(targetLufs, kLoudnessTargetRange.min, kLoudnessTargetRange.max)
                                           : kLoudnessTargetRange.defaultValue;
    if (on == evenLoudness_ && targetLufs == loudnessTarget_) return;
    evenLoudness_ = on;
    loudnessTarget_ = targetLufs;
    startLoudness();
}

void PlaybackController::startLoudness() {
    if (!engine_) return;
    applyLoudnessGain(std::nullopt);
    if (!evenLoudness_) return; // the analysis is kept: turning it back on needs no new measuring
    if (loudness_ && loudness_->targetLufs() == loudnessTarget_) { // only turned back on: the gain is known
        applyLoudnessGain(loudness_->gainDb());
        return;
    }
    loudness_ = std::make_unique<media::LoudnessAnalysis>(path_, loudnessTarget_, loudnessCacheFile_);
}

void PlaybackController::applyLoudnessGain(std::optional<double> gainDb) {
    appliedLoudnessGain_ = gainDb;
    if (engine_) engine_->setLoudnessGainDb(gainDb ? *gainDb : std::numeric_limits<double>::quiet_NaN());
    updateVoiceBoost(); // its reference is the file's own speech level
}

void PlaybackController::setShortenPauses(bool on) {
    shortenPauses_ = on;
    if (engine_) engine_->setShortenPauses(on);
}

void PlaybackController::setVoiceBoost(bool on) {
    voiceBoost_ = on;
    updateVoiceBoost();
}

void PlaybackController::updateVoiceBoost() {
    if (!engine_) return;
    // Around the file's own speech level; before its loudness is known (or
    // with even loudness off) a typical podcast's stands in.
    const double fileLufs = appliedLoudnessGain_ ? loudnessTarget_ - *appliedLoudnessGain_ : media::kTypicalPodcastLufs;
    engine_->setVoiceBoost(voiceBoost_ ? media::voiceReferenceDbFor(fileLufs) : std::numeric_limits<double>::quiet_NaN());
}

std::string PlaybackController::update() {
    if (!loudness_ || !engine_) return {};
    if (evenLoudness_ && !appliedLoudnessGain_)
        if (auto g = loudness_->gainDb()) applyLoudnessGain(g);
    return loudness_->takeProblem();
}

void PlaybackController::updateGain() {
    // Squared: a volume slider feels even to the ear when gain follows a curve.
    // The sleep timer's fade is the episode's only: speech stays as loud.
    if (engine_) engine_->setGain(muted_ ? 0.0f : float(volume_ * volume_ * sleepFade_));
    mix_->setSpeechGain(float(speechVolume_ * volume_ * volume_));
}

void PlaybackController::setSpeechVolume(double relative) {
    relative = std::isfinite(relative) ? std::clamp(relative, 0.0, 1.0) : 1.0;
    if (relative == speechVolume_) return;
    speechVolume_ = relative;
    updateGain();
}

void PlaybackController::setSleepTimer(const SleepTimerOption& option) {
    sleep_.set(option);
    sleepChoice_ = option;
    if (option.mode == SleepTimerMode::Minutes)
        sleepChoice_.minutes = std::clamp(option.minutes, kSleepMinMinutes, kSleepMaxMinutes);
}

void PlaybackController::extendSleepTimer() {
    sleep_.extend(kSleepExtendMinutes);
    sleepChoice_ = {SleepTimerMode::Minutes, 0, "Custom"};
}

void PlaybackController::updateSleepTimer(std::int64_t nowMs, const std::vector<transcripts::Chapter>* chapters) {
    const media::PlaybackStatus st = status();
    SleepTimerInput in;
    in.playing = st.playing;
    in.ended = st.ended;
    in.position = st.position;
    in.duration = st.duration;
    in.speed = speed_;
    in.seekCount = seekCount_;
    in.chapters = chapters;
    sleepOut_ = sleep_.update(nowMs, in);
    if (sleepOut_.pauseNow) {
        pause();
        sleepChoice_ = {SleepTimerMode::Off, 0, "Off"};
    }
    if (sleepOut_.volumeFactor != sleepFade_) {
        sleepFade_ = sleepOut_.volumeFactor;
        updateGain();
    }
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
    if (sleep_.mode() != SleepTimerMode::Off) t.sleepText = sleepOut_.text;
    return t;
}

} // namespace la::player
