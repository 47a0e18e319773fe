// speech_to_wav OUT.wav "phrase": says the phrase with the program's own
// speech synthesizer (SpeechSynth at a 16 kHz "device", what pocketsphinx
// wants) and writes what the device thread would have played as 16-bit mono
// WAV. For tests/media/run_speech_recognition_test.sh (issue #14).
// Exit 0 written; 1 the synthesizer reported a problem or did not finish; 2 usage.

#include "media/speech_channel.h"
#include "media/speech_synth.h"
#include "media/wav_writer.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s OUT.wav \"phrase\"\n", argv[0]);
        return 2;
    }
    const std::string out = argv[1], phrase = argv[2];
    constexpr int kRate = 16000;
    using Clock = std::chrono::steady_clock;

    la::media::SpeechChannel channel;
    la::media::SpeechSynth synth(channel, kRate, la::media::SpeechVoice{});
    auto failed = [&](const char* what) {
        std::string problem = synth.problem();
        std::fprintf(stderr, "speech_to_wav: %s: %s\n", what, problem.empty() ? "no reason given" : problem.c_str());
        return 1;
    };
    if (!synth.waitReady(5000)) return failed("the speech synthesizer did not start");
    synth.say(phrase);

    std::vector<float> samples;
    std::vector<float> block(la::media::SpeechChannel::kBlockFrames);
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (channel.finishedUtterances() < 1) {
        if (Clock::now() > deadline) return failed("no complete phrase within 10 s");
        int speech = channel.pull(block.data(), int(block.size()));
        if (speech > 0)
            samples.insert(samples.end(), block.begin(), block.begin() + speech);
        else
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (!synth.problem().empty()) return failed("the speech synthesizer reported a problem");
    if (samples.empty()) return failed("the phrase had no samples");

    try {
        la::media::WavWriter wav(out, kRate, 1);
        wav.write(samples.data(), samples.size());
        wav.close();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "speech_to_wav: cannot write %s: %s\n", out.c_str(), e.what());
        return 1;
    }
    std::printf("%s: %.2f s of speech\n", out.c_str(), double(samples.size()) / kRate);
    return 0;
}
