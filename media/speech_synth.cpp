#include "media/speech_synth.h"

#include "media/resampler.h"

#include <espeak-ng/espeak_ng.h>

#include <algorithm>
#include <chrono>
#include <clocale>
#include <locale.h>
#include <memory>
#include <vector>

namespace la::media {
namespace {

// libespeak-ng's state is global: one synthesizer at a time in a process.
std::atomic<bool> g_inUse{false};

// The phrase being synthesized, for libespeak-ng's callback (which has no
// user pointer of its own in synchronous mode except the event's).
struct Synthesis {
    SpeechChannel* channel = nullptr;
    uint32_t generation = 0;
    Resampler* resampler = nullptr;
    std::vector<float> in, out;

    bool stale() const { return channel->generation() != generation; }

    // Queues what the resampler has, waiting for room in the ring (this is
    // the synthesizer's own thread: it may wait, the device thread never does).
    bool drain(bool all) {
        while (resampler->available() >= size_t(all ? 1 : SpeechChannel::kBlockFrames)) {
            size_t n = resampler->get(out.data(), SpeechChannel::kBlockFrames);
            while (!channel->push(out.data(), int(n), generation)) {
                if (stale()) return false;
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        }
        return !stale();
    }
};
thread_local Synthesis* t_synthesis = nullptr;

int onSamples(short* wav, int count, espeak_EVENT*) {
    Synthesis* s = t_synthesis;
    if (!s || s->stale()) return 1; // 1: stop synthesizing
    if (!wav || count <= 0) return 0;
    s->in.resize(size_t(count));
    for (int i = 0; i < count; ++i) s->in[size_t(i)] = float(wav[i]) / 32768.0f;
    s->resampler->put(s->in.data(), size_t(count));
    return s->drain(false) ? 0 : 1;
}

std::string statusText(espeak_ng_STATUS status) {
    char buffer[512] = {0};
    espeak_ng_GetStatusCodeMessage(status, buffer, sizeof buffer);
    return buffer[0] ? buffer : "error " + std::to_string(int(status));
}

} // namespace

SpeechSynth::SpeechSynth(SpeechChannel& channel, int deviceRate, SpeechVoice voice)
    : channel_(channel), deviceRate_(deviceRate), voice_(std::move(voice)) {
    thread_ = std::thread([this] { run(); });
    // Wait for the start (a few ms): espeak_ng_Initialize sets the process's
    // LC_CTYPE, which run() puts back; Xlib on the main thread must not see it
    // changed (a window titled in C.UTF-8 lost its WM_NAME, so no window
    // manager or xdotool could find the kiosk by name).
    waitReady(2000);
}

SpeechSynth::~SpeechSynth() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    channel_.interrupt();
    cv_.notify_all();
    thread_.join();
}

void SpeechSynth::say(const std::string& text) {
    uint32_t generation = channel_.interrupt();
    {
        std::lock_guard lock(mutex_);
        if (state_ == -1) return; // failed to start: silent, as promised in problem()
        text_ = text;
        textGeneration_ = generation;
        hasText_ = true;
        after_.clear();
        busy_ = true;
    }
    cv_.notify_all();
}

void SpeechSynth::sayAfter(const std::string& text) {
    if (!speaking()) return say(text);
    {
        std::lock_guard lock(mutex_);
        if (state_ == -1) return;
        after_.push_back(text);
        busy_ = true;
    }
    cv_.notify_all();
}

void SpeechSynth::stop() {
    channel_.interrupt();
    std::lock_guard lock(mutex_);
    hasText_ = false;
    after_.clear();
}

void SpeechSynth::setVoice(const SpeechVoice& voice) {
    std::lock_guard lock(mutex_);
    voice_ = voice;
}

bool SpeechSynth::speaking() const { return busy_.load() || channel_.queuedBlocks() > 0 || channel_.playing(); }

bool SpeechSynth::waitReady(int timeoutMs) const {
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return state_ != 0; });
    return state_ == 1;
}

std::string SpeechSynth::problem() const {
    std::lock_guard lock(mutex_);
    return problem_;
}

void SpeechSynth::setProblem(std::string text) {
    std::lock_guard lock(mutex_);
    problem_ = std::move(text);
}

bool SpeechSynth::applyVoice(const SpeechVoice& voice) {
    espeak_ng_STATUS st = espeak_ng_SetVoiceByName(voice.name.c_str());
    if (st != ENS_OK) {
        // A missing voice still speaks, in the voice every espeak-ng has.
        if (espeak_ng_SetVoiceByName("en") != ENS_OK) {
            setProblem("Speech is off: the voice '" + voice.name + "' is not installed (" + statusText(st) + "), nor is 'en'.");
            return false;
        }
        setProblem("The speech voice '" + voice.name + "' is not installed (" + statusText(st) + "); speaking with 'en' instead.");
    }
    espeak_ng_SetParameter(espeakRATE, std::clamp(voice.wordsPerMinute, SpeechVoice::kMinRate, SpeechVoice::kMaxRate), 0);
    return true;
}

void SpeechSynth::run() {
    auto fail = [this](std::string why) {
        std::lock_guard lock(mutex_);
        problem_ = "Speech is not available: " + why + ". The kiosk goes on without speaking.";
        state_ = -1;
        cv_.notify_all();
    };
    if (g_inUse.exchange(true)) {
        fail("another speech synthesizer is running in this program");
        return;
    }
    // espeak-ng classifies letters with the C library's wide-character
    // functions, so this thread keeps a UTF-8 LC_CTYPE of its own...
    struct ThreadCtype {
        locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(nullptr));
        ThreadCtype() { if (utf8) uselocale(utf8); }
        ~ThreadCtype() { if (utf8) uselocale(LC_GLOBAL_LOCALE), freelocale(utf8); }
    } threadCtype;
    // ...and the process keeps the one it had (espeak_ng_Initialize sets it).
    const char* was = std::setlocale(LC_CTYPE, nullptr);
    const std::string processCtype = was ? was : "C";
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS st = espeak_ng_Initialize(&context);
    std::setlocale(LC_CTYPE, processCtype.c_str());
    if (st != ENS_OK) {
        espeak_ng_ClearErrorContext(&context);
        g_inUse = false;
        fail("espeak-ng could not start (" + statusText(st) + ")");
        return;
    }
    st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 20, nullptr);
    if (st != ENS_OK) {
        espeak_ng_Terminate();
        g_inUse = false;
        fail("espeak-ng could not start (" + statusText(st) + ")");
        return;
    }
    espeak_SetSynthCallback(onSamples);
    SpeechVoice applied;
    bool voiceOk = false;
    {
        std::unique_lock lock(mutex_);
        applied = voice_;
    }
    voiceOk = applyVoice(applied);
    {
        std::lock_guard lock(mutex_);
        state_ = voiceOk ? 1 : -1;
    }
    cv_.notify_all();

    std::unique_lock lock(mutex_);
    while (true) {
        cv_.wait(lock, [this] { return quit_ || hasText_ || !after_.empty(); });
        if (quit_) break;
        std::string text;
        uint32_t generation = 0;
        if (hasText_) {
            text = std::move(text_);
            generation = textGeneration_;
            hasText_ = false;
        } else { // the next phrase in line, after the one just queued (same generation: no cut)
            text = std::move(after_.front());
            after_.erase(after_.begin());
            generation = channel_.generation();
        }
        SpeechVoice wanted = voice_;
        lock.unlock();
        if (!(wanted == applied)) {
            applied = wanted;
            voiceOk = applyVoice(applied);
        }
        if (voiceOk) synthesize(text, generation);
        lock.lock();
        if (!hasText_ && after_.empty()) busy_ = false;
    }
    lock.unlock();
    espeak_ng_Terminate();
    g_inUse = false;
}

void SpeechSynth::synthesize(const std::string& text, uint32_t generation) {
    std::unique_ptr<Resampler> made;
    try {
        made = std::make_unique<Resampler>(1, espeak_ng_GetSampleRate(), deviceRate_);
    } catch (const std::exception& e) {
        setProblem(std::string("Speech cannot be converted for the sound device: ") + e.what());
        return;
    }
    Resampler& resampler = *made;
    Synthesis s;
    s.channel = &channel_;
    s.generation = generation;
    s.resampler = &resampler;
    s.out.resize(SpeechChannel::kBlockFrames);
    t_synthesis = &s;
    espeak_ng_STATUS st = espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    t_synthesis = nullptr;
    if (st != ENS_OK && !s.stale()) setProblem("Speech failed for one phrase (" + statusText(st) + ").");
    if (s.stale()) return;
    resampler.flush();
    if (!s.drain(true)) return;
    while (!channel_.pushEnd(generation)) {
        if (s.stale()) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

} // namespace la::media
