#pragma once
// Speech from the program itself (issue #14): libespeak-ng in synchronous
// mode on a thread of its own, its samples resampled to the device rate and
// queued on a SpeechChannel that OutputMix mixes into the one sound device.
//
// The UI thread only posts requests (say, stop, voice); it never waits for the
// synthesizer, and the device thread never waits for either of them. A phrase
// is heard within a device buffer of say(): libespeak-ng gives its first
// samples in under a millisecond and they are queued as they come.
//
// libespeak-ng keeps its state in globals, so one SpeechSynth exists at a
// time; a second one reports an error and stays silent. No SDL here.

#include "media/speech_channel.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace la::media {

struct SpeechVoice {
    std::string name = "en-us";  ///< an espeak-ng voice ("en-us", "en-gb", "de", ...)
    int wordsPerMinute = 150;    ///< a clear, unhurried rate (espeak-ng's own default is 175)
    bool operator==(const SpeechVoice&) const = default;
    static constexpr int kMinRate = 80, kMaxRate = 450; ///< what espeak-ng accepts
};

class SpeechSynth {
public:
    /// Starts the synthesizer's thread; libespeak-ng starts on it (4-8 ms).
    SpeechSynth(SpeechChannel& channel, int deviceRate, SpeechVoice voice);
    ~SpeechSynth();
    SpeechSynth(const SpeechSynth&) = delete;
    SpeechSynth& operator=(const SpeechSynth&) = delete;

    /// Says `text` after stopping whatever is being said.
    void say(const std::string& text);
    /// Says `text` after what is being said (not a person's doing: the focus a
    /// dialog takes as it opens must not cut off the dialog's own message).
    void sayAfter(const std::string& text);
    /// Stops at once: what is queued is dropped and the phrase fades out
    /// within the device's next buffer.
    void stop();
    /// For the next phrase.
    void setVoice(const SpeechVoice& voice);

    /// Something asked for is not finished: being synthesized or still to be heard.
    bool speaking() const;
    /// Waits (up to `timeoutMs`) until libespeak-ng has started or failed; for
    /// tests and the first phrase's log line. True when it is ready.
    bool waitReady(int timeoutMs) const;
    /// A problem for people, e.g. "speech is not available: ..." or "the voice
    /// 'xx' is not installed; using 'en'". "" when none. Any thread.
    std::string problem() const;

private:
    struct Request;
    void run();
    void synthesize(const std::string& text, uint32_t generation);
    bool applyVoice(const SpeechVoice& voice);
    void setProblem(std::string text);

    SpeechChannel& channel_;
    int deviceRate_;

    mutable std::mutex mutex_;
    mutable std::condition_variable cv_;
    std::string text_;          ///< the phrase waiting to start (guarded)
    uint32_t textGeneration_ = 0;
    bool hasText_ = false;
    std::vector<std::string> after_; ///< phrases to say once this one is done (guarded)
    SpeechVoice voice_;         ///< wanted (guarded)
    std::string problem_;       ///< (guarded)
    int state_ = 0;             ///< 0 starting, 1 ready, -1 failed (guarded)
    bool quit_ = false;

    std::atomic<bool> busy_{false}; ///< a phrase is being synthesized or waits to start
    std::thread thread_;
};

} // namespace la::media
