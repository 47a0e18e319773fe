#include "player/speech_output.h"

#include "player/playback_controller.h"
#include "ui/spoken_text.h"

#include <cmath>

namespace la::player {
namespace {
media::SpeechVoice voiceOf(const SpeechPreferences& p) { return {p.speechVoice, int(std::lround(p.speechRate))}; }
} // namespace

SpeechOutput::SpeechOutput(media::OutputMix& mix, std::function<std::uint64_t()> clockMs, const std::string& logPath)
    : mix_(mix), clockMs_(std::move(clockMs)) {
    if (!logPath.empty()) {
        log_.open(logPath, std::ios::out | std::ios::trunc);
        if (!log_) pending_ = "Cannot write the speech log " + logPath + "; speech goes on without it.";
    }
}

SpeechOutput::~SpeechOutput() = default;

void SpeechOutput::setPreferences(const SpeechPreferences& p) {
    const bool wasOn = prefs_.speech;
    prefs_ = p;
    mix_.setDuckDb(p.speechOverEpisode == SpeechOverEpisode::Duck ? 18.0f : 0.0f);
    if (synth_) synth_->setVoice(voiceOf(p));
    if (p.speech && !wasOn) start();
    if (!p.speech && wasOn) {
        interrupt();
        synth_.reset();
    }
}

void SpeechOutput::setOn(bool on) {
    SpeechPreferences p = prefs_;
    p.speech = on;
    setPreferences(p);
}

void SpeechOutput::start() {
    if (!synth_) synth_ = std::make_unique<media::SpeechSynth>(mix_.speech(), mix_.format().sampleRate, voiceOf(prefs_));
}

void SpeechOutput::say(const std::string& text, const char* kind) {
    if (text.empty() || !prefs_.speech) return;
    last_ = text;
    log(kind, text);
    if (synth_) synth_->say(ui::speakableTimes(text));
}

void SpeechOutput::sayAfter(const std::string& text, const char* kind) {
    if (text.empty() || !prefs_.speech) return;
    last_ = last_.empty() || !speaking() ? text : last_ + " " + text;
    log(kind, text);
    if (synth_) synth_->sayAfter(ui::speakableTimes(text));
}

void SpeechOutput::repeat() {
    if (last_.empty() || !prefs_.speech) return;
    log("repeat", last_);
    if (synth_) synth_->say(ui::speakableTimes(last_));
}

void SpeechOutput::interrupt() {
    if (!synth_ || !synth_->speaking()) return;
    synth_->stop();
    log("stop", "");
}

void SpeechOutput::update(PlaybackController& playback) {
    // Speech follows the one volume control (and the kiosk's cap under it).
    playback.setSpeechVolume(prefs_.speechVolume);
    const bool speaking = this->speaking();
    if (prefs_.speechOverEpisode == SpeechOverEpisode::Pause) {
        if (speaking && playback.status().playing) {
            playback.pause();
            pausedEpisode_ = true;
        } else if (!speaking && pausedEpisode_) {
            playback.play();
            pausedEpisode_ = false;
        }
    }
    if (synth_) {
        std::string p = synth_->problem();
        if (!p.empty() && p != reported_) pending_ = reported_ = p;
    }
}

std::string SpeechOutput::takeProblem() {
    std::string p;
    p.swap(pending_);
    return p;
}

void SpeechOutput::log(const char* kind, const std::string& text) {
    if (!log_) return;
    log_ << clockMs_() << '\t' << kind << '\t' << text << '\n';
    log_.flush(); // a test reads it while the player runs
}

} // namespace la::player
