#pragma once
// Where rendered audio goes: the sound device through SDL_mixer, or a stand-in
// that consumes audio in real time without a device (so a machine without
// sound still runs the player and the transcript still follows). A sink pulls
// from an AudioRenderer (the engine, or the OutputMix of the engine and speech) on its own device thread. This header
// and the null sink are SDL-free (la_media_core); openSdlMixerSink() lives in
// sdl_mixer_sink.cpp, the one media file that includes SDL (la_media_sdl).

#include "media/audio_engine.h"

#include <memory>
#include <string>

namespace la::media {

class AudioSink {
public:
    virtual ~AudioSink() = default;
    /// The format the engine must render (fixed for the sink's lifetime).
    virtual DeviceFormat format() const = 0;
    /// Starts pulling from `renderer` (nullptr: silence). When this returns,
    /// the sink no longer touches the previously attached one.
    virtual void attach(AudioRenderer* renderer) = 0;
    /// For people: e.g. "sound device (pulseaudio)" or "no sound device".
    virtual std::string description() const = 0;
    /// False for the stand-in: nothing is audible.
    virtual bool audible() const = 0;
};

/// Opens the sound device through SDL_mixer (Mix_OpenAudioDevice +
/// Mix_HookMusic), float32 at 48 kHz stereo, converted by SDL as needed.
/// Returns nullptr and sets `error` when no device can be opened.
std::unique_ptr<AudioSink> openSdlMixerSink(std::string& error);

/// A sink that discards audio at real-time pace (no device needed).
std::unique_ptr<AudioSink> openNullSink();

} // namespace la::media
