// Issue #15 in the player, heard from outside: PlayerApp with its real audio
// path (engine, output mix, SDL_mixer) on SDL's "disk" driver, playing at 2x
// with pauses shortened. The episode is made of words that are tones of their
// own pitch, so the device's output says which word is being heard at every
// moment. Each frame the player draws is compared with what the device was
// playing as it drew: the highlighted transcript line and the position on the
// seek bar must be those of that word. Then two seeks (the seek bar, as a
// screen reader sets it, and a click on a transcript line) must be heard at
// the word they name.
#include "player/app_host.h"
#include "player/player_app.h"
#include "support/disk_audio.h"
#include "support/headless_imgui.h"
#include "support/ogg_fixture.h"
#include "support/scripted_host.h"

#include "media/audio_sink.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

using namespace la;

namespace {

constexpr int kRate = 24000;
constexpr int kDeviceRate = 48000;
constexpr int kCues = 6;
constexpr double kFirstCue = 1.0, kWordSeconds = 0.7, kCueEvery = 3.9; // 1.4 s of words, then a 2.5 s pause
const char* const kWordNames[] = {"alpha", "bravo",   "charlie", "delta", "echo", "foxtrot",
                                  "golf",  "hotel",   "india",   "juliet", "kilo", "lima"};

struct Word {
    double start, end, hz;
    size_t cue;
};

std::vector<Word> words() {
    std::vector<Word> w;
    for (size_t c = 0; c < kCues; ++c) {
        for (size_t k = 0; k < 2; ++k) {
            double start = kFirstCue + double(c) * kCueEvery + double(k) * kWordSeconds;
            w.push_back({start, start + kWordSeconds, 420.0 + 130.0 * double(w.size()), c});
        }
    }
    return w;
}

/// Each word a steady tone (5 ms fades), the pauses quiet room tone (-66 dBFS).
std::vector<float> episode(const std::vector<Word>& ws) {
    std::vector<float> s(size_t((kFirstCue + kCues * kCueEvery) * kRate));
    uint32_t seed = 7;
    for (float& v : s) {
        seed = seed * 1664525u + 1013904223u;
        v = float((double(seed >> 8) / double(1 << 24) - 0.5) * 0.001);
    }
    for (const Word& w : ws) {
        size_t a = size_t(w.start * kRate), b = size_t(w.end * kRate), fade = kRate / 200;
        for (size_t i = a; i < b; ++i) {
            double env = std::min({1.0, double(i - a) / double(fade), double(b - i) / double(fade)});
            s[i] = float(0.25 * env * std::sin(2 * M_PI * w.hz * double(i - a) / kRate));
        }
    }
    return s;
}

std::string clock(double t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "00:%02d:%06.3f", int(t) / 60, std::fmod(t, 60.0));
    return buf;
}

std::string vtt(const std::vector<Word>& ws) {
    std::string out = "WEBVTT\n\n";
    for (size_t i = 0; i + 1 < ws.size(); i += 2) {
        out += clock(ws[i].start) + " --> " + clock(ws[i + 1].end) + "\n" + kWordNames[i] + " <" + clock(ws[i + 1].start) +
               ">" + kWordNames[i + 1] + "\n\n";
    }
    return out;
}

/// What went through the device: the frames it has pulled (what the app was
/// saying when it drew a frame is the buffer just pulled) and a copy of them,
/// to find them in the file the disk driver wrote. Outlives the app.
struct Tap {
    std::atomic<uint64_t> frames{0};
    std::vector<float> copy = std::vector<float>(size_t(2 * kDeviceRate * 60)); // stereo, a minute
    /// Left channel of what went through, frame by frame (read after the device closed).
    std::vector<float> left() const {
        std::vector<float> l(std::min<size_t>(frames.load(), copy.size() / 2));
        for (size_t i = 0; i < l.size(); ++i) l[i] = copy[2 * i];
        return l;
    }
};

/// The device the app opens (SDL_mixer on the disk driver), tapped.
class TapSink final : public media::AudioSink, public media::AudioRenderer {
public:
    TapSink(std::unique_ptr<media::AudioSink> device, std::shared_ptr<Tap> tap)
        : device_(std::move(device)), tap_(std::move(tap)) {}
    ~TapSink() override { device_->attach(nullptr); }
    media::DeviceFormat format() const override { return device_->format(); }
    void attach(media::AudioRenderer* r) override {
        device_->attach(nullptr); // the device no longer calls render(): inner_ is ours
        inner_ = r;
        device_->attach(r ? this : nullptr);
    }
    std::string description() const override { return device_->description(); }
    bool audible() const override { return true; }
    void render(float* out, int frames) noexcept override {
        inner_->render(out, frames);
        const size_t ch = size_t(device_->format().channels), at = size_t(tap_->frames.load()) * ch;
        const size_t n = std::min(size_t(frames) * ch, tap_->copy.size() - std::min(at, tap_->copy.size()));
        std::copy(out, out + n, tap_->copy.data() + at);
        tap_->frames += uint64_t(frames);
    }

private:
    std::unique_ptr<media::AudioSink> device_;
    std::shared_ptr<Tap> tap_;
    media::AudioRenderer* inner_ = nullptr;
};

/// What a window of device output holds: silence, one word's tone, or a mix
/// (a word's edge, a crossfade) that says nothing.
struct Heard {
    enum Kind { Silence, Tone, Mixed } kind;
    size_t word = 0;
};

Heard hear(const std::vector<float>& out, size_t end, size_t n, const std::vector<Word>& ws) {
    if (end < n || end > out.size()) return {Heard::Mixed};
    const float* x = out.data() + end - n;
    double energy = 0;
    for (size_t i = 0; i < n; ++i) energy += double(x[i]) * x[i];
    if (energy / double(n) < 1e-5) return {Heard::Silence}; // below -50 dBFS RMS
    size_t best = 0;
    double bestShare = 0;
    for (size_t w = 0; w < ws.size(); ++w) { // Goertzel: the share of the energy at this word's pitch
        double k = 2 * std::cos(2 * M_PI * ws[w].hz / kDeviceRate), s1 = 0, s2 = 0;
        for (size_t i = 0; i < n; ++i) {
            double s0 = x[i] + k * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - k * s1 * s2;
        double share = power * 2.0 / double(n) / energy;
        if (share > bestShare) bestShare = share, best = w;
    }
    if (bestShare < 0.6) return {Heard::Mixed};
    return {Heard::Tone, best};
}

/// One frame the player drew.
struct Drawn {
    uint64_t framesBefore = 0, framesAfter = 0; ///< device frames pulled when it began and when it was done
    std::optional<size_t> cue;                  ///< the highlighted transcript line
    double position = -1;                       ///< the seek bar's value (episode seconds)
    int seeks = 0;                              ///< seeks asked for before this frame
};

std::optional<size_t> highlightedCue(const ui::SemanticTree& tree) {
    const std::string prefix = "transcript/cue/";
    for (const ui::SemanticNode& n : tree.nodes())
        if (n.id.rfind(prefix, 0) == 0 && (n.states & ui::kCurrent)) return std::stoul(n.id.substr(prefix.size()));
    return std::nullopt;
}

} // namespace

TEST_CASE("Heard through the disk driver at 2x with pauses shortened: the highlighted line and the position are the "
          "word coming out, and seeks land on the word they name", "[easy][disk]") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    const std::vector<Word> ws = words();
    const std::string ogg = dir.file("words.ogg"), transcript = dir.file("words.vtt"), raw = dir.file("out.raw");
    test::writeOgg(ogg, episode(ws), kRate, 1, "Words");
    std::ofstream(transcript) << vtt(ws);
    std::ofstream(dir.file("settings.json")) << R"({"shortenPauses": true})";

    player::AppOptions options;
    options.audioFile = ogg;
    options.transcript = transcript;
    options.play = true;
    options.speed = 2.0;
    options.frames = 1'000'000; // a frame every turn of the loop, each one recorded (the script ends the run)
    options.settingsFile = dir.file("settings.json");
    options.stateFile = dir.file("state.json");

    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw.c_str(), 1);
    auto tap = std::make_shared<Tap>();
    test::ScriptedHost host;
    host.openSink = [&](std::string& error) -> std::unique_ptr<media::AudioSink> {
        auto device = media::openSdlMixerSink(error);
        if (!device) return nullptr;
        return std::make_unique<TapSink>(std::move(device), tap);
    };

    std::vector<Drawn> drawn;
    Drawn current;
    int seeks = 0;
    uint64_t seekAt[2] = {0, 0}; // device frames pulled when each seek was asked for
    const double sliderTarget = ws[3].start + 0.1; // inside "delta", the second word of line 2
    const auto began = std::chrono::steady_clock::now();
    host.beforeFrame = [&] {
        current = Drawn{};
        current.framesBefore = tap->frames.load();
    };
    host.afterFrame = [&](const ui::SemanticTree& tree) {
        current.framesAfter = tap->frames.load();
        current.cue = highlightedCue(tree);
        int seek = tree.find("transport/seek");
        if (seek >= 0 && tree.node(seek).value) current.position = tree.node(seek).value->current;
        current.seeks = seeks;
        drawn.push_back(current);
    };
    ui::SemanticBounds lineBefore; // where line 5 was in the frame before
    int stillFor = 0;              // frames it has been there, with the same line highlighted
    host.script = [&](test::ScriptedHost& h) {
        std::this_thread::sleep_for(std::chrono::milliseconds(4)); // real time passes: the device plays
        const std::optional<size_t> cue = highlightedCue(h.lastTree);
        const int line = h.lastTree.find("transcript/cue/4");
        const ui::SemanticBounds lineNow = line >= 0 ? h.lastTree.node(line).bounds : ui::SemanticBounds{};
        // A person taps a line they have seen standing still (a list that
        // follows the words scrolls a frame after a new line lights up).
        stillFor = lineNow == lineBefore && cue == size_t(2) ? stillFor + 1 : 0;
        lineBefore = lineNow;
        const bool lineStill = stillFor >= 5;
        if (seeks == 0 && cue == size_t(4)) { // line 5 heard: back into the middle of line 2
            h.request("transport/seek", ui::kSetValue, sliderTarget);
            seekAt[seeks++] = tap->frames.load();
        } else if (seeks == 1 && cue == size_t(2) && lineStill) { // line 3 heard: a tap on line 5 (the last one wholly in view)
            if (h.click("transcript/cue/4")) seekAt[seeks++] = tap->frames.load();
        }
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
        const int play = h.lastTree.find("transport/play");
        const bool ended = seeks == 2 && play >= 0 && h.lastTree.node(play).name == "Play";
        if (ended || wall > 40) h.closeRequested = true;
    };

    std::ostringstream err;
    const int code = player::PlayerApp(options, host, err).run(); // closes the device: the file is complete
    unsetenv("SDL_AUDIODRIVER");
    unsetenv("SDL_DISKAUDIOFILE");
    INFO("stderr: " << err.str());
    REQUIRE(code == 0);
    REQUIRE(seeks == 2);

    // The file the disk driver wrote is what went through the tap (it also
    // holds the silence of the device's first buffers, before the app
    // attached): line the two up at their first sound.
    const std::vector<float> file = test::readDiskAudioLeft(raw, 1), pulled = tap->left();
    const size_t firstPulled = test::firstSound(pulled, 0, 1e-7f), firstInFile = test::firstSound(file, 0, 1e-7f);
    REQUIRE(firstPulled < pulled.size());
    REQUIRE(firstInFile >= firstPulled);
    const size_t shift = firstInFile - firstPulled;
    REQUIRE(file.size() >= shift + pulled.size());
    std::vector<float> out(file.begin() + long(shift), file.begin() + long(shift + pulled.size()));
    float differs = 0;
    for (size_t i = 0; i < out.size(); ++i) differs = std::max(differs, std::abs(out[i] - pulled[i]));
    CHECK(differs < 1e-6f);

    // Every frame drawn while one device buffer played (none pulled while it
    // was drawn), away from a seek: the buffer just pulled is what is heard.
    const size_t buffer = 1024;
    auto nearSeek = [&](uint64_t f) {
        for (uint64_t s : seekAt)
            if (f >= s && f < s + 4 * buffer) return true; // the device's buffer and the ring's old blocks
        return false;
    };
    auto lastToneBefore = [&](size_t f) -> std::optional<size_t> {
        for (size_t e = f; e >= 512 && e + 3 * kDeviceRate > f; e -= 256) {
            if (nearSeek(e)) return std::nullopt;
            Heard h = hear(out, e, 512, ws);
            if (h.kind == Heard::Tone) return h.word;
        }
        return std::nullopt;
    };
    auto nextToneAfter = [&](size_t f) -> std::optional<size_t> {
        for (size_t e = f + 512; e <= out.size() && e < f + kDeviceRate / 10; e += 256) {
            Heard h = hear(out, e, 512, ws);
            if (h.kind == Heard::Tone) return h.word;
        }
        return std::nullopt;
    };
    int toneFrames = 0, toneEdges = 0, pauseFrames = 0, dropouts = 0;
    std::set<size_t> cuesHeard;
    double worstTone = 0, worstPause = 0;
    for (const Drawn& d : drawn) {
        if (d.framesBefore != d.framesAfter || d.position < 0 || nearSeek(d.framesBefore)) continue;
        const Heard h = hear(out, size_t(d.framesBefore), buffer, ws);
        if (h.kind == Heard::Tone) {
            const Word& w = ws[h.word];
            INFO("heard " << kWordNames[h.word] << " (" << w.start << "-" << w.end << " s), shown " << d.position);
            // Shown inside the word: its line is lit. Just outside it (the
            // buffer heard spans 43 ms of episode time at 2x): at most 50 ms, below.
            if (d.position >= w.start && d.position < w.end) CHECK(d.cue == w.cue);
            else ++toneEdges;
            worstTone = std::max({worstTone, w.start - d.position, d.position - w.end});
            cuesHeard.insert(w.cue);
            ++toneFrames;
        } else if (h.kind == Heard::Silence) {
            const std::optional<size_t> before = lastToneBefore(size_t(d.framesBefore));
            if (!before) continue;
            if (nextToneAfter(size_t(d.framesBefore)) == before) { // the same word again: the device ran dry
                ++dropouts;
                continue;
            }
            const Word& w = ws[*before];
            const double next = *before + 1 < ws.size() ? ws[*before + 1].start : 1e9;
            INFO("silence after " << kWordNames[*before] << " (ends " << w.end << " s), shown " << d.position);
            // The line just heard stays highlighted through the pause (the next
            // one may light up within the tolerance below before its first word).
            const bool nextLit = d.position >= next && *before + 1 < ws.size() && d.cue == ws[*before + 1].cue;
            CHECK((d.cue == w.cue || nextLit));
            worstPause = std::max({worstPause, w.end - d.position, d.position - next});
            ++pauseFrames;
        }
    }
    WARN(drawn.size() << " frames drawn; compared with the word being heard: " << toneFrames << " (" << toneEdges
                      << " shown at its edge), with a pause: "
                      << pauseFrames << "; the seek bar was at most " << worstTone * 1000 << " ms outside the word heard, "
                      << worstPause * 1000 << " ms outside the pause; " << dropouts
                      << " in a gap inside a word (the device ran dry: a loaded machine)");
    CHECK(toneFrames >= 100);
    CHECK(toneEdges * 20 < toneFrames);
    CHECK(pauseFrames >= 20);
    CHECK(dropouts * 10 < toneFrames);
    CHECK(cuesHeard.size() == kCues);
    CHECK(worstTone <= 0.05); // 50 ms of episode time: 25 ms heard at 2x
    CHECK(worstPause <= 0.05);

    // The words heard in order, as runs of output (512-frame windows, hop 256).
    struct Run {
        size_t word;
        size_t from, to; // output frames
    };
    std::vector<Run> runs;
    for (size_t e = 512; e <= out.size(); e += 256) {
        Heard h = hear(out, e, 512, ws);
        if (h.kind != Heard::Tone) continue;
        if (!runs.empty() && runs.back().word == h.word && e - 512 <= runs.back().to + 512) runs.back().to = e;
        else runs.push_back({h.word, e - 512, e});
    }
    auto firstRunFrom = [&](uint64_t f, size_t skipWord) -> const Run* {
        for (const Run& r : runs)
            if (r.to > f + 512 && r.word != skipWord) return &r;
        return nullptr;
    };
    auto wordAt = [&](uint64_t f) -> size_t {
        for (const Run& r : runs)
            if (r.from <= f && f < r.to + 512) return r.word;
        return ws.size();
    };

    std::ostringstream heardRuns;
    for (const Run& r : runs) heardRuns << kWordNames[r.word] << " " << r.from << "-" << r.to << "; ";
    INFO("heard: " << heardRuns.str() << " seeks at " << seekAt[0] << ", " << seekAt[1]);
    // The seek bar set to 0.1 s into "delta": "delta" is heard next, within
    // 150 ms, for what was left of it at 2x (0.3 s).
    const Run* toDelta = firstRunFrom(seekAt[0], wordAt(seekAt[0]));
    REQUIRE(toDelta);
    CHECK(kWordNames[toDelta->word] == std::string("delta"));
    CHECK(double(toDelta->from - seekAt[0]) / kDeviceRate < 0.15);
    CHECK(double(toDelta->to - toDelta->from) / kDeviceRate == Approx((ws[3].end - sliderTarget) / 2).margin(0.03));
    // A tap on line 5: its first word, "india", whole (0.35 s at 2x).
    const Run* toIndia = firstRunFrom(seekAt[1], wordAt(seekAt[1]));
    REQUIRE(toIndia);
    CHECK(kWordNames[toIndia->word] == std::string("india"));
    CHECK(double(toIndia->from - seekAt[1]) / kDeviceRate < 0.15);
    CHECK(double(toIndia->to - toIndia->from) / kDeviceRate == Approx(kWordSeconds / 2).margin(0.03));

    WARN("the seek bar's seek was heard after " << double(toDelta->from - seekAt[0]) / kDeviceRate * 1000
         << " ms: \"delta\" for " << double(toDelta->to - toDelta->from) / kDeviceRate * 1000 << " ms (expected "
         << (ws[3].end - sliderTarget) / 2 * 1000 << "); the tap on a line after "
         << double(toIndia->from - seekAt[1]) / kDeviceRate * 1000 << " ms: \"india\" for "
         << double(toIndia->to - toIndia->from) / kDeviceRate * 1000 << " ms (expected " << kWordSeconds / 2 * 1000 << ")");

    // The pauses were shortened: 2.5 s between "bravo" and "charlie" (1.25 s
    // at 2x) is heard as about 0.3 s of episode time.
    const Run* bravo = nullptr;
    for (const Run& r : runs)
        if (kWordNames[r.word] == std::string("bravo")) bravo = &r;
    REQUIRE(bravo);
    REQUIRE(bravo + 1 < runs.data() + runs.size());
    CHECK(kWordNames[bravo[1].word] == std::string("charlie"));
    const double gap = double(bravo[1].from - bravo->to) / kDeviceRate;
    WARN("the 2.5 s pause after \"bravo\" was heard as " << gap * 1000 << " ms at 2x");
    CHECK(gap < 0.25);
}
