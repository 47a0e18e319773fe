// Issue #15, easy listening, as the player holds it: the preferences (saved
// in settings.json and set by a kiosk config) and the playback controller
// that measures an episode once and hands the gain to the engine.
#include "media/audio_sink.h"
#include "media/wav_writer.h"
#include "player/config/kiosk_config.h"
#include "player/config/settings.h"
#include "player/config/settings_store.h"
#include "player/playback_controller.h"
#include "player/player_app.h"
#include "support/headless_imgui.h"
#include "support/scripted_host.h"
#include "support/ogg_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
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
    s.pausesSavedSeconds = 312.5;
    const nlohmann::json j = settingsToJson(s);
    CHECK(j.at("evenLoudness") == false);
    CHECK(j.at("loudnessTarget") == -19);
    CHECK(j.at("voiceBoost") == true);
    CHECK(j.at("shortenPauses") == true);
    CHECK(j.at("timeSavedByShorterPauses") == 312.5);
    std::vector<std::string> warnings;
    CHECK(settingsFromJson(j, "settings.json", warnings) == s);
    CHECK(warnings.empty());
    s.loudnessTarget = -50;
    s.pausesSavedSeconds = -4;
    auto w = sanitize(s);
    CHECK(s.loudnessTarget == -30);
    CHECK(s.pausesSavedSeconds == 0);
    REQUIRE(w.size() == 2);
    CHECK(w[0].find("loudnessTarget -50 is below -30") != std::string::npos);
    CHECK(w[1] == "timeSavedByShorterPauses -4 is not a valid time; starting from 0");
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

TEST_CASE("The time shorter pauses saved adds up over sessions in settings.json and is shown in More settings", "[easy]") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    // Eight half-second tones, each followed by two seconds of silence (20 s).
    std::vector<float> audio(24000 * 20);
    for (size_t i = 0; i < audio.size(); ++i)
        if (i % (24000 * 5 / 2) < 12000) audio[i] = float(0.3 * std::sin(2 * M_PI * 500.0 * double(i) / 24000));
    AppOptions options;
    options.audioFile = dir.file("pauses.ogg");
    test::writeOgg(options.audioFile, audio, 24000, 1);
    options.settingsFile = dir.file("settings.json");
    options.play = true;
    options.frames = 60;
    std::ofstream(options.settingsFile) << R"({"shortenPauses": true, "timeSavedByShorterPauses": 600})";
    test::ScriptedHost host;
    int turn = 0;
    std::string shownAtStart;
    host.script = [&](test::ScriptedHost& h) {
        ++turn;
        if (turn == 2) h.click("display/more");
        if (turn == 5) shownAtStart = h.lastTree.find("display/time saved") >= 0 ? h.lastTree.node(h.lastTree.find("display/time saved")).name : "";
        if (turn > 5 && h.sink) h.sink->pull(0.4); // 55 turns: the whole episode is heard
    };
    std::ostringstream err;
    REQUIRE(PlayerApp(options, host, err).run() == 0);
    INFO("stderr: " << err.str());
    CHECK(shownAtStart == "Time saved: 10 minutes"); // what earlier sessions saved
    std::ifstream in(options.settingsFile);
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    REQUIRE(j.is_object());
    // Seven 2 s pauses between the tones cut to about 0.3 s (and the last one
    // at the end), added to the 600 s from before.
    const double total = j.value("timeSavedByShorterPauses", 0.0);
    CHECK(total > 600 + 7 * 1.5);
    CHECK(total < 600 + 8 * 1.8);
    const int shown = host.lastTree.find("display/time saved");
    REQUIRE(shown >= 0);
    CHECK(host.lastTree.node(shown).name == "Time saved: 10 minutes " + std::to_string(long(total) - 600) + " seconds");
}
