#include "player/config/settings_file_read.h"

#include "player/config/json_syntax_message.h"
#include "player/config/small_file.h"

namespace la::player {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// The first byte that is not whitespace or part of a UTF-8 byte-order mark.
std::size_t firstMeaningfulByte(const std::string& text) {
    std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    return i;
}

SettingsFileRead result(SettingsFileKind kind, std::string problem) {
    SettingsFileRead r;
    r.kind = kind;
    r.problem = std::move(problem);
    return r;
}

} // namespace

SettingsFileRead readSettingsFile(const fs::path& file) {
    const std::string name = file.string();
    std::error_code ec;
    if (fs::symlink_status(file, ec).type() == fs::file_type::not_found) return {};
    if (!fs::exists(file, ec)) return result(SettingsFileKind::Foreign, name + ": is a broken link");
    std::string text, problem;
    if (!readSmallFile(file, text, problem)) return result(SettingsFileKind::Foreign, name + ": " + problem);
    std::size_t first = firstMeaningfulByte(text);
    if (first < text.size() && text[first] != '{')
        return result(SettingsFileKind::Foreign, name + ": is not a settings file (a settings file is a JSON object "
                                                        "starting with '{')");
    try {
        SettingsFileRead r;
        r.object = json::parse(text);
        r.kind = SettingsFileKind::Settings;
        return r;
    } catch (const json::parse_error& e) {
        return result(SettingsFileKind::Damaged, jsonSyntaxMessage(name, text, e));
    } catch (const json::exception& e) { // e.g. out_of_range: a number too large for a double
        return result(SettingsFileKind::Damaged, name + ": " + e.what());
    }
}

} // namespace la::player
