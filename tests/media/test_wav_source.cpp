// WAV input through libsndfile (media/wav_source.cpp): the PCM layouts SDL_LoadWAV
// read before, scaled the same way, streamed with exact seeks; and damaged
// files give a MediaError naming the file, never a crash.
#include "support/ogg_fixture.h"
#include "support/test_files.h"

#include "media/audio_source.h"
#include "media/wav_writer.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <random>

using la::media::MediaError;
using la::media::openAudioFile;

namespace {

void put16(std::string& s, uint32_t v) { s += char(v & 0xff), s += char((v >> 8) & 0xff); }
void put32(std::string& s, uint32_t v) { put16(s, v & 0xffff), put16(s, v >> 16); }

/// A RIFF/WAVE file: a fmt chunk (tag, channels, rate, bits; extensible adds
/// the WAVEFORMATEXTENSIBLE tail) and a data chunk of `data`.
std::string wavBytes(uint16_t tag, int channels, int rate, int bits, const std::string& data, bool extensible = false) {
    std::string fmt;
    put16(fmt, extensible ? 0xfffe : tag);
    put16(fmt, uint16_t(channels));
    put32(fmt, uint32_t(rate));
    put32(fmt, uint32_t(rate * channels * bits / 8));
    put16(fmt, uint16_t(channels * bits / 8));
    put16(fmt, uint16_t(bits));
    if (extensible) {
        put16(fmt, 22);
        put16(fmt, uint16_t(bits));
        put32(fmt, channels == 1 ? 0x4 : 0x3); // FC, or FL|FR
        put16(fmt, tag);                        // the sub-format GUID's first two bytes ...
        fmt += std::string("\x00\x00\x00\x00\x10\x00\x80\x00\x00\xAA\x00\x38\x9B\x71", 14); // ... and the rest
    }
    std::string body = "WAVEfmt ";
    put32(body, uint32_t(fmt.size()));
    body += fmt + "data";
    put32(body, uint32_t(data.size()));
    body += data;
    if (data.size() & 1) body += '\0';
    std::string out = "RIFF";
    put32(out, uint32_t(body.size()));
    return out + body;
}

void writeBytes(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

std::vector<float> readAll(la::media::AudioSource& s, size_t slice = 1000) {
    std::vector<float> out(size_t(s.totalFrames()) * size_t(s.channels()) + slice * size_t(s.channels()));
    size_t got = 0;
    while (size_t n = s.read(out.data() + got * size_t(s.channels()), slice)) got += n;
    out.resize(got * size_t(s.channels()));
    return out;
}

} // namespace

TEST_CASE("WAV: every PCM layout reads as float, scaled as SDL_LoadWAV's conversion did") {
    la::test::TempDir dir;
    struct Case {
        const char* name;
        uint16_t tag;
        int bits;
        bool extensible;
        std::string data;
        std::vector<float> expect;
    };
    std::string s16, u8, s24, f32, s32;
    for (int v : {0, 1, -1, 16384, -32768, 32767}) put16(s16, uint16_t(int16_t(v)));
    for (int v : {128, 129, 127, 192, 0, 255}) u8 += char(v);
    for (int v : {0, 1, -1, 4194304, -8388608, 8388607}) s24 += std::string{char(v & 0xff), char((v >> 8) & 0xff), char((v >> 16) & 0xff)};
    for (float v : {0.0f, 0.25f, -0.5f, 1.0f, -1.0f, 0.125f}) {
        uint32_t u;
        std::memcpy(&u, &v, 4);
        put32(f32, u);
    }
    for (int64_t v : {0LL, 1073741824LL, -1073741824LL, -2147483648LL, 536870912LL, 0LL}) put32(s32, uint32_t(int32_t(v)));
    const std::vector<Case> cases = {
        {"s16", 1, 16, false, s16, {0, 1 / 32768.f, -1 / 32768.f, 0.5f, -1, 32767 / 32768.f}},
        {"s16-extensible", 1, 16, true, s16, {0, 1 / 32768.f, -1 / 32768.f, 0.5f, -1, 32767 / 32768.f}},
        {"u8", 1, 8, false, u8, {0, 1 / 128.f, -1 / 128.f, 0.5f, -1, 127 / 128.f}},
        {"s24", 1, 24, false, s24, {0, 1 / 8388608.f, -1 / 8388608.f, 0.5f, -1, 8388607 / 8388608.f}},
        {"s32", 1, 32, false, s32, {0, 0.5f, -0.5f, -1, 0.25f, 0}},
        {"f32", 3, 32, false, f32, {0, 0.25f, -0.5f, 1, -1, 0.125f}},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        for (int channels : {1, 2}) {
            if (channels == 2 && c.data.size() % (2 * size_t(c.bits / 8))) continue;
            INFO(channels << " channel(s)");
            std::string path = dir.file(std::string(c.name) + ".wav");
            writeBytes(path, wavBytes(c.tag, channels, 22050, c.bits, c.data, c.extensible));
            auto src = openAudioFile(path);
            CHECK(src->sampleRate() == 22050);
            CHECK(src->channels() == channels);
            CHECK(src->totalFrames() == int64_t(c.expect.size()) / channels);
            auto got = readAll(*src, 1);
            REQUIRE(got.size() == c.expect.size());
            for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == Approx(c.expect[i]).margin(1e-9));
        }
    }
}

TEST_CASE("WAV: WavWriter's output reads back bit-exact, with exact seeks") {
    la::test::TempDir dir;
    std::string path = dir.file("round.wav");
    std::vector<float> frames(2 * 30000);
    for (size_t i = 0; i < frames.size(); ++i) frames[i] = float(int(i * 7919 % 65536) - 32768) / 32768.0f;
    {
        la::media::WavWriter w(path, 44100, 2);
        w.write(frames.data(), 30000);
        w.close();
    }
    auto src = openAudioFile(path);
    REQUIRE(src->totalFrames() == 30000);
    CHECK(readAll(*src, 777) == frames);
    CHECK(src->tell() == 30000);
    for (int64_t at : {int64_t(12345), int64_t(0), int64_t(29999), int64_t(30000), int64_t(-5), int64_t(40000)}) {
        src->seek(at);
        const int64_t expect = std::clamp<int64_t>(at, 0, 30000);
        CHECK(src->tell() == expect);
        float f[4] = {};
        const size_t n = src->read(f, 2);
        CHECK(int64_t(n) == std::min<int64_t>(2, 30000 - expect));
        for (size_t i = 0; i < n * 2; ++i) CHECK(f[i] == frames[size_t(expect) * 2 + i]);
    }
}

TEST_CASE("WAV: damaged files give a message naming the file and the problem") {
    la::test::TempDir dir;
    std::string s16;
    for (int i = 0; i < 100; ++i) put16(s16, uint16_t(i * 300));
    const std::string good = wavBytes(1, 1, 16000, 16, s16);
    struct Case {
        const char* name;
        std::string bytes;
        const char* expect;
    };
    std::string noFmt = "RIFF";
    put32(noFmt, 4 + 8 + 200);
    noFmt += "WAVEdata";
    put32(noFmt, 200);
    noFmt += std::string(200, '\0');
    const std::vector<Case> cases = {
        {"header-only.wav", good.substr(0, 12), "cannot read WAV"},
        {"cut-in-fmt.wav", good.substr(0, 24), "cannot read WAV"},
        {"no-fmt.wav", noFmt, "cannot read WAV"},
        {"no-data.wav", wavBytes(1, 1, 16000, 16, ""), "WAV"},
        {"zero-channels.wav", wavBytes(1, 0, 16000, 16, s16), "cannot read WAV"},
        {"nine-channels.wav", wavBytes(1, 9, 16000, 16, s16.substr(0, 18 * 10)), "channels"},
        {"unknown-codec.wav", wavBytes(0x1234, 1, 16000, 16, s16), "cannot read WAV"},
        {"junk.wav", "RIFF\x10\x00\x00\x00WAVEjunkjunkjunk", "WAV"},
    };
    for (const Case& c : cases) {
        std::string path = dir.file(c.name);
        writeBytes(path, c.bytes);
        INFO(c.name);
        CHECK_THROWS_WITH(openAudioFile(path), Catch::Contains(path) && Catch::Contains(c.expect));
    }
}

TEST_CASE("WAV: a file cut off mid-data plays what is there") {
    la::test::TempDir dir;
    std::string s16;
    for (int i = 0; i < 1000; ++i) put16(s16, uint16_t(i * 30));
    std::string bytes = wavBytes(1, 1, 16000, 16, s16);
    std::string path = dir.file("cut.wav");
    writeBytes(path, bytes.substr(0, bytes.size() - 800)); // the data chunk says 1000 frames; 600 are there
    auto src = openAudioFile(path);
    auto got = readAll(*src);
    CHECK(got.size() == 600);
    CHECK(src->read(got.data(), 10) == 0);
}

TEST_CASE("WAV: truncated or scrambled headers never crash the reader") {
    la::test::TempDir dir;
    std::string s16;
    for (int i = 0; i < 64; ++i) put16(s16, uint16_t(i * 1000));
    const std::string good = wavBytes(1, 2, 8000, 16, s16, true);
    std::mt19937 rng(12);
    std::string path = dir.file("damaged.wav");
    int opened = 0, refused = 0;
    for (int round = 0; round < 400; ++round) {
        std::string bytes = good;
        if (round < int(good.size())) {
            bytes.resize(size_t(round) + 12); // every cut, past the magic openAudioFile checks
        } else {
            for (int k = 0; k < 3; ++k) bytes[12 + rng() % (bytes.size() - 12)] = char(rng());
        }
        writeBytes(path, bytes);
        try {
            auto src = openAudioFile(path);
            ++opened;
            auto all = readAll(*src, 7);
            CHECK(all.size() <= size_t(src->totalFrames()) * size_t(src->channels()) + 0);
            src->seek(src->totalFrames() / 2);
            float f[64];
            (void)src->read(f, 64 / size_t(src->channels()));
        } catch (const MediaError& e) {
            ++refused;
            CHECK(std::string(e.what()).find(path) != std::string::npos);
        }
    }
    CHECK(opened > 0);
    CHECK(refused > 0);
}
