#include "player/cli/inspect_command.h"

#include "player/config/arg_parse.h"
#include "transcripts/parse_error.h"
#include "transcripts/transcript_file.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace la::player {

namespace {

namespace tr = la::transcripts;

constexpr const char* kUsage =
    "usage: listenalong inspect FILE\n"
    "  Parses a transcript (WebVTT, SubRip, Podcasting 2.0 JSON) or a Podcasting 2.0\n"
    "  chapters file, detected from its content, and prints it as JSON:\n"
    "    {\"kind\":\"transcript\",\"format\":\"vtt|srt|json\",\"cues\":[{\"start\":S,\"end\":S,\n"
    "      \"id\":..,\"speaker\":..,\"text\":..,\"words\":[{\"start\":S,\"text\":..}]}],\"warnings\":[..]}\n"
    "    {\"kind\":\"chapters\",\"chapters\":[{\"start\":S,\"end\":S|null,\"title\":..|null,\n"
    "      \"url\":..,\"img\":..,\"toc\":bool}],\"warnings\":[..]}\n"
    "  Times are seconds. Exit 0 on success; 1 (message on stderr) if the file\n"
    "  cannot be read or is not accepted; 2 for a usage mistake.\n"
    "options:\n"
    "  -h, --help   show this help\n";

std::string parseArgs(const std::vector<std::string>& args) {
    ArgCursor cursor(args);
    std::string file;
    while (!cursor.done()) {
        std::string a = cursor.next();
        if (a == "-h" || a == "--help") throw UsageRequest{};
        if (a == "--") {
            if (cursor.done()) break;
            a = cursor.next();
        } else if (a.size() > 1 && a[0] == '-') {
            throw ArgError("unknown option " + a);
        }
        if (!file.empty()) throw ArgError("only one FILE may be given (got '" + file + "' and '" + a + "')");
        file = a;
    }
    if (file.empty()) throw ArgError("no FILE given");
    return file;
}

nlohmann::json cueJson(const tr::Cue& cue) {
    nlohmann::json j = {{"start", cue.start}, {"end", cue.end}};
    if (!cue.id.empty()) j["id"] = cue.id;
    if (!cue.speaker.empty()) j["speaker"] = cue.speaker;
    j["text"] = cue.text;
    if (!cue.settings.empty()) j["settings"] = cue.settings;
    if (!cue.words.empty()) {
        nlohmann::json words = nlohmann::json::array();
        for (const tr::Word& w : cue.words) words.push_back({{"start", w.start}, {"text", w.text}});
        j["words"] = std::move(words);
    }
    return j;
}

nlohmann::json chapterJson(const tr::Chapter& c) {
    return {{"start", c.start},
            {"end", c.end ? nlohmann::json(*c.end) : nlohmann::json(nullptr)},
            {"title", c.title ? nlohmann::json(*c.title) : nlohmann::json(nullptr)},
            {"url", c.url},
            {"img", c.img},
            {"toc", c.toc}};
}

nlohmann::json toJson(const tr::LoadedFile& file) {
    if (const auto* t = std::get_if<tr::Transcript>(&file)) {
        nlohmann::json cues = nlohmann::json::array();
        for (const tr::Cue& cue : t->cues) cues.push_back(cueJson(cue));
        return {{"kind", "transcript"}, {"format", t->format}, {"cues", std::move(cues)}, {"warnings", t->warnings}};
    }
    const auto& list = std::get<tr::ChapterList>(file);
    nlohmann::json chapters = nlohmann::json::array();
    for (const tr::Chapter& c : list.chapters) chapters.push_back(chapterJson(c));
    return {{"kind", "chapters"}, {"chapters", std::move(chapters)}, {"warnings", list.warnings}};
}

} // namespace

int runInspectCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string file;
    if (auto exit = parseCommandLine([&] { file = parseArgs(args); }, "listenalong inspect", kUsage, out, err))
        return *exit;
    try {
        tr::LoadedFile loaded = tr::loadTranscriptFile(file);
        // Invalid UTF-8 cannot reach here (parsers emit U+FFFD), but never let
        // the dump throw: replace rather than fail.
        out << toJson(loaded).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    } catch (const tr::ParseError& e) {
        err << "listenalong inspect: " << e.what() << "\n";
        return 1;
    }
}

} // namespace la::player
