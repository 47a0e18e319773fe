// The only file that touches SDL_mixer: the device is SDL_mixer's, and our
// engine renders into it through the music hook.
#include "media/audio_sink.h"

#include <SDL.h>
#include <SDL_mixer.h>

#include <cstring>

namespace la::media {
namespace {

class SdlMixerSink final : public AudioSink {
public:
    SdlMixerSink(DeviceFormat format, std::string driver) : format_(format), driver_(std::move(driver)) {
        hooked_.sink = this;
        Mix_HookMusic(&SdlMixerSink::hook, nullptr);
    }
    ~SdlMixerSink() override {
        Mix_HookMusic(nullptr, nullptr);
        Mix_CloseAudio();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }

    DeviceFormat format() const override { return format_; }
    // Mix_HookMusic takes SDL_mixer's audio lock, so once it returns the
    // callback can no longer be inside the old engine.
    void attach(AudioRenderer* renderer) override {
        Mix_HookMusic(nullptr, nullptr);
        hooked_.renderer = renderer;
        Mix_HookMusic(&SdlMixerSink::hook, renderer ? &hooked_ : nullptr);
    }
    std::string description() const override { return "sound device (" + driver_ + ")"; }
    bool audible() const override { return true; }

private:
    struct Hooked {
        SdlMixerSink* sink = nullptr;
        AudioRenderer* renderer = nullptr;
    };

    static void hook(void* userData, Uint8* stream, int len) {
        auto* h = static_cast<Hooked*>(userData);
        if (!h) {
            std::memset(stream, 0, size_t(len));
            return;
        }
        int frames = len / int(sizeof(float) * size_t(h->sink->format_.channels));
        h->renderer->render(reinterpret_cast<float*>(stream), frames);
    }

    DeviceFormat format_;
    Hooked hooked_; ///< written only while unhooked (Mix_HookMusic holds the audio lock)
    std::string driver_;
};

} // namespace

std::unique_ptr<AudioSink> openSdlMixerSink(std::string& error) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        error = std::string("no sound system: ") + SDL_GetError();
        return nullptr;
    }
    DeviceFormat want;
    // No allowed changes: SDL converts to the hardware for us, so the hook
    // always sees float32 stereo at 48 kHz.
    if (Mix_OpenAudioDevice(want.sampleRate, AUDIO_F32SYS, want.channels, want.bufferFrames, nullptr, 0) != 0) {
        error = std::string("cannot open the sound device: ") + Mix_GetError();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return nullptr;
    }
    int rate = 0, channels = 0;
    Uint16 format = 0;
    Mix_QuerySpec(&rate, &format, &channels);
    if (format != AUDIO_F32SYS) {
        error = "the sound device did not accept float audio";
        Mix_CloseAudio();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return nullptr;
    }
    DeviceFormat got{rate, channels, want.bufferFrames};
    const char* driver = SDL_GetCurrentAudioDriver();
    return std::make_unique<SdlMixerSink>(got, driver ? driver : "unknown");
}

} // namespace la::media
