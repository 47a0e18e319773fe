#include "episode/episode_fixture.h"

#include "media/audio_source.h"
#include "transcripts/article.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace episode_test {

std::string assetPath(const std::string& name) { return std::string(LA_SOURCE_DIR) + "/assets/episode/" + name; }

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

double Audio::rmsDb(double from, double to) const {
    int64_t a = std::max<int64_t>(0, int64_t(std::floor(from * rate)));
    int64_t b = std::min<int64_t>(int64_t(mono.size()), int64_t(std::ceil(to * rate)));
    if (b <= a) return -200;
    double sum = 0;
    for (int64_t i = a; i < b; ++i) sum += double(mono[size_t(i)]) * mono[size_t(i)];
    double rms = std::sqrt(sum / double(b - a));
    return rms > 0 ? 20 * std::log10(rms) : -200;
}

double Audio::peakDb(double from, double to) const {
    int64_t a = std::max<int64_t>(0, int64_t(std::floor(from * rate)));
    int64_t b = std::min<int64_t>(int64_t(mono.size()), int64_t(std::ceil(to * rate)));
    double peak = 0;
    for (int64_t i = a; i < b; ++i) peak = std::max(peak, double(std::fabs(mono[size_t(i)])));
    return peak > 0 ? 20 * std::log10(peak) : -200;
}

const Audio& audio() {
    static const Audio a = [] {
        Audio r;
        auto src = la::media::openAudioFile(assetPath("episode.ogg"));
        r.rate = src->sampleRate();
        r.channels = src->channels();
        r.totalFrames = src->totalFrames();
        std::vector<float> buf(size_t(4096) * size_t(std::max(1, r.channels)));
        r.mono.reserve(size_t(r.totalFrames));
        for (;;) {
            size_t n = src->read(buf.data(), 4096);
            if (n == 0) break;
            for (size_t i = 0; i < n; ++i) {
                float sum = 0;
                for (int c = 0; c < r.channels; ++c) sum += buf[i * size_t(r.channels) + size_t(c)];
                r.mono.push_back(sum / float(r.channels));
            }
        }
        return r;
    }();
    return a;
}

namespace {

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) {
        if (!l.empty() && l.back() == '\r') l.pop_back();
        out.push_back(l);
    }
    return out;
}

// Removes WebVTT tags (<v ...>, </v>, <00:00:01.000>) and decodes the three
// character references the generator writes.
std::string stripTags(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '<') {
            size_t close = s.find('>', i);
            if (close == std::string::npos) break;
            i = close;
            continue;
        }
        out += s[i];
    }
    for (auto [from, to] : {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
        size_t p;
        while ((p = out.find(from)) != std::string::npos) out.replace(p, from.size(), to);
    }
    return out;
}

} // namespace

double parseTimestamp(const std::string& s) {
    int h = 0, m = 0, sec = 0, ms = 0;
    char tail = 0;
    if (std::sscanf(s.c_str(), "%d:%d:%d.%3d%c", &h, &m, &sec, &ms, &tail) == 4 && s.size() >= 12)
        return h * 3600.0 + m * 60.0 + sec + ms / 1000.0;
    if (std::sscanf(s.c_str(), "%d:%d.%3d%c", &m, &sec, &ms, &tail) == 3 && s.size() == 9)
        return m * 60.0 + sec + ms / 1000.0;
    return -1;
}

const Script& script() {
    static const Script s = [] {
        Script r;
        std::vector<std::string> ls = lines(readText(assetPath("script.tsv")));
        for (size_t n = 0; n < ls.size(); ++n) {
            const std::string& l = ls[n];
            if (trim(l).empty() || l[0] == '#') continue;
            std::vector<std::string> cols;
            std::string col;
            std::istringstream in(l);
            while (std::getline(in, col, '\t')) cols.push_back(col);
            if (l[0] == '@') {
                r.meta.push_back({cols.at(0).substr(1), cols.size() > 1 ? cols[1] : ""});
                continue;
            }
            ScriptLine sl;
            sl.lineNumber = int(n + 1);
            if (cols.size() != 3) throw std::runtime_error("script.tsv:" + std::to_string(n + 1) + ": not 3 columns");
            sl.speaker = trim(cols[0]);
            sl.anchor = trim(cols[1]);
            std::string text = trim(cols[2]);
            for (size_t i = 0; i < text.size();) {
                if (text[i] == '{') {
                    size_t bar = text.find('|', i), close = text.find('}', i);
                    sl.shown += text.substr(i + 1, bar - i - 1);
                    sl.spoken += text.substr(bar + 1, close - bar - 1);
                    i = close + 1;
                } else {
                    sl.shown += text[i];
                    sl.spoken += text[i];
                    ++i;
                }
            }
            r.lines.push_back(sl);
        }
        return r;
    }();
    return s;
}

const std::vector<Cue>& vttCues() {
    static const std::vector<Cue> cues = [] {
        std::vector<Cue> out;
        std::vector<std::string> ls = lines(readText(assetPath("episode.vtt")));
        for (size_t i = 0; i < ls.size(); ++i) {
            size_t arrow = ls[i].find(" --> ");
            if (arrow == std::string::npos) continue;
            Cue c;
            c.start = parseTimestamp(ls[i].substr(0, arrow));
            c.end = parseTimestamp(ls[i].substr(arrow + 5, 12));
            std::string payload;
            for (++i; i < ls.size() && !ls[i].empty(); ++i) payload += (payload.empty() ? "" : "\n") + ls[i];
            if (payload.rfind("<v ", 0) == 0) c.speaker = payload.substr(3, payload.find('>') - 3);
            c.text = stripTags(payload);
            // Words: the first at the cue start, then one per inline timestamp tag.
            std::string body = payload.substr(payload.find('>') + 1);
            size_t p = 0;
            double t = c.start;
            while (p < body.size()) {
                size_t tag = body.find('<', p);
                std::string chunk = trim(body.substr(p, tag == std::string::npos ? std::string::npos : tag - p));
                if (!chunk.empty()) c.words.push_back({t, chunk});
                if (tag == std::string::npos) break;
                size_t close = body.find('>', tag);
                std::string inner = body.substr(tag + 1, close - tag - 1);
                double ts = parseTimestamp(inner);
                if (ts >= 0) t = ts;
                p = close + 1;
            }
            out.push_back(c);
        }
        return out;
    }();
    return cues;
}

const std::vector<Cue>& jsonCues() {
    static const std::vector<Cue> cues = [] {
        std::vector<Cue> out;
        nlohmann::json doc = nlohmann::json::parse(readText(assetPath("episode.transcript.json")));
        for (const auto& seg : doc.at("segments")) {
            Cue c;
            c.start = seg.at("startTime").get<double>();
            c.end = seg.at("endTime").get<double>();
            c.speaker = seg.at("speaker").get<std::string>();
            c.text = seg.at("body").get<std::string>();
            out.push_back(c);
        }
        return out;
    }();
    return cues;
}

const std::vector<std::vector<size_t>>& cuesPerLine() {
    static const std::vector<std::vector<size_t>> result = [] {
        std::vector<std::vector<size_t>> out;
        const auto& cues = jsonCues();
        size_t next = 0;
        for (const ScriptLine& l : script().lines) {
            std::vector<size_t> mine;
            std::string joined;
            while (next < cues.size() && joined.size() < l.shown.size()) {
                joined += (joined.empty() ? "" : " ") + cues[next].text;
                mine.push_back(next++);
            }
            if (joined != l.shown) return std::vector<std::vector<size_t>>{};
            out.push_back(mine);
        }
        if (next != cues.size()) return std::vector<std::vector<size_t>>{};
        return out;
    }();
    return result;
}

std::vector<std::string> articleAnchors() {
    la::transcripts::Article a = la::transcripts::parseArticle(readText(assetPath("article.md")), "article.md");
    std::vector<std::string> out;
    for (const auto& s : a.sections)
        if (!s.anchor.empty()) out.push_back(s.anchor);
    return out;
}

} // namespace episode_test
