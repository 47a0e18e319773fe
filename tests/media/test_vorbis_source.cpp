// Streaming Vorbis decoding: length, content, sample-accurate seek, tags, and
// every kind of bad file giving a message that names the file.
#include "support/ogg_fixture.h"

#include "media/audio_source.h"
#include "media/vorbis_source.h"

#include <catch2/catch.hpp>

#include <fstream>

#include <sys/stat.h>

using la::media::MediaError;
using la::media::openAudioFile;

namespace {

std::vector<float> readAll(la::media::AudioSource& s) {
    std::vector<float> out(size_t(s.totalFrames()) * size_t(s.channels()));
    size_t got = 0;
    while (size_t n = s.read(out.data() + got * size_t(s.channels()), 4096)) got += n;
    out.resize(got * size_t(s.channels()));
    return out;
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

TEST_CASE("Vorbis source reports format and exact length and decodes the signal") {
    la::test::TempDir dir;
    std::string path = la::test::writeSignalOgg(dir, 24000, 5.0);
    auto src = openAudioFile(path);
    CHECK(src->sampleRate() == 24000);
    CHECK(src->channels() == 1);
    CHECK(src->totalFrames() == 120000);
    CHECK(src->durationSeconds() == Approx(5.0));
    CHECK(src->title() == "Test signal");
    auto pcm = readAll(*src);
    REQUIRE(pcm.size() == 120000);
    auto original = la::test::makeSignal(24000, 5.0);
    CHECK(la::test::correlation(pcm.data() + 1000, original.data() + 1000, 100000) > 0.98);
}

TEST_CASE("Vorbis seek is sample-accurate") {
    la::test::TempDir dir;
    std::string path = la::test::writeSignalOgg(dir, 24000, 5.0);
    auto src = openAudioFile(path);
    auto full = readAll(*src);
    for (int64_t target : {int64_t(0), int64_t(1), int64_t(37123), int64_t(99999), int64_t(119000)}) {
        src->seek(target);
        CHECK(src->tell() == target);
        std::vector<float> got(1000);
        size_t n = src->read(got.data(), 1000);
        REQUIRE(n == size_t(std::min<int64_t>(1000, 120000 - target)));
        double maxDiff = 0;
        for (size_t i = 0; i < n; ++i) maxDiff = std::max(maxDiff, double(std::abs(got[i] - full[size_t(target) + i])));
        INFO("seek to " << target);
        CHECK(maxDiff < 1e-5);
    }
}

TEST_CASE("Stereo Vorbis keeps its channels apart") {
    la::test::TempDir dir;
    auto mono = la::test::makeSignal(44100, 1.0);
    std::vector<float> stereo(mono.size() * 2);
    for (size_t i = 0; i < mono.size(); ++i) {
        stereo[2 * i] = mono[i];
        stereo[2 * i + 1] = 0; // right channel silent
    }
    std::string path = dir.file("stereo.ogg");
    la::test::writeOgg(path, stereo, 44100, 2);
    auto src = openAudioFile(path);
    REQUIRE(src->channels() == 2);
    auto pcm = readAll(*src);
    double left = 0, right = 0;
    for (size_t i = 0; i + 1 < pcm.size(); i += 2) {
        left += pcm[i] * pcm[i];
        right += pcm[i + 1] * pcm[i + 1];
    }
    CHECK(left > 1000 * right);
}

TEST_CASE("Bad audio files give a message naming the file and the problem") {
    la::test::TempDir dir;
    std::string good = la::test::writeSignalOgg(dir, 24000, 3.0);
    std::string bytes = fileBytes(good);

    struct Case { std::string name, content, expect; };
    std::vector<Case> cases = {
        {"empty.ogg", "", "empty"},
        {"text.ogg", "This is not audio at all\n", "not an audio file"},
        {"image.ogg", "\x89PNG\r\n\x1a\n0000000000000000", "not an audio file"},
        {"fake-ogg.ogg", "OggS" + std::string(400, '\x17'), "cannot play"},
        {"truncated-headers.ogg", bytes.substr(0, 120), "cannot play"},
        {"fake.wav", "RIFF\x10\x00\x00\x00WAVEjunkjunkjunk", "WAV"},
    };
    for (const Case& c : cases) {
        std::string path = dir.file(c.name);
        writeBytes(path, c.content);
        INFO(c.name);
        try {
            openAudioFile(path);
            FAIL("opened a bad file");
        } catch (const MediaError& e) {
            std::string msg = e.what();
            CHECK(msg.find(path) != std::string::npos);
            CHECK(msg.find(c.expect) != std::string::npos);
        }
    }
    CHECK_THROWS_WITH(openAudioFile(dir.file("missing.ogg")), Catch::Contains("missing.ogg: file not found"));
    CHECK_THROWS_WITH(openAudioFile(dir.path.string()), Catch::Contains("is a directory, not a file"));
    // A FIFO would block open() until a writer came; it is refused at once.
    std::string fifo = dir.file("fifo.ogg");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_WITH(openAudioFile(fifo), Catch::Contains("fifo.ogg: not a regular file (a FIFO)"));
    CHECK_THROWS_WITH(la::media::openVorbisFile(fifo), Catch::Contains("not a regular file (a FIFO)"));
    CHECK_THROWS_WITH(openAudioFile("/dev/zero"), Catch::Contains("/dev/zero: not a regular file (a character device)"));
}

// Issue #10 item 12: libvorbisfile plays a cut file to its last whole page in silence.
TEST_CASE("A cut-off Ogg file is reported as ending early, with where the audio stops") {
    la::test::TempDir dir;
    // 30 s, so that even a 10 % cut is past the headers.
    std::string good = la::test::writeSignalOgg(dir, 24000, 30.0);
    const std::string bytes = fileBytes(good);
    CHECK_FALSE(la::media::vorbisEndsEarly(good)); // a complete file says nothing
    for (double fraction : {0.10, 0.50, 0.99}) {
        INFO(fraction);
        std::string path = dir.file("cut.ogg");
        writeBytes(path, bytes.substr(0, size_t(double(bytes.size()) * fraction)));
        auto stops = la::media::vorbisEndsEarly(path);
        REQUIRE(stops);
        CHECK(*stops < 30.0);
        CHECK(*stops == Approx(openAudioFile(path)->durationSeconds()));
    }
    // Cut exactly at a page boundary: every page is whole, but the last lacks end-of-stream.
    size_t lastPage = bytes.rfind("OggS");
    REQUIRE(lastPage != std::string::npos);
    std::string path = dir.file("page.ogg");
    writeBytes(path, bytes.substr(0, lastPage));
    CHECK(la::media::vorbisEndsEarly(path));
    // Cut inside the next page's "OggS".
    writeBytes(path, bytes.substr(0, lastPage + 2));
    CHECK(la::media::vorbisEndsEarly(path));
    // Not Ogg, or missing: not this function's business.
    writeBytes(path, "RIFF....WAVE");
    CHECK_FALSE(la::media::vorbisEndsEarly(path));
    CHECK_FALSE(la::media::vorbisEndsEarly(dir.file("missing.ogg")));
}

TEST_CASE("A file cut off mid-audio plays what is there") {
    la::test::TempDir dir;
    std::string good = la::test::writeSignalOgg(dir, 24000, 6.0);
    std::string bytes = fileBytes(good);
    std::string path = dir.file("cut.ogg");
    writeBytes(path, bytes.substr(0, bytes.size() / 2));
    auto src = openAudioFile(path);
    CHECK(src->totalFrames() > 24000);
    CHECK(src->totalFrames() < 6 * 24000);
    auto pcm = readAll(*src);
    CHECK(pcm.size() == size_t(src->totalFrames()));
    src->seek(src->totalFrames() - 10);
    std::vector<float> tail(100);
    CHECK(src->read(tail.data(), 100) <= 10);
}
