// `listenalong render` runs the playback pipeline offline: its WAV must be the
// decoded source sample for sample (to 16-bit rounding), for whole files and
// --from/--to ranges; bad input is a clear error; --speed takes the wider
// render range (0.25-4) while the player keeps 0.5-3.
#include "support/ogg_fixture.h"
#include "support/test_files.h"

#include "media/audio_source.h"
#include "player/config/app_options.h"
#include "player/config/arg_parse.h"
#include "player/cli/render_command.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/resource.h>

using namespace la;

namespace {

std::vector<float> decodeAll(const std::string& path) {
    auto s = media::openAudioFile(path);
    std::vector<float> out(size_t(s->totalFrames()) * size_t(s->channels()));
    size_t got = 0;
    while (size_t n = s->read(out.data() + got * size_t(s->channels()), 4096)) got += n;
    return out;
}

int render(std::vector<std::string> args, std::string& err) {
    std::ostringstream o, e;
    int rc = player::runRenderCommand(args, o, e);
    err = e.str();
    return rc;
}

double maxDiff(const std::vector<float>& a, size_t aOffset, const std::vector<float>& b) {
    double m = 0;
    for (size_t i = 0; i < b.size(); ++i) m = std::max(m, double(std::abs(a[aOffset + i] - b[i])));
    return m;
}

} // namespace

TEST_CASE("render writes the whole decoded file as 16-bit PCM WAV") {
    test::TempDir dir;
    auto mono = test::makeSignal(44100, 2.0);
    std::vector<float> stereo(mono.size() * 2);
    for (size_t i = 0; i < mono.size(); ++i) stereo[2 * i] = mono[i], stereo[2 * i + 1] = -0.5f * mono[i];
    std::string ogg = dir.file("in.ogg"), wav = dir.file("out.wav");
    test::writeOgg(ogg, stereo, 44100, 2);
    std::string err;
    REQUIRE(render({"-o", wav, ogg}, err) == 0);
    auto decoded = decodeAll(ogg);
    auto rendered = media::openAudioFile(wav);
    CHECK(rendered->sampleRate() == 44100);
    CHECK(rendered->channels() == 2);
    CHECK(rendered->totalFrames() == 88200);
    auto pcm = decodeAll(wav);
    REQUIRE(pcm.size() == decoded.size());
    CHECK(maxDiff(decoded, 0, pcm) <= 0.5 / 32768 + 1e-6);
}

TEST_CASE("render --from/--to writes exactly that range") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 24000, 5.0), wav = dir.file("part.wav");
    std::string err;
    REQUIRE(render({"--from", "1.5", "--to", "3.25", "-o", wav, ogg}, err) == 0);
    auto decoded = decodeAll(ogg);
    auto pcm = decodeAll(wav);
    REQUIRE(pcm.size() == size_t(1.75 * 24000));
    CHECK(maxDiff(decoded, size_t(1.5 * 24000), pcm) <= 0.5 / 32768 + 1e-6);
}

TEST_CASE("render reads PCM WAV input too") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 24000, 1.0), wav1 = dir.file("a.wav"), wav2 = dir.file("b.wav");
    std::string err;
    REQUIRE(render({"-o", wav1, ogg}, err) == 0);
    REQUIRE(render({"-o", wav2, wav1}, err) == 0);
    auto a = decodeAll(wav1), b = decodeAll(wav2);
    REQUIRE(a.size() == b.size());
    CHECK(maxDiff(a, 0, b) == 0);
}

TEST_CASE("render reports bad input and bad options clearly") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 24000, 1.0);
    std::string err;
    CHECK(render({"-o", dir.file("x.wav"), dir.file("nope.ogg")}, err) == 1);
    CHECK_THAT(err, Catch::Contains("nope.ogg: file not found"));
    CHECK(render({ogg}, err) == 2);
    CHECK_THAT(err, Catch::Contains("-o OUT.wav"));
    CHECK(render({"--speed", "fast", "-o", dir.file("x.wav"), ogg}, err) == 2);
    CHECK_THAT(err, Catch::Contains("--speed expects a number"));
    CHECK(render({"--from", "3", "--to", "2", "-o", dir.file("x.wav"), ogg}, err) == 2);
    CHECK(render({"--from", "9", "-o", dir.file("x.wav"), ogg}, err) == 2);
    CHECK_THAT(err, Catch::Contains("past the end"));
    CHECK(render({"-o", dir.file("no/such/dir/x.wav"), ogg}, err) == 1);
    CHECK_THAT(err, Catch::Contains("cannot create"));
}

TEST_CASE("render --speed accepts 0.25 to 4 (round trips) and rejects anything outside, naming the range") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 24000, 1.2);
    std::string err;
    // The return pass of a 3x round trip (1/3) and of a 0.5x one (2), and both ends.
    for (const char* speed : {"0.25", "0.3333333", "2", "4"}) {
        INFO("--speed " << speed);
        std::string wav = dir.file(std::string("s") + speed + ".wav");
        REQUIRE(render({"--speed", speed, "-o", wav, ogg}, err) == 0);
        CHECK(err.empty());
        const double expected = 1.2 * 24000 / std::stod(speed);
        CHECK(double(media::openAudioFile(wav)->totalFrames()) == Approx(expected).epsilon(0.005));
    }
    for (const char* speed : {"0.2", "0.249", "4.01", "7", "-1", "0"}) {
        INFO("--speed " << speed);
        CHECK(render({"--speed", speed, "-o", dir.file("x.wav"), ogg}, err) == 2);
        CHECK_THAT(err, Catch::Contains(std::string("--speed must be between 0.25 and 4 (got ") + speed + ")"));
    }
    CHECK_FALSE(std::filesystem::exists(dir.file("x.wav"))); // nothing written on a bad option
}

TEST_CASE("the player's own --speed stays 0.5 to 3 (the wider range is render's only)") {
    CHECK(*player::parseAppOptions({"--speed", "0.5"}).speed == 0.5);
    CHECK(*player::parseAppOptions({"--speed", "3"}).speed == 3.0);
    for (const char* speed : {"0.25", "0.45", "3.05", "4"}) {
        INFO("--speed " << speed);
        CHECK_THROWS_WITH(player::parseAppOptions({"--speed", speed}),
                          std::string("--speed must be between 0.5 and 3 (got ") + speed + ")");
    }
}

// ---- issue #10 item 3: never destroy the input, never leave a partial output

namespace {

size_t tempFilesIn(const std::string& dir) {
    size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
    return n;
}

} // namespace

TEST_CASE("render refuses to write onto its own input, however the path is spelled") {
    test::TempDir dir;
    std::filesystem::create_directory(dir.file("sub"));
    std::string ogg = test::writeSignalOgg(dir, 24000, 2.0, "in.ogg");
    const std::string original = test::readFileBytes(ogg);
    std::filesystem::create_symlink(ogg, dir.file("link.ogg"));
    std::filesystem::create_directory_symlink(dir.path, dir.file("sub/up"));
    for (std::string out : {ogg, dir.file("sub/../in.ogg"), dir.file("./in.ogg"), dir.file("link.ogg"),
                            dir.file("sub/up/in.ogg")}) {
        INFO("-o " << out);
        std::string err;
        CHECK(render({"-o", out, ogg}, err) == 2);
        CHECK_THAT(err, Catch::Contains(out) && Catch::Contains("is the input file"));
        CHECK(test::readFileBytes(ogg) == original);
    }
    // The input named through the link, the output by its real name: refused too.
    std::string err;
    CHECK(render({"-o", ogg, dir.file("link.ogg")}, err) == 2);
    CHECK(test::readFileBytes(ogg) == original);
    CHECK(std::filesystem::is_symlink(dir.file("link.ogg")));
    CHECK(tempFilesIn(dir.path.string()) == 0);
}

TEST_CASE("a render that fails midway leaves the old output untouched and no temporary file") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 24000, 4.0), wav = dir.file("out.wav");
    std::ofstream(wav) << "previous render";
    std::string err;
    SECTION("the disk fills up after 64 KB (the WAV needs about 190 KB)") {
        // RLIMIT_FSIZE applies to root too: writes past the limit fail with EFBIG.
        struct rlimit saved{};
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = saved;
        small.rlim_cur = 64 * 1024;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        int rc = render({"-o", wav, ogg}, err);
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, oldHandler);
        CHECK(rc == 1);
        CHECK_THAT(err, Catch::Contains(wav + ": write failed") && Catch::Contains("nothing was written"));
    }
    SECTION("the input is corrupt (cut off inside its headers)") {
        std::string cut = dir.file("cut.ogg");
        std::ofstream(cut, std::ios::binary) << test::readFileBytes(ogg).substr(0, 3000);
        CHECK(render({"-o", wav, cut}, err) == 1);
        CHECK_THAT(err, Catch::Contains("cut.ogg"));
    }
    CHECK(tempFilesIn(dir.path.string()) == 0);
    CHECK(test::readFileBytes(wav) == "previous render");
}

TEST_CASE("render replaces an existing output completely and keeps its permissions") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 24000, 1.0), wav = dir.file("out.wav");
    std::ofstream(wav) << "previous render";
    std::filesystem::permissions(wav, std::filesystem::perms(0640));
    std::string err;
    REQUIRE(render({"-o", wav, ogg}, err) == 0);
    CHECK(media::openAudioFile(wav)->totalFrames() == 24000);
    CHECK(std::filesystem::status(wav).permissions() == std::filesystem::perms(0640));
    CHECK(tempFilesIn(dir.path.string()) == 0);
}

TEST_CASE("render --time-map writes where each block of output is in the episode, pauses cut out") {
    test::TempDir dir;
    // Two half-second tones with 2 s of silence between them, and 0.25 s either side.
    std::vector<float> x(size_t(16000 * 3.5));
    for (size_t i = 0; i < x.size(); ++i) {
        const double t = double(i) / 16000;
        if ((t >= 0.25 && t < 0.75) || (t >= 2.75 && t < 3.25)) x[i] = float(0.3 * std::sin(2 * M_PI * 440 * t));
    }
    const std::string ogg = dir.file("in.ogg"), wav = dir.file("out.wav"), map = dir.file("map.tsv");
    test::writeOgg(ogg, x, 16000, 1);
    std::string err;
    REQUIRE(render({"--shorten-pauses", "--speed", "2", "--time-map", map, "-o", wav, ogg}, err) == 0);
    std::ifstream in(map);
    std::string line;
    REQUIRE(std::getline(in, line));
    CHECK(line == "output_start\toutput_end\tepisode_start\tepisode_end");
    double lastOut = 0, lastEpisode = 0, jumped = 0;
    int rows = 0;
    while (std::getline(in, line)) {
        std::istringstream f(line);
        double o0, o1, e0, e1;
        REQUIRE(f >> o0 >> o1 >> e0 >> e1);
        CHECK(o0 == Approx(lastOut).margin(1e-6)); // blocks follow each other in the output
        CHECK(o1 > o0);
        CHECK(e0 >= lastEpisode - 1e-6);           // and never go back in the episode
        jumped = std::max(jumped, e0 - lastEpisode);
        if (rows > 0) CHECK((e1 - e0) / (o1 - o0) == Approx(2.0).epsilon(0.02)); // 2x inside a block
        lastOut = o1, lastEpisode = e1;
        ++rows;
    }
    CHECK(rows > 2);
    CHECK(jumped > 1.5); // the 2 s pause: about 1.7 s of it cut out in one jump
    CHECK(lastEpisode == Approx(3.5).margin(0.01));
    CHECK(double(media::openAudioFile(wav)->totalFrames()) / 16000 == Approx(lastOut).margin(0.001));
}
