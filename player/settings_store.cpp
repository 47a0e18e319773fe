#include "player/settings_store.h"

#include "player/small_file.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

namespace la::player {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kFormatVersion = 1;

std::string errnoText(int err) { return std::strerror(err); }

// ---- reading values --------------------------------------------------------

void readNumber(const json& j, const char* key, double& out, const std::string& source,
                std::vector<std::string>& warnings) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (it->is_number()) {
        out = it->get<double>();
        return;
    }
    warnings.push_back(source + ": " + key + " should be a number, not " + it->dump() + "; using the default");
}

void readBool(const json& j, const char* key, bool& out, const std::string& source,
              std::vector<std::string>& warnings) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (it->is_boolean()) {
        out = it->get<bool>();
        return;
    }
    warnings.push_back(source + ": " + key + " should be true or false, not " + it->dump() + "; using the default");
}

// "textSize" and "controlsSize" (0: automatic). Files from before one text
// size had two ("uiTextScale" for controls, "transcriptTextScale" for the
// words): the larger of them is what that reader chose to read at.
void readTextSize(const json& j, Settings& s, const std::string& source, std::vector<std::string>& warnings) {
    if (j.contains("textSize")) {
        readNumber(j, "textSize", s.textScale, source, warnings);
    } else if (j.contains("uiTextScale") || j.contains("transcriptTextScale")) {
        double ui = 0, words = 0;
        readNumber(j, "uiTextScale", ui, source, warnings);
        readNumber(j, "transcriptTextScale", words, source, warnings);
        s.textScale = std::max(ui, words);
    }
    readNumber(j, "controlsSize", s.controlsScale, source, warnings);
}

// Keys this version replaced: read once (readTextSize), never written back.
bool isRetiredKey(const std::string& key) { return key == "uiTextScale" || key == "transcriptTextScale"; }

void readTheme(const json& j, ThemeChoice& out, const std::string& source, std::vector<std::string>& warnings) {
    if (std::string problem = readThemeKey(j, out); !problem.empty()) warnings.push_back(source + ": " + problem);
}

void readPositions(const json& j, std::map<std::string, double>& out, const std::string& source,
                   std::vector<std::string>& warnings) {
    auto it = j.find("positions");
    if (it == j.end()) return;
    if (!it->is_object()) {
        warnings.push_back(source + ": positions should be an object of episode: seconds; ignoring it");
        return;
    }
    for (const auto& [key, value] : it->items()) {
        if (value.is_number())
            out[key] = value.get<double>();
        else
            warnings.push_back(source + ": position for episode \"" + key + "\" should be a number of seconds, not " +
                               value.dump() + "; forgetting it");
    }
}

// ---- files -----------------------------------------------------------------



bool writeAll(int fd, const std::string& bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

bool fsyncFolder(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

/// The current file's top-level object, or an empty object if there is no
/// readable, well-formed one.
json readExistingObject(const fs::path& file) {
    std::string text, problem;
    std::error_code ec;
    if (fs::symlink_status(file, ec).type() == fs::file_type::not_found || !readSmallFile(file, text, problem))
        return json::object();
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    return j.is_object() ? j : json::object();
}

/// temp file in the same folder -> fsync -> rename over `file` -> fsync folder.
bool writeFileAtomically(const fs::path& file, const std::string& bytes, std::string& error) {
    fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        error = dir.string() + ": cannot create folder: " + ec.message();
        return false;
    }
    std::string pattern = (dir / (file.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        error = file.string() + ": cannot create temporary file in " + dir.string() + ": " + errnoText(errno);
        return false;
    }
    const std::string tmp = pattern;
    const char* step = nullptr;
    if (!writeAll(fd, bytes))
        step = "cannot write temporary file";
    else if (::fsync(fd) != 0)
        step = "cannot flush temporary file to disk";
    int err = errno;
    if (::close(fd) != 0 && !step) {
        step = "cannot close temporary file";
        err = errno;
    }
    if (!step && ::rename(tmp.c_str(), file.c_str()) != 0) {
        step = "cannot replace the settings file";
        err = errno;
    }
    if (step) {
        ::unlink(tmp.c_str());
        error = file.string() + ": " + step + ": " + errnoText(err);
        return false;
    }
    // The rename is done; a failed folder fsync only weakens durability.
    fsyncFolder(dir);
    return true;
}

} // namespace

// ---- public ----------------------------------------------------------------

fs::path defaultSettingsPath() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && xdg[0] == '/') return fs::path(xdg) / "listenalong" / "settings.json";
    std::string home;
    if (const char* h = std::getenv("HOME"); h && h[0] == '/') {
        home = h;
    } else {
        struct passwd pw;
        struct passwd* result = nullptr;
        std::vector<char> buf(16384);
        if (::getpwuid_r(::getuid(), &pw, buf.data(), buf.size(), &result) == 0 && result && result->pw_dir)
            home = result->pw_dir;
    }
    if (home.empty()) return {};
    return fs::path(home) / ".config" / "listenalong" / "settings.json";
}

SettingsStore::SettingsStore(fs::path file) : file_(std::move(file)) {}

fs::path SettingsStore::badFile() const {
    fs::path bad = file_;
    bad += ".bad";
    return bad;
}

SettingsLoadResult SettingsStore::load() const {
    SettingsLoadResult result;
    const std::string name = file_.string();
    std::error_code ec;
    if (file_.empty()) {
        result.warnings.push_back("no settings file location (no home folder); using default settings");
        return result;
    }
    if (fs::symlink_status(file_, ec).type() == fs::file_type::not_found)
        return result; // first run: defaults, quietly

    // An unusable file is reported, moved aside (so the next save does not
    // destroy what the user may want to recover) and replaced by defaults.
    auto giveUp = [&](std::string warning) {
        warning += "; using default settings";
        fs::rename(file_, badFile(), ec);
        if (ec) {
            warning += " (could not move it to " + badFile().string() + ": " + ec.message() + ")";
        } else {
            warning += " (the old file is kept as " + badFile().string() + ")";
            result.movedAside = true;
        }
        result.warnings.push_back(std::move(warning));
        return result;
    };

    std::string text, problem;
    if (!readSmallFile(file_, text, problem)) return giveUp(name + ": " + problem);
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        return giveUp(jsonSyntaxMessage(name, text, e));
    } catch (const json::exception& e) { // e.g. out_of_range: a number too large for a double
        return giveUp(name + ": " + e.what());
    }
    if (!j.is_object())
        return giveUp(name + ": should contain a JSON object { ... }, not " + std::string(j.type_name()));
    result.settings = settingsFromJson(j, name, result.warnings);
    return result;
}

bool SettingsStore::save(const Settings& s, std::string& error) const {
    if (file_.empty()) {
        error = "no settings file location (no home folder)";
        return false;
    }
    Settings clean = s;
    sanitize(clean);
    json out = settingsToJson(clean);
    // Keep keys this version does not own (e.g. the "kiosk" section of
    // kiosk_config.h, or a newer version's options) instead of erasing them.
    const json existing = readExistingObject(file_); // named: items() only refers to it
    for (const auto& [key, value] : existing.items())
        if (!out.contains(key) && !isRetiredKey(key)) out[key] = value;
    return writeFileAtomically(file_, out.dump(2) + "\n", error);
}

json settingsToJson(const Settings& s) {
    json positions = json::object();
    for (const auto& [key, seconds] : s.positions) positions[key] = seconds;
    return json{{"version", kFormatVersion},
                {"speed", s.speed},
                {"textSize", s.textScale},
                {"controlsSize", s.controlsScale},
                {"lineSpacing", s.lineSpacing},
                {"theme", std::string(themeName(s.theme))},
                {"volume", s.volume},
                {"muted", s.muted},
                {"positions", std::move(positions)}};
}

Settings settingsFromJson(const json& j, const std::string& source, std::vector<std::string>& warnings) {
    Settings s;
    if (!j.is_object()) {
        warnings.push_back(source + ": settings should be a JSON object; using default settings");
        return s;
    }
    readNumber(j, "speed", s.speed, source, warnings);
    readTextSize(j, s, source, warnings);
    readNumber(j, "lineSpacing", s.lineSpacing, source, warnings);
    readNumber(j, "volume", s.volume, source, warnings);
    readBool(j, "muted", s.muted, source, warnings);
    readTheme(j, s.theme, source, warnings);
    readPositions(j, s.positions, source, warnings);
    for (auto& w : sanitize(s)) warnings.push_back(source + ": " + w);
    return s;
}

} // namespace la::player
