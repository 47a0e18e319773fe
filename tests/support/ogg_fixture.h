#pragma once
// Test fixtures made at test time: Ogg Vorbis files with a known, distinctive
// signal (so cross-correlation can tell where in the file a piece of output
// came from), written with libvorbisenc into a temporary folder.

#include <vorbis/vorbisenc.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace la::test {

/// A fresh temporary folder, removed when the object goes away.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "la-test-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

/// Deterministic test signal: every 50 ms a new pair of tones (200-1600 Hz,
/// from a fixed pseudo-random sequence), with smooth joins. Mono, in [-0.5, 0.5].
inline std::vector<float> makeSignal(int rate, double seconds) {
    size_t n = size_t(rate * seconds);
    std::vector<float> out(n);
    uint32_t seed = 12345;
    auto rnd = [&] { seed = seed * 1664525u + 1013904223u; return (seed >> 8) / double(1 << 24); };
    double f1 = 300, f2 = 700, p1 = 0, p2 = 0;
    size_t seg = size_t(rate * 0.05);
    for (size_t i = 0; i < n; ++i) {
        if (i % seg == 0) {
            f1 = 200 + 700 * rnd();
            f2 = 900 + 700 * rnd();
        }
        p1 += 2 * M_PI * f1 / rate;
        p2 += 2 * M_PI * f2 / rate;
        out[i] = float(0.3 * std::sin(p1) + 0.2 * std::sin(p2));
    }
    return out;
}

/// Encodes interleaved float frames to an Ogg Vorbis file (quality 0.6).
inline void writeOgg(const std::string& path, const std::vector<float>& interleaved, int rate, int channels,
                     const std::string& title = "Test signal",
                     const std::vector<std::pair<std::string, std::string>>& moreTags = {}) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) throw std::runtime_error("cannot create " + path);
    vorbis_info vi;
    vorbis_info_init(&vi);
    if (vorbis_encode_init_vbr(&vi, channels, rate, 0.6f) != 0) throw std::runtime_error("vorbis_encode_init_vbr");
    vorbis_comment vc;
    vorbis_comment_init(&vc);
    vorbis_comment_add_tag(&vc, "TITLE", title.c_str());
    for (const auto& [name, value] : moreTags) vorbis_comment_add_tag(&vc, name.c_str(), value.c_str());
    vorbis_dsp_state vd;
    vorbis_block vb;
    vorbis_analysis_init(&vd, &vi);
    vorbis_block_init(&vd, &vb);
    ogg_stream_state os;
    ogg_stream_init(&os, 4242);
    ogg_packet h, hc, hcode;
    vorbis_analysis_headerout(&vd, &vc, &h, &hc, &hcode);
    ogg_stream_packetin(&os, &h);
    ogg_stream_packetin(&os, &hc);
    ogg_stream_packetin(&os, &hcode);
    ogg_page og;
    while (ogg_stream_flush(&os, &og)) {
        std::fwrite(og.header, 1, size_t(og.header_len), f);
        std::fwrite(og.body, 1, size_t(og.body_len), f);
    }
    size_t frames = interleaved.size() / size_t(channels), done = 0;
    bool eos = false;
    while (!eos) {
        size_t n = std::min<size_t>(1024, frames - done);
        if (n == 0) {
            vorbis_analysis_wrote(&vd, 0);
        } else {
            float** buf = vorbis_analysis_buffer(&vd, int(n));
            for (size_t i = 0; i < n; ++i)
                for (int c = 0; c < channels; ++c) buf[c][i] = interleaved[(done + i) * size_t(channels) + size_t(c)];
            vorbis_analysis_wrote(&vd, int(n));
            done += n;
        }
        while (vorbis_analysis_blockout(&vd, &vb) == 1) {
            vorbis_analysis(&vb, nullptr);
            vorbis_bitrate_addblock(&vb);
            ogg_packet op;
            while (vorbis_bitrate_flushpacket(&vd, &op)) {
                ogg_stream_packetin(&os, &op);
                while (ogg_stream_pageout(&os, &og)) {
                    std::fwrite(og.header, 1, size_t(og.header_len), f);
                    std::fwrite(og.body, 1, size_t(og.body_len), f);
                    if (ogg_page_eos(&og)) eos = true;
                }
            }
        }
    }
    ogg_stream_clear(&os);
    vorbis_block_clear(&vb);
    vorbis_dsp_clear(&vd);
    vorbis_comment_clear(&vc);
    vorbis_info_clear(&vi);
    std::fclose(f);
}

/// Writes the standard fixture: the test signal, `seconds` long, mono.
inline std::string writeSignalOgg(const TempDir& dir, int rate, double seconds, const std::string& name = "signal.ogg") {
    std::string path = dir.file(name);
    writeOgg(path, makeSignal(rate, seconds), rate, 1);
    return path;
}

/// Normalized cross-correlation of a[0..n) against b[offset..offset+n).
inline double correlation(const float* a, const float* b, size_t n) {
    double ab = 0, aa = 0, bb = 0;
    for (size_t i = 0; i < n; ++i) {
        ab += double(a[i]) * b[i];
        aa += double(a[i]) * a[i];
        bb += double(b[i]) * b[i];
    }
    return (aa > 0 && bb > 0) ? ab / std::sqrt(aa * bb) : 0.0;
}

/// Where in `source` the window best matches (searching [from, to) offsets);
/// returns {offset, correlation}.
inline std::pair<long, double> bestMatch(const std::vector<float>& source, const float* window, size_t n, long from,
                                         long to) {
    long best = -1;
    double bestC = -2;
    from = std::max(0L, from);
    to = std::min(to, long(source.size()) - long(n));
    for (long off = from; off < to; ++off) {
        double c = correlation(window, source.data() + off, n);
        if (c > bestC) {
            bestC = c;
            best = off;
        }
    }
    return {best, bestC};
}

} // namespace la::test
