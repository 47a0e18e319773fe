// Podcasting 2.0 JSON chapters. The rules are listed in chapters_parser.h; the JSON
// plumbing (syntax errors with positions, entry lines, field readers) is shared with the
// transcript parser through json_detail.

#include "transcripts/chapters_parser.h"

#include "transcripts/json_transcript_parser.h"

#include <algorithm>

namespace la::transcripts {

using nlohmann::json;
using namespace json_detail;

namespace {

/// Reads the optional string `key` into `out`; false (with `problem` set) on a wrong type.
bool readOptionalString(const json& object, const char* key, std::string& out, std::string& problem) {
    StringField field = readString(object, key);
    if (!field.problem.empty()) { problem = field.problem; return false; }
    out = std::move(field.value);
    return true;
}

/// The "location" object, or the reason it is unusable. Absent/null leaves `out` empty.
std::string readLocation(const json& chapter, std::optional<ChapterLocation>& out) {
    auto it = chapter.find("location");
    if (it == chapter.end() || it->is_null()) return {};
    if (!it->is_object()) return "location is not an object";
    ChapterLocation location;
    std::string problem;
    if (!readOptionalString(*it, "name", location.name, problem) ||
        !readOptionalString(*it, "geo", location.geo, problem) ||
        !readOptionalString(*it, "osm", location.osm, problem))
        return "location." + problem;
    out = std::move(location);
    return {};
}

/// The chapter, or the reason it is skipped.
std::string readChapter(const json& entry, Chapter& out) {
    if (!entry.is_object()) return "not an object";
    TimeField start = readTime(entry, "startTime");
    if (!start.present) return "startTime is missing";
    if (!start.problem.empty()) return start.problem;
    TimeField end = readTime(entry, "endTime");
    if (!end.problem.empty()) return end.problem;
    if (end.present && end.value < start.value) return "endTime is before startTime";
    out.start = start.value;
    if (end.present) out.end = end.value;

    StringField title = readString(entry, "title");
    if (!title.problem.empty()) return title.problem;
    if (title.present) out.title = std::move(title.value);
    std::string problem;
    if (!readOptionalString(entry, "url", out.url, problem)) return problem;
    if (!readOptionalString(entry, "img", out.img, problem)) return problem;

    auto toc = entry.find("toc");
    if (toc != entry.end() && !toc->is_null()) {
        if (!toc->is_boolean()) return "toc is not a boolean";
        out.toc = toc->get<bool>();
    }
    return readLocation(entry, out.location);
}

} // namespace

ChapterList parseChapters(std::string_view text, const std::string& fileName) {
    json doc = parseDocument(text, fileName);
    const json& entries = requireArray(doc, text, fileName, "chapters", "chapters file");

    ChapterList list;
    checkVersion(doc, fileName, list.warnings);
    std::vector<int> lines = topLevelArrayElementLines(text, "chapters");
    if (lines.size() != entries.size()) lines.assign(entries.size(), 0); // e.g. an escaped key
    list.chapters.reserve(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
        Chapter chapter;
        std::string problem = readChapter(entries[i], chapter);
        if (problem.empty()) list.chapters.push_back(std::move(chapter));
        else list.warnings.push_back(entryWarning(fileName, lines[i], "chapters", i, problem));
    }
    std::stable_sort(list.chapters.begin(), list.chapters.end(),
                     [](const Chapter& a, const Chapter& b) { return a.start < b.start; });
    return list;
}

bool looksLikeJsonChapters(std::string_view text) { return looksLikeObjectWithArray(text, "chapters"); }

} // namespace la::transcripts
