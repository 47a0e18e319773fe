#pragma once
// Owns the audio: the output sink and the engine for the open episode. Applies
// the commands views return, once per loop turn, merging seeks (ten "back
// 15 s" taps in one frame become one seek from the pending target).

#include "media/audio_engine.h"
#include "media/audio_sink.h"
#include "ui/commands.h"
#include "ui/transport_bar.h"

#include <memory>
#include <string>

namespace la::player {

class PlaybackController {
public:
    /// sink: where audio goes (a device, or the silent stand-in).
    explicit PlaybackController(std::unique_ptr<media::AudioSink> sink);
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
    void seek(double seconds);
    void setVolume(float volume);
    void setMuted(bool muted);
    void setSpeed(double speed);

    /// Applies a frame's commands in order; seeks merged into one.
    void apply(const ui::Commands& commands);

    media::PlaybackStatus status() const;
    float volume() const { return volume_; }
    double speed() const { return speed_; }
    bool muted() const { return muted_; }
    /// Seeks applied so far (views bring the line being heard back into view on a change).
    unsigned seekCount() const { return seekCount_; }
    const media::AudioSink& sink() const { return *sink_; }

    /// What the transport bar shows.
    ui::TransportState transportState() const;

    static constexpr double kBackSeconds = 15;
    static constexpr double kForwardSeconds = 30;

private:
    void updateGain();

    std::unique_ptr<media::AudioSink> sink_;
    std::unique_ptr<media::AudioEngine> engine_;
    std::string path_;
    std::string title_;
    float volume_ = 0.8f;
    bool muted_ = false;
    double speed_ = 1.0;
    unsigned seekCount_ = 0;
};

} // namespace la::player
