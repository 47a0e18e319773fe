// episode_gen: builds the narrated companion episode from assets/episode/script.tsv.
//
//   episode_gen [--script FILE] [--article FILE] [--out DIR] [--wav FILE]
//
// Reads the article's '##' sections and the script, synthesizes every line
// with Flite (one voice per speaker), takes each word's exact start and end
// from the synthesizer's segment timings, lays the lines out with pauses,
// and writes (all deterministic, byte for byte):
//   DIR/episode.ogg               Ogg Vorbis, mono, 16 kHz, with Vorbis comments
//   DIR/episode.vtt               WebVTT, <v Speaker> tags and word timestamps
//   DIR/episode.transcript.json   Podcasting 2.0 transcript (same cues)
//   DIR/episode.chapters.json     Podcasting 2.0 chapters, one per section
// --wav also writes the mix as 16-bit PCM WAV (for listening checks).

#include "script.h"

extern "C" {
#include <flite/flite.h>
cst_voice* register_cmu_us_slt(const char* voxdir);
cst_voice* register_cmu_us_rms(const char* voxdir);
}
#include "media/loudness_gain.h"
#include "media/loudness_meter.h"
#include "media/memory_source.h"
#include <vorbis/vorbisenc.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace la::episode;

namespace {

// ---- Fixed production choices (changing any of them changes the output) ----
constexpr int kRate = 16000;               // both Flite voices synthesize at 16 kHz
constexpr double kLeadIn = 0.6;            // silence before the first line
constexpr double kTail = 1.0;              // silence after the last line
constexpr double kPauseSameSpeaker = 0.38; // between two lines of one speaker
constexpr double kPauseTurn = 0.45;        // when the other speaker answers
constexpr double kPauseSection = 1.2;      // between article sections
constexpr double kChapterLead = 0.4;       // a chapter starts this long before its first word
constexpr double kMaxCue = 7.0;            // no cue longer than this (seconds)
constexpr double kMergeShort = 1.0;        // a sentence shorter than this joins the next one
constexpr double kTargetWpm = 150.0;       // speaking rate inside a line (issue #15: suits patients)
constexpr double kMasterLufs = -19.0;      // integrated loudness of the mix (EBU R128; usual for mono podcasts)
constexpr double kLimiterCeilingDbtp = -2.0; // below the -1 dBTP goal, leaving room for Vorbis overshoot
constexpr double kFade = 0.004;            // fade at the edges of each line (no clicks)
constexpr float kVorbisQuality = 0.45f;
constexpr double kDcBlockPole = 0.995;
constexpr int kOggSerial = 0x4C41454E;     // "LAEN": fixed so the file is reproducible

const std::vector<std::string> kSpeakers = {"Host", "Nurse"};

struct Fail : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct TimedUnit {
    std::string shown;
    int64_t start = 0; ///< samples; relative to the line, later absolute
    int64_t end = 0;
};

struct Line {
    const ScriptLine* src = nullptr;
    std::vector<float> samples; ///< trimmed to [first word start, last word end)
    std::vector<TimedUnit> units;
    int64_t offset = 0;         ///< where the line starts in the episode (samples)
};

struct CueOut {
    int section = 0;
    std::string speaker;
    std::vector<TimedUnit> units; ///< absolute sample times
    int64_t start() const { return units.front().start; }
    int64_t end() const { return units.back().end; }
};

int64_t toSamples(double seconds) { return int64_t(std::llround(seconds * kRate)); }

// ---- Synthesis and exact word timing ----

struct WordTime {
    cst_item* token;
    double start, end;
};

// Walks the Word relation; each word's segments come from SylStructure
// (word -> syllables -> segments). A word ends where its last segment ends
// ("end" feature, seconds) and starts where the segment before its first
// segment ends (a pause or the previous word).
std::vector<WordTime> wordTimes(cst_utterance* u) {
    std::vector<WordTime> out;
    double prevEnd = 0;
    for (cst_item* w = relation_head(utt_relation(u, "Word")); w; w = item_next(w)) {
        cst_item* asToken = item_as(w, "Token");
        cst_item* token = asToken ? item_parent(asToken) : nullptr;
        cst_item* syl = item_as(w, "SylStructure");
        cst_item* firstSyl = syl ? item_daughter(syl) : nullptr;
        cst_item* lastSyl = syl ? item_last_daughter(syl) : nullptr;
        double start = prevEnd, end = prevEnd;
        if (firstSyl && lastSyl && item_daughter(firstSyl) && item_last_daughter(lastSyl)) {
            cst_item* firstSeg = item_as(item_daughter(firstSyl), "Segment");
            cst_item* before = firstSeg ? item_prev(firstSeg) : nullptr;
            start = before ? item_feat_float(before, "end") : 0.0;
            end = item_feat_float(item_last_daughter(lastSyl), "end");
        }
        prevEnd = end;
        out.push_back({token, start, end});
    }
    return out;
}

Line synthesize(const ScriptLine& sl, cst_voice* voice, const std::string& scriptPath) {
    std::string where = scriptPath + ":" + std::to_string(sl.lineNumber);
    cst_utterance* u = flite_synth_text(sl.spokenText.c_str(), voice);
    if (!u) throw Fail(where + ": the synthesizer failed");
    std::vector<WordTime> words = wordTimes(u);

    // Group words by token, in token order; tokens are the spoken words of the script.
    struct TokTime {
        std::string name;
        double start = 0, end = 0;
        bool any = false;
    };
    std::vector<TokTime> tokens;
    std::map<cst_item*, size_t> tokenIndex;
    for (cst_item* t = relation_head(utt_relation(u, "Token")); t; t = item_next(t)) {
        tokenIndex[t] = tokens.size();
        tokens.push_back({item_feat_string(t, "name")});
    }
    for (const WordTime& w : words) {
        auto it = tokenIndex.find(w.token);
        if (it == tokenIndex.end()) throw Fail(where + ": a synthesized word has no token");
        TokTime& t = tokens[it->second];
        if (!t.any) t.start = w.start;
        t.end = w.end;
        t.any = true;
    }
    size_t expected = 0;
    for (const DisplayUnit& du : sl.units) expected += du.spokenTokens.size();
    if (tokens.size() != expected) {
        std::string names;
        for (const TokTime& t : tokens) names += " [" + t.name + "]";
        throw Fail(where + ": the synthesizer read " + std::to_string(tokens.size()) + " words, the script has " +
                   std::to_string(expected) + ":" + names);
    }
    for (const TokTime& t : tokens)
        if (!t.any || t.end <= t.start) throw Fail(where + ": '" + t.name + "' was not spoken; rephrase it");

    Line line;
    line.src = &sl;
    size_t k = 0;
    for (const DisplayUnit& du : sl.units) {
        const TokTime& first = tokens[k];
        const TokTime& last = tokens[k + du.spokenTokens.size() - 1];
        k += du.spokenTokens.size();
        line.units.push_back({du.shown, toSamples(first.start), toSamples(last.end)});
    }

    cst_wave* wave = copy_wave(utt_wave(u));
    if (wave->num_channels != 1) throw Fail(where + ": expected a mono voice");
    if (wave->sample_rate != kRate) cst_wave_resample(wave, kRate);
    int64_t from = line.units.front().start, to = line.units.back().end;
    if (to > wave->num_samples) throw Fail(where + ": word timings run past the audio");
    // DC blocker (one-pole high-pass, about 13 Hz) over the whole utterance, so
    // the voice's DC offset never turns into a step where the line is cut.
    std::vector<float> full(size_t(wave->num_samples));
    double x1 = 0, y1 = 0;
    for (int i = 0; i < wave->num_samples; ++i) {
        double x = wave->samples[i] / 32768.0;
        double y = x - x1 + kDcBlockPole * y1;
        x1 = x;
        y1 = y;
        full[size_t(i)] = float(y);
    }
    line.samples.assign(full.begin() + from, full.begin() + to);
    for (TimedUnit& tu : line.units) { tu.start -= from; tu.end -= from; }
    // Short raised-cosine fades so a cut between phones never clicks.
    size_t fade = std::min(size_t(toSamples(kFade)), line.samples.size() / 2);
    for (size_t i = 0; i < fade; ++i) {
        float g = float(0.5 - 0.5 * std::cos(M_PI * (double(i) + 0.5) / double(fade)));
        line.samples[i] *= g;
        line.samples[line.samples.size() - 1 - i] *= g;
    }
    delete_wave(wave);
    delete_utterance(u);
    return line;
}

// ---- Cues: sentences, split further at clauses so none is longer than kMaxCue ----

bool endsWith(const std::string& s, const char* set) {
    size_t i = s.size();
    while (i > 0 && (s[i - 1] == '"' || s[i - 1] == '\'' || s[i - 1] == ')')) --i;
    return i > 0 && std::strchr(set, s[i - 1]);
}

double seconds(int64_t samples) { return double(samples) / kRate; }

void splitRange(const std::vector<TimedUnit>& u, size_t b, size_t e, std::vector<std::pair<size_t, size_t>>& out,
                const std::string& where) {
    auto dur = [&](size_t x, size_t y) { return seconds(u[y - 1].end - u[x].start); };
    if (dur(b, e) <= kMaxCue) { out.push_back({b, e}); return; }
    if (e - b < 2) throw Fail(where + ": a single word is longer than " + std::to_string(kMaxCue) + " s");
    size_t best = 0;
    double bestCost = 1e9;
    for (int pass = 0; pass < 2 && !best; ++pass) {
        for (size_t k = b + 1; k < e; ++k) {
            if (pass == 0 && !endsWith(u[k - 1].shown, ",;:")) continue;
            double cost = std::max(dur(b, k), dur(k, e));
            if (cost < bestCost) { bestCost = cost; best = k; }
        }
    }
    splitRange(u, b, best, out, where);
    splitRange(u, best, e, out, where);
}

std::vector<std::pair<size_t, size_t>> cueRanges(const Line& line, const std::string& where) {
    const std::vector<TimedUnit>& u = line.units;
    std::vector<std::pair<size_t, size_t>> sentences;
    size_t b = 0;
    for (size_t k = 0; k < u.size(); ++k)
        if (endsWith(u[k].shown, ".?!") || k + 1 == u.size()) { sentences.push_back({b, k + 1}); b = k + 1; }
    // Very short sentences ("No.", "Usually.") join the next one; if that
    // makes the cue too long, splitRange cuts it again at a clause, never
    // right after the short sentence (it balances the parts).
    std::vector<std::pair<size_t, size_t>> merged;
    for (size_t i = 0; i < sentences.size(); ++i) {
        auto s = sentences[i];
        while (i + 1 < sentences.size() && seconds(u[s.second - 1].end - u[s.first].start) < kMergeShort)
            s.second = sentences[++i].second;
        merged.push_back(s);
    }
    std::vector<std::pair<size_t, size_t>> out;
    for (auto [sb, se] : merged) splitRange(u, sb, se, out, where);
    return out;
}

// ---- Writers ----

std::string timestamp(double t) {
    int64_t ms = int64_t(std::llround(t * 1000.0));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%03lld", (long long)(ms / 3600000), (long long)(ms / 60000 % 60),
                  (long long)(ms / 1000 % 60), (long long)(ms % 1000));
    return buf;
}

// Cue bounds in whole milliseconds that contain the speech: start rounded
// down, end rounded up. Word times are rounded down (never before the cue).
double msFloor(int64_t samples) { return double((samples * 1000) / kRate) / 1000.0; }
double msCeil(int64_t samples) { return double((samples * 1000 + kRate - 1) / kRate) / 1000.0; }

std::string fixed3(double t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", t);
    return buf;
}

std::string vttEscape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else out += char(c);
    }
    return out + "\"";
}

std::string cueText(const CueOut& c) {
    std::string s;
    for (const TimedUnit& u : c.units) s += (s.empty() ? "" : " ") + u.shown;
    return s;
}

void writeFile(const fs::path& path, const std::string& data) {
    fs::path tmp = path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(data.data(), std::streamsize(data.size()));
        if (!out) throw Fail(tmp.string() + ": cannot write");
    }
    fs::rename(tmp, path);
}

std::string makeVtt(const std::vector<CueOut>& cues, const std::string& title) {
    std::ostringstream o;
    o << "WEBVTT\n\nNOTE " << title
      << "\nGenerated by tools/episode from assets/episode/script.tsv; do not edit by hand.\n"
         "Word timestamps come from the synthesizer's segment timings.\n\n";
    for (size_t i = 0; i < cues.size(); ++i) {
        const CueOut& c = cues[i];
        o << (i + 1) << "\n" << timestamp(msFloor(c.start())) << " --> " << timestamp(msCeil(c.end())) << "\n";
        o << "<v " << c.speaker << ">";
        for (size_t k = 0; k < c.units.size(); ++k) {
            if (k) o << " <" << timestamp(msFloor(c.units[k].start)) << ">";
            o << vttEscape(c.units[k].shown);
        }
        o << "</v>\n\n";
    }
    return o.str();
}

std::string makeTranscriptJson(const std::vector<CueOut>& cues) {
    std::ostringstream o;
    o << "{\n  \"version\": \"1.0.0\",\n  \"segments\": [\n";
    for (size_t i = 0; i < cues.size(); ++i) {
        const CueOut& c = cues[i];
        o << "    {\"speaker\": " << jsonString(c.speaker) << ", \"startTime\": " << fixed3(msFloor(c.start()))
          << ", \"endTime\": " << fixed3(msCeil(c.end())) << ", \"body\": " << jsonString(cueText(c)) << "}"
          << (i + 1 < cues.size() ? "," : "") << "\n";
    }
    o << "  ]\n}\n";
    return o.str();
}

std::string makeChaptersJson(const std::vector<Section>& sections, const std::vector<CueOut>& cues, double total) {
    std::vector<double> starts;
    for (size_t s = 0; s < sections.size(); ++s) {
        auto it = std::find_if(cues.begin(), cues.end(), [&](const CueOut& c) { return c.section == int(s); });
        double t = s == 0 ? 0.0 : std::max(0.0, msFloor(it->start()) - kChapterLead);
        starts.push_back(std::round(t * 1000.0) / 1000.0);
    }
    std::ostringstream o;
    o << "{\n  \"version\": \"1.2.0\",\n  \"chapters\": [\n";
    for (size_t s = 0; s < sections.size(); ++s) {
        double end = s + 1 < sections.size() ? starts[s + 1] : total;
        o << "    {\"startTime\": " << fixed3(starts[s]) << ", \"endTime\": " << fixed3(end)
          << ", \"title\": " << jsonString(sections[s].title)
          << ", \"url\": " << jsonString("article.md#" + sections[s].anchor) << "}"
          << (s + 1 < sections.size() ? "," : "") << "\n";
    }
    o << "  ]\n}\n";
    return o.str();
}

std::string encodeVorbis(const std::vector<float>& pcm, const std::map<std::string, std::string>& meta) {
    std::string out;
    vorbis_info vi;
    vorbis_info_init(&vi);
    if (vorbis_encode_init_vbr(&vi, 1, kRate, kVorbisQuality) != 0) throw Fail("libvorbisenc: cannot set up the encoder");
    vorbis_comment vc;
    vorbis_comment_init(&vc);
    for (const char* key : {"TITLE", "ARTIST", "ALBUM", "DATE", "COMMENT"}) {
        auto it = meta.find(key);
        if (it != meta.end()) vorbis_comment_add_tag(&vc, key, it->second.c_str());
    }
    vorbis_dsp_state vd;
    vorbis_block vb;
    vorbis_analysis_init(&vd, &vi);
    vorbis_block_init(&vd, &vb);
    ogg_stream_state os;
    ogg_stream_init(&os, kOggSerial);
    ogg_page og;
    ogg_packet op, header, headerComm, headerCode;
    auto writePage = [&]() {
        out.append(reinterpret_cast<const char*>(og.header), size_t(og.header_len));
        out.append(reinterpret_cast<const char*>(og.body), size_t(og.body_len));
    };
    vorbis_analysis_headerout(&vd, &vc, &header, &headerComm, &headerCode);
    ogg_stream_packetin(&os, &header);
    ogg_stream_packetin(&os, &headerComm);
    ogg_stream_packetin(&os, &headerCode);
    while (ogg_stream_flush(&os, &og)) writePage(); // audio starts on a fresh page
    auto drain = [&]() {
        while (vorbis_analysis_blockout(&vd, &vb) == 1) {
            vorbis_analysis(&vb, nullptr);
            vorbis_bitrate_addblock(&vb);
            while (vorbis_bitrate_flushpacket(&vd, &op)) {
                ogg_stream_packetin(&os, &op);
                while (ogg_stream_pageout(&os, &og)) writePage();
            }
        }
    };
    const size_t chunk = 4096;
    for (size_t pos = 0; pos < pcm.size(); pos += chunk) {
        size_t n = std::min(chunk, pcm.size() - pos);
        float** buf = vorbis_analysis_buffer(&vd, int(n));
        std::memcpy(buf[0], pcm.data() + pos, n * sizeof(float));
        vorbis_analysis_wrote(&vd, int(n));
        drain();
    }
    vorbis_analysis_wrote(&vd, 0);
    drain();
    while (ogg_stream_flush(&os, &og)) writePage();
    ogg_stream_clear(&os);
    vorbis_block_clear(&vb);
    vorbis_dsp_clear(&vd);
    vorbis_comment_clear(&vc);
    vorbis_info_clear(&vi);
    return out;
}

// ---- Voices, speaking rate and mastering ----

struct VoiceChoice {
    std::string name;
    cst_voice* voice = nullptr;
};

/// Words per minute while speaking: the words of a speaker's lines over the
/// lines' own length (the pauses between lines don't count).
double wordsPerMinute(const std::vector<Line>& lines, const std::string& speaker) {
    size_t words = 0, samples = 0;
    for (const Line& l : lines)
        if (l.src->speaker == speaker) { words += l.units.size(); samples += l.samples.size(); }
    return samples ? double(words) * 60.0 * kRate / double(samples) : 0.0;
}

/// Integrated loudness and true peak of a mono mix at kRate, measured by the
/// player's own meter (media/loudness_meter, libebur128).
la::media::Loudness measure(const std::vector<float>& pcm) {
    la::media::MemorySource source(pcm, kRate, 1, "the episode mix");
    la::media::Loudness out;
    la::media::measureLoudness(source, out);
    return out;
}

/// Brings the mix to kMasterLufs through the player's look-ahead true-peak
/// limiter (media/loudness_gain), so no peak passes kLimiterCeilingDbtp; the
/// gain is the player's own limitedGainDb (measured through the limiter and
/// corrected). The limiter's delay is read ahead and dropped: word timings
/// do not move.
void master(std::vector<float>& mix) {
    const la::media::Loudness before = measure(mix);
    la::media::MemorySource source(mix, kRate, 1, "the episode mix");
    const double gainDb = *la::media::limitedGainDb(source, before, kMasterLufs, nullptr, 4, kLimiterCeilingDbtp);
    la::media::LoudnessGain limiter(1, kRate, kLimiterCeilingDbtp);
    limiter.setGainDb(gainDb);
    limiter.reset(); // the gain from the first frame, no glide
    std::vector<float> padded(mix);
    padded.resize(mix.size() + size_t(limiter.latencyFrames()), 0.0f);
    limiter.process(padded.data(), padded.data(), padded.size());
    mix.assign(padded.begin() + limiter.latencyFrames(), padded.end());
    const la::media::Loudness after = measure(mix);
    std::cerr << "master: " << fixed3(before.integratedLufs) << " LUFS -> " << fixed3(after.integratedLufs)
              << " LUFS (gain " << fixed3(gainDb) << " dB), true peak " << fixed3(before.truePeakDbtp) << " -> "
              << fixed3(after.truePeakDbtp) << " dBTP\n";
}

std::string makeWav(const std::vector<float>& pcm) {
    std::string out;
    auto u32 = [&](uint32_t v) { for (int i = 0; i < 4; ++i) out += char((v >> (8 * i)) & 0xff); };
    auto u16 = [&](uint16_t v) { out += char(v & 0xff); out += char(v >> 8); };
    uint32_t bytes = uint32_t(pcm.size() * 2);
    out += "RIFF"; u32(36 + bytes); out += "WAVEfmt "; u32(16); u16(1); u16(1); u32(kRate); u32(kRate * 2); u16(2); u16(16);
    out += "data"; u32(bytes);
    for (float f : pcm) u16(uint16_t(int16_t(std::lround(std::clamp(f, -1.0f, 1.0f) * 32767.0f))));
    return out;
}

} // namespace

int main(int argc, char** argv) try {
    fs::path scriptPath = "assets/episode/script.tsv", articlePath = "assets/episode/article.md", outDir = "assets/episode";
    fs::path wavPath;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw Fail(a + " needs a value");
            return argv[++i];
        };
        if (a == "--script") scriptPath = next();
        else if (a == "--article") articlePath = next();
        else if (a == "--out") outDir = next();
        else if (a == "--wav") wavPath = next();
        else if (a == "-h" || a == "--help") {
            std::cout << "usage: episode_gen [--script FILE] [--article FILE] [--out DIR] [--wav FILE]\n";
            return 0;
        } else throw Fail("unknown argument " + a);
    }

    std::vector<Section> sections = readSections(articlePath.string());
    Script script = readScript(scriptPath.string(), sections, kSpeakers);

    flite_init();
    std::map<std::string, VoiceChoice> voices = {{"Host", {"cmu_us_rms", register_cmu_us_rms(nullptr)}},
                                                 {"Nurse", {"cmu_us_slt", register_cmu_us_slt(nullptr)}}};
    for (auto& [name, v] : voices)
        if (!v.voice) throw Fail("cannot load the Flite voice " + v.name + " for " + name);

    auto synthesizeAll = [&]() {
        std::vector<Line> out;
        for (const ScriptLine& sl : script.lines)
            out.push_back(synthesize(sl, voices[sl.speaker].voice, scriptPath.string()));
        return out;
    };
    // Each voice speaks at its own natural rate; slow each one to kTargetWpm
    // with Flite's duration_stretch, from its rate over the whole script.
    std::vector<Line> lines = synthesizeAll();
    for (const std::string& speaker : kSpeakers) {
        double natural = wordsPerMinute(lines, speaker);
        if (natural <= 0) continue;
        double stretch = std::round(natural / kTargetWpm * 1000.0) / 1000.0;
        feat_set_float(voices[speaker].voice->features, "duration_stretch", float(stretch));
        std::cerr << speaker << " (" << voices[speaker].name << "): " << fixed3(natural)
                  << " words per minute natural, duration_stretch " << fixed3(stretch) << "\n";
    }
    lines = synthesizeAll();

    // Both voices equally loud: one gain per voice, to the master loudness.
    for (const std::string& speaker : kSpeakers) {
        std::vector<float> all;
        for (const Line& l : lines)
            if (l.src->speaker == speaker) all.insert(all.end(), l.samples.begin(), l.samples.end());
        if (all.empty()) continue;
        double gainDb = kMasterLufs - measure(all).integratedLufs;
        float gain = float(std::pow(10.0, gainDb / 20.0));
        for (Line& l : lines)
            if (l.src->speaker == speaker)
                for (float& s : l.samples) s *= gain;
        std::cerr << speaker << ": " << fixed3(wordsPerMinute(lines, speaker)) << " words per minute while speaking, gain "
                  << fixed3(gainDb) << " dB\n";
    }

    // Lay the lines out with pauses.
    int64_t pos = toSamples(kLeadIn);
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            const ScriptLine& prev = *lines[i - 1].src;
            const ScriptLine& cur = *lines[i].src;
            double pause = prev.section != cur.section ? kPauseSection
                           : prev.speaker != cur.speaker ? kPauseTurn
                                                         : kPauseSameSpeaker;
            pos += toSamples(pause);
        }
        lines[i].offset = pos;
        pos += int64_t(lines[i].samples.size());
    }
    std::vector<float> mix(size_t(pos + toSamples(kTail)), 0.0f);
    std::vector<CueOut> cues;
    for (Line& l : lines) {
        std::copy(l.samples.begin(), l.samples.end(), mix.begin() + l.offset);
        for (TimedUnit& u : l.units) { u.start += l.offset; u.end += l.offset; }
        std::string where = scriptPath.string() + ":" + std::to_string(l.src->lineNumber);
        size_t lineFirstCue = cues.size();
        for (auto [b, e] : cueRanges(l, where)) {
            CueOut c{l.src->section, l.src->speaker, {l.units.begin() + long(b), l.units.begin() + long(e)}};
            // A cue split off inside a line ends where the next one starts;
            // rounding that shared instant up and down would overlap them by
            // a millisecond, so the earlier cue ends on the millisecond below.
            if (cues.size() > lineFirstCue) {
                int64_t boundary = c.start() / (kRate / 1000) * (kRate / 1000);
                TimedUnit& last = cues.back().units.back();
                if (last.end > boundary && boundary > last.start) last.end = boundary;
            }
            for (size_t k = 1; k < c.units.size(); ++k)
                if (msFloor(c.units[k].start) <= msFloor(c.units[k - 1].start))
                    throw Fail(where + ": word times do not increase at '" + c.units[k].shown + "'");
            cues.push_back(std::move(c));
        }
    }
    master(mix);
    double total = double(mix.size()) / kRate;

    fs::create_directories(outDir);
    std::string title = script.meta["TITLE"];
    writeFile(outDir / "episode.vtt", makeVtt(cues, title));
    writeFile(outDir / "episode.transcript.json", makeTranscriptJson(cues));
    writeFile(outDir / "episode.chapters.json", makeChaptersJson(sections, cues, total));
    writeFile(outDir / "episode.ogg", encodeVorbis(mix, script.meta));
    if (!wavPath.empty()) writeFile(wavPath, makeWav(mix));

    double longest = 0;
    for (const CueOut& c : cues) longest = std::max(longest, seconds(c.end() - c.start()));
    std::cerr << "episode: " << lines.size() << " lines, " << cues.size() << " cues (longest " << fixed3(longest)
              << " s), " << sections.size() << " chapters, " << fixed3(total) << " s\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "episode_gen: " << e.what() << "\n";
    return 1;
}
