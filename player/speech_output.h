#pragma once
// The program's own voice (issue #14): owns the synthesizer while speech is
// on, says phrases (the narrator's, the kiosk's, a section of the article),
// remembers the last one for "Say it again", stops at any key or touch, keeps
// the episode ducked or paused under it, and logs each utterance when asked
// (--speech-log FILE). Owns the speech preferences while the app runs.
// A synthesizer that cannot start, or a missing voice, is a problem reported
// once (takeProblem) and the app goes on silently.

#include "media/output_mix.h"
#include "media/speech_synth.h"
#include "player/config/settings.h"

#include <cstdint>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

namespace la::player {

class PlaybackController;

class SpeechOutput {
public:
    /// `mix`: where speech is heard (the playback controller's). `clockMs`:
    /// the app's clock, for the log. `logPath`: "" logs nothing.
    SpeechOutput(media::OutputMix& mix, std::function<std::uint64_t()> clockMs, const std::string& logPath);
    ~SpeechOutput();

    void setPreferences(const SpeechPreferences& p);
    const SpeechPreferences& preferences() const { return prefs_; }
    /// Speech on or off (the welcome screen's "Speech on/off", "Speak controls").
    void setOn(bool on);
    bool on() const { return prefs_.speech; }

    /// Says `text` now, stopping what was being said. `kind` labels the log
    /// line ("focus", "welcome", "countdown", "section", ...).
    void say(const std::string& text, const char* kind);
    /// Says `text` after what is being said (nobody asked: don't cut it off).
    void sayAfter(const std::string& text, const char* kind);
    /// Says the last phrase again.
    void repeat();
    /// Stops at once (a key or a touch). Logged when something was being said.
    void interrupt();
    bool speaking() const { return synth_ && synth_->speaking(); }

    /// Each loop turn: pauses the episode under speech and plays it again
    /// after, when that is the chosen way (SpeechOverEpisode::Pause).
    void update(PlaybackController& playback);
    /// A problem to tell people, once ("" none).
    std::string takeProblem();

private:
    void start();
    void log(const char* kind, const std::string& text);

    media::OutputMix& mix_;
    std::function<std::uint64_t()> clockMs_;
    std::ofstream log_;
    SpeechPreferences prefs_;
    std::unique_ptr<media::SpeechSynth> synth_;
    std::string last_;
    std::string reported_; ///< the last problem told
    std::string pending_;  ///< a problem not yet taken
    bool pausedEpisode_ = false;
};

} // namespace la::player
