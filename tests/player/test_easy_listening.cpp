// Issue #15, easy listening, as the player holds it: the preferences (saved
// in settings.json and set by a kiosk config) and the playback controller
// that measures an episode once and hands the gain to the engine.
#include "media/audio_sink.h"
#include "media/wav_writer.h"
#include "player/config/kiosk_config.h"
#include "player/config/settings.h"
#include "player/config/settings_store.h"
#include "player/playback_controller.h"
#include "support/ogg_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <thread>

using namespace la;
using namespace la::player;

namespace {

/// Waits (up to 5 s) for the background measurement, calling update() as the app's loop does.
std::optional<double> waitForGain(PlaybackController& pc) {
    for (int i = 0; i < 500 && !pc.loudnessGainDb(); ++i) {
        pc.update();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return pc.loudnessGainDb();
}

std::string writeQuietSine(const test::TempDir& dir) {
    const std::string path = dir.file("quiet.wav");
    media::WavWriter w(path, 22050, 1);
    std::vector<float> s(22050 * 4);
    for (size_t i = 0; i < s.size(); ++i) s[i] = float(std::pow(10.0, -23.0 / 20.0) * std::sin(2 * M_PI * 1000.0 * double(i) / 22050));
    w.write(s.data(), s.size());
    w.close();
    return path; // mono 1 kHz at -23 dBFS peak: -26 LUFS
}

} // namespace

TEST_CASE("Easy listening preferences: even loudness on at -16 LUFS by default, kept in settings.json", "[settings][easy]") {
    Settings defaults;
    CHECK(defaults.evenLoudness);
    CHECK(defaults.loudnessTarget == -16.0);
    CHECK_FALSE(defaults.voiceBoost);
    CHECK_FALSE(defaults.shortenPauses);
    Settings s;
    s.evenLoudness = false;
    s.loudnessTarget = -19;
    s.voiceBoost = true;
    s.shortenPauses = true;
    const nlohmann::json j = settingsToJson(s);
    CHECK(j.at("evenLoudness") == false);
    CHECK(j.at("loudnessTarget") == -19);
    CHECK(j.at("voiceBoost") == true);
    CHECK(j.at("shortenPauses") == true);
    std::vector<std::string> warnings;
    CHECK(settingsFromJson(j, "settings.json", warnings) == s);
    CHECK(warnings.empty());
    s.loudnessTarget = -50;
    auto w = sanitize(s);
    CHECK(s.loudnessTarget == -30);
    REQUIRE(w.size() == 1);
    CHECK(w[0].find("loudnessTarget -50 is below -30") != std::string::npos);
}

TEST_CASE("A kiosk config sets even loudness for every visitor", "[kiosk][easy]") {
    auto r = parseKioskConfig(R"({"evenLoudness": false, "loudnessTarget": -20, "voiceBoost": true, "shortenPauses": true})",
                              "kiosk.json");
    REQUIRE(r.warnings.size() == 1); // only that quitting needs a PIN
    CHECK(r.warnings[0] == std::string("kiosk.json: ") + kNoPinWarning);
    CHECK_FALSE(r.config.defaults.evenLoudness);
    CHECK(r.config.defaults.loudnessTarget == -20);
    CHECK(kioskVisitorStart(r.config).loudnessTarget == -20);
    CHECK(kioskVisitorStart(r.config).voiceBoost);
    CHECK(kioskVisitorStart(r.config).shortenPauses);
    auto bad = parseKioskConfig(R"({"loudnessTarget": "loud"})", "kiosk.json");
    REQUIRE(bad.warnings.size() == 2);
    CHECK(bad.warnings[0].find("loudnessTarget") != std::string::npos);
    CHECK(bad.config.defaults.loudnessTarget == -16);
}

TEST_CASE("The playback controller measures the episode once and applies the gain; off means none", "[easy]") {
    test::TempDir dir;
    const std::string audio = writeQuietSine(dir);
    const std::string cache = dir.file("cache/loudness.tsv");
    {
        PlaybackController pc(media::openNullSink(), cache);
        std::string error;
        REQUIRE(pc.open(audio, error));
        auto gain = waitForGain(pc);
        REQUIRE(gain);
        CHECK(*gain == Approx(10.0).margin(0.1)); // -26 LUFS to -16
        CHECK(pc.preferences().evenLoudness);
        pc.toggleEvenLoudness();
        CHECK_FALSE(pc.evenLoudness());
        CHECK_FALSE(pc.loudnessGainDb());
        pc.toggleEvenLoudness(); // back on: known at once, nothing measured again
        CHECK(pc.loudnessGainDb() == gain);
        ListeningPreferences p = pc.preferences();
        p.loudnessTarget = -20;
        pc.setPreferences(p);
        auto quieter = waitForGain(pc);
        REQUIRE(quieter);
        CHECK(*quieter == Approx(6.0).margin(0.1));
        CHECK(pc.update().empty());
    }
    CHECK(std::filesystem::exists(cache)); // measured once: the next run reads it
    PlaybackController again(media::openNullSink(), cache);
    ListeningPreferences off;
    off.evenLoudness = false;
    again.setPreferences(off);
    std::string error;
    REQUIRE(again.open(audio, error));
    for (int i = 0; i < 20; ++i) {
        again.update();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK_FALSE(again.loudnessGainDb());
}
