#pragma once
// Owns the audio: the output sink, the mix it plays (the episode with the
// program's own speech over it, output_mix.h), the engine for the open episode, and the
// listening preferences (speed, volume, mute): each is kept here only, and
// put in range here only. Seeks asked for during one loop turn are queued and
// merged (ten "back 15 s" taps in one frame become one seek from the pending
// target); commitSeek() does the one seek at the end of the turn.

#include "media/audio_engine.h"
#include "media/audio_sink.h"
#include "media/loudness_analysis.h"
#include "media/output_mix.h"
#include "player/config/settings.h"
#include "player/sleep_timer.h"
#include "ui/transport_bar.h"

#include <memory>
#include <optional>
#include <string>

namespace la::player {

class PlaybackController {
public:
    /// sink: where audio goes (a device, or the silent stand-in).
    /// loudnessCacheFile: where each file's measured loudness is kept ("": nowhere).
    explicit PlaybackController(std::unique_ptr<media::AudioSink> sink,
                                std::string loudnessCacheFile = media::LoudnessCache::defaultFile());
    ~PlaybackController();

    /// Opens an episode file. On failure the previous state is kept cleared,
    /// `error` names the file and the problem, and false is returned.
    bool open(const std::string& path, std::string& error);
    bool loaded() const { return engine_ != nullptr; }
    const std::string& path() const { return path_; }
    /// The episode's TITLE tag ("" when none or nothing loaded).
    const std::string& title() const { return title_; }

    void play();
    void pause();
    /// Play if paused, pause if playing; a seek queued before it lands first.
    void togglePlay();
    /// Seeks now (not merged).
    void seek(double seconds);
    /// Queue a seek for commitSeek(); each is relative to the last queued one.
    void queueSeekTo(double seconds);
    void queueSeekBy(double deltaSeconds);
    /// Where playback will be after the queued seek (the position when none).
    double pendingPosition() const;
    /// Does the queued seek, clamped to the episode (nothing when none is queued).
    void commitSeek();

    /// Speed: clamped to kSpeedRange and snapped to the 0.05 grid (snappedSpeed).
    void setSpeed(double speed);
    /// One step up or down the speed grid (|delta| is the step: 0.05, 0.25).
    void stepSpeed(double delta);
    /// Volume (0..1 slider value), clamped to [0, volume limit].
    void setVolume(double volume);
    void changeVolume(double delta) { setVolume(volume_ + delta); }
    void setMuted(bool muted);
    /// Hearing safety (a kiosk's maxVolume): the volume never goes above it.
    void setVolumeLimit(double limit);
    void setPreferences(const ListeningPreferences& p);
    ListeningPreferences preferences() const;
    /// Even loudness: on, to `targetLufs` (clamped to kLoudnessTargetRange).
    /// The first time a file is played its loudness is measured in the
    /// background; until then (a few seconds) it plays as it is.
    void setEvenLoudness(bool on, double targetLufs);
    void toggleEvenLoudness() { setEvenLoudness(!evenLoudness_, loudnessTarget_); }
    bool evenLoudness() const { return evenLoudness_; }
    /// Voice boost: quiet words raised and a speech-band lift.
    void setVoiceBoost(bool on);
    bool voiceBoost() const { return voiceBoost_; }
    /// Shorten pauses: long pauses cut to 0.3 s; times stay in episode time.
    void setShortenPauses(bool on);
    bool shortenPauses() const { return shortenPauses_; }
    /// The gain even loudness applies to this episode, once known.
    std::optional<double> loudnessGainDb() const { return appliedLoudnessGain_; }

    /// Once a frame: hands results of background work to the engine. Returns
    /// a problem to tell the listener ("" when none).
    std::string update();

    media::PlaybackStatus status() const;
    double volume() const { return volume_; }
    double speed() const { return speed_; }
    bool muted() const { return muted_; }
    /// Seeks applied so far (views bring the line being heard back into view on a change).
    unsigned seekCount() const { return seekCount_; }
    const media::AudioSink& sink() const { return *sink_; }
    /// What the sink plays: speech goes in here (SpeechOutput).
    media::OutputMix& mix() { return *mix_; }
    /// The speech's loudness relative to the volume (0..1): one volume control
    /// for both, so the kiosk's cap holds for speech too. Mute is the episode's.
    void setSpeechVolume(double relative);

    /// The sleep timer (issue #15): it is playback's, like the volume. Not a
    /// preference: every run (and every kiosk visitor) starts with it off.
    void setSleepTimer(const SleepTimerOption& option);
    /// "+5 min" (SleepTimer::extend).
    void extendSleepTimer();
    /// The option chosen (Off when it has fired; Minutes with minutes 0 after
    /// an extend: a time of its own, none of the menu's).
    const SleepTimerOption& sleepTimerChoice() const { return sleepChoice_; }
    /// Once a frame with the app's monotonic clock: counts down, fades the
    /// episode (never the program's speech) over the last seconds, and pauses
    /// when it fires. `chapters` may be null.
    void updateSleepTimer(std::int64_t nowMs, const std::vector<transcripts::Chapter>* chapters);
    /// The last update's result (text "Sleep in 14:59", time left).
    const SleepTimerOutput& sleepTimerState() const { return sleepOut_; }
    /// The fade factor applied to the episode now (1: none).
    double sleepFade() const { return sleepFade_; }

    /// What the transport bar shows.
    ui::TransportState transportState() const;

    static constexpr double kBackSeconds = 15;
    static constexpr double kForwardSeconds = 30;

private:
    void updateGain();
    void startLoudness();
    void applyLoudnessGain(std::optional<double> gainDb);
    void updateVoiceBoost();

    std::unique_ptr<media::AudioSink> sink_;
    std::unique_ptr<media::OutputMix> mix_;
    std::unique_ptr<media::AudioEngine> engine_;
    std::string path_;
    std::string title_;
    double speed_ = kSpeedRange.defaultValue;
    double volume_ = kVolumeRange.defaultValue;
    double volumeLimit_ = kVolumeRange.max;
    bool muted_ = false;
    bool evenLoudness_ = true;
    double loudnessTarget_ = kLoudnessTargetRange.defaultValue;
    std::string loudnessCacheFile_;
    std::unique_ptr<media::LoudnessAnalysis> loudness_; ///< the open episode's, for loudnessTarget_
    std::optional<double> appliedLoudnessGain_;
    bool voiceBoost_ = false;
    bool shortenPauses_ = false;
    double speechVolume_ = 1.0;
    std::optional<double> queuedSeek_;
    unsigned seekCount_ = 0;
    SleepTimer sleep_;
    SleepTimerOption sleepChoice_{SleepTimerMode::Off, 0, "Off"};
    SleepTimerOutput sleepOut_{1, false, std::nullopt, "Sleep timer off"};
    double sleepFade_ = 1;
};

} // namespace la::player
