#include "script.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace la::episode {

namespace {

std::vector<std::string> readLines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SourceError(path + ": cannot open");
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

std::vector<std::string> splitWhitespace(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

} // namespace

std::string slugify(const std::string& heading) {
    std::string out;
    for (unsigned char c : heading) {
        if (c >= 0x80 || std::isalnum(c) || c == '-' || c == '_') out += char(c >= 0x80 ? c : std::tolower(c));
        else if (c == ' ') out += '-';
    }
    return out;
}

std::vector<Section> readSections(const std::string& path) {
    std::vector<Section> sections;
    bool inFence = false;
    for (const std::string& raw : readLines(path)) {
        std::string line = raw;
        size_t indent = line.find_first_not_of(' ');
        if (indent != std::string::npos && indent <= 3) line = line.substr(indent);
        else if (indent != std::string::npos) continue; // indented code
        if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) { inFence = !inFence; continue; }
        if (inFence) continue;
        if (line.rfind("## ", 0) != 0) continue;
        std::string title = trim(line.substr(3));
        // Optional closing sequence of #s.
        while (!title.empty() && title.back() == '#') title.pop_back();
        title = trim(title);
        sections.push_back({title, slugify(title)});
    }
    if (sections.empty()) throw SourceError(path + ": no '##' sections");
    return sections;
}

std::vector<DisplayUnit> splitUnits(const std::string& text, const std::string& where) {
    // Cut at whitespace outside braces; each piece is one display unit.
    std::vector<std::string> pieces;
    std::string cur;
    int depth = 0;
    for (char c : text) {
        if (c == '{') { if (depth++) throw SourceError(where + ": nested '{'"); }
        if (c == '}') { if (--depth < 0) throw SourceError(where + ": '}' without '{'"); }
        if ((c == ' ' || c == '\t') && depth == 0) {
            if (!cur.empty()) pieces.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (depth) throw SourceError(where + ": '{' without '}'");
    if (!cur.empty()) pieces.push_back(cur);

    std::vector<DisplayUnit> units;
    for (const std::string& piece : pieces) {
        std::string shown, spoken;
        for (size_t i = 0; i < piece.size();) {
            if (piece[i] == '{') {
                size_t close = piece.find('}', i);
                std::string inner = piece.substr(i + 1, close - i - 1);
                size_t bar = inner.find('|');
                if (bar == std::string::npos) throw SourceError(where + ": '{shown|spoken}' needs a '|'");
                shown += inner.substr(0, bar);
                spoken += inner.substr(bar + 1);
                i = close + 1;
            } else {
                shown += piece[i];
                spoken += piece[i];
                ++i;
            }
        }
        DisplayUnit u{shown, splitWhitespace(spoken)};
        if (u.spokenTokens.empty() || trim(shown).empty())
            throw SourceError(where + ": empty word in '" + piece + "'");
        for (const std::string& t : u.spokenTokens) {
            bool hasAlnum = std::any_of(t.begin(), t.end(), [](unsigned char c) { return std::isalnum(c); });
            if (!hasAlnum) throw SourceError(where + ": '" + t + "' has nothing to say; attach punctuation to a word");
            for (unsigned char c : t)
                if (c >= 0x80) throw SourceError(where + ": spoken text must be ASCII for the synthesizer ('" + t +
                                                 "'); use {shown|spoken}");
        }
        // Several shown words: one spoken token each, so every shown word gets
        // its own exact timing ("{13 11 20|thirteen eleven twenty}").
        std::vector<std::string> shownWords = splitWhitespace(shown);
        if (shownWords.size() > 1) {
            if (shownWords.size() != u.spokenTokens.size())
                throw SourceError(where + ": '" + piece + "' shows " + std::to_string(shownWords.size()) +
                                  " words but says " + std::to_string(u.spokenTokens.size()) +
                                  "; show one word, or one per spoken word");
            for (size_t i = 0; i < shownWords.size(); ++i) units.push_back({shownWords[i], {u.spokenTokens[i]}});
            continue;
        }
        units.push_back(std::move(u));
    }
    return units;
}

Script readScript(const std::string& path, const std::vector<Section>& sections,
                  const std::vector<std::string>& speakers) {
    Script script;
    std::vector<std::string> lines = readLines(path);
    int lastSection = 0;
    std::set<int> spokenSections;
    for (size_t n = 0; n < lines.size(); ++n) {
        const std::string& line = lines[n];
        std::string where = path + ":" + std::to_string(n + 1);
        if (trim(line).empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        size_t start = 0;
        for (;;) {
            size_t tab = line.find('\t', start);
            cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        if (line[0] == '@') {
            if (cols.size() != 2) throw SourceError(where + ": metadata is @KEY<TAB>value");
            script.meta[cols[0].substr(1)] = trim(cols[1]);
            continue;
        }
        if (cols.size() != 3) throw SourceError(where + ": expected SPEAKER<TAB>ANCHOR<TAB>TEXT");
        ScriptLine sl;
        sl.lineNumber = int(n + 1);
        sl.speaker = trim(cols[0]);
        sl.anchor = trim(cols[1]);
        if (std::find(speakers.begin(), speakers.end(), sl.speaker) == speakers.end())
            throw SourceError(where + ": unknown speaker '" + sl.speaker + "'");
        auto it = std::find_if(sections.begin(), sections.end(), [&](const Section& s) { return s.anchor == sl.anchor; });
        if (it == sections.end()) throw SourceError(where + ": no section '#" + sl.anchor + "' in the article");
        sl.section = int(it - sections.begin());
        if (sl.section < lastSection)
            throw SourceError(where + ": section '" + sl.anchor + "' comes before the previous line's in the article");
        lastSection = sl.section;
        spokenSections.insert(sl.section);
        sl.units = splitUnits(trim(cols[2]), where);
        for (const DisplayUnit& u : sl.units) {
            if (!sl.shownText.empty()) sl.shownText += ' ';
            sl.shownText += u.shown;
            for (const std::string& t : u.spokenTokens) {
                if (!sl.spokenText.empty()) sl.spokenText += ' ';
                sl.spokenText += t;
            }
        }
        script.lines.push_back(std::move(sl));
    }
    for (size_t i = 0; i < sections.size(); ++i)
        if (!spokenSections.count(int(i)))
            throw SourceError(path + ": no line is about section '" + sections[i].title + "'");
    for (const char* key : {"TITLE", "ARTIST", "ALBUM", "DATE"})
        if (!script.meta.count(key)) throw SourceError(path + ": missing @" + std::string(key));
    return script;
}

} // namespace la::episode
