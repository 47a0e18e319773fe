#include "player/config/settings_store.h"

#include "player/config/atomic_file.h"
#include "player/config/json_fields.h"
#include "player/config/settings_file_read.h"
#include "player/config/theme_key.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

namespace la::player {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kFormatVersion = 1;

// ---- reading values --------------------------------------------------------

// "textSize" and "controlsSize" (0: automatic). Files from before one text
// size had two ("uiTextScale" for controls, "transcriptTextScale" for the
// words): the larger of them is what that reader chose to read at.
void readTextSize(const json& j, JsonFields& in, Settings& s) {
    if (j.contains("textSize")) {
        in.number("textSize", s.textScale);
    } else if (j.contains("uiTextScale") || j.contains("transcriptTextScale")) {
        double ui = 0, words = 0;
        in.number("uiTextScale", ui);
        in.number("transcriptTextScale", words);
        s.textScale = std::max(ui, words);
    }
    in.number("controlsSize", s.controlsScale);
}

// Keys this version replaced: read once (readTextSize), never written back.
bool isRetiredKey(const std::string& key) { return key == "uiTextScale" || key == "transcriptTextScale"; }

void readTheme(const json& j, JsonFields& in, ui::ThemeId& out) {
    if (std::string problem = readThemeKey(j, out); !problem.empty()) in.warn(problem);
}

/// One entry of "positions": { "seconds": 312.5, "rewind": true, "saved": 1764860000 },
/// or a bare number of seconds as written by earlier versions (read as a
/// played session: rewind on, never saved, so the first to be dropped).
std::optional<SavedPosition> readPosition(const json& value) {
    if (value.is_number()) return SavedPosition{value.get<double>(), true, 0};
    if (!value.is_object()) return std::nullopt;
    auto seconds = value.find("seconds");
    if (seconds == value.end() || !seconds->is_number()) return std::nullopt;
    SavedPosition p{seconds->get<double>(), true, 0};
    if (auto r = value.find("rewind"); r != value.end() && r->is_boolean()) p.rewind = r->get<bool>();
    if (auto t = value.find("saved"); t != value.end() && t->is_number_integer()) p.lastUsed = t->get<std::int64_t>();
    return p;
}

void readPositions(const json& j, JsonFields& in, std::map<std::string, SavedPosition>& out) {
    auto it = j.find("positions");
    if (it == j.end()) return;
    if (!it->is_object()) {
        in.warn("positions should be an object of episode: position; ignoring it");
        return;
    }
    for (const auto& [key, value] : it->items()) {
        if (auto p = readPosition(value))
            out[key] = *p;
        else
            in.warn("position for episode \"" + key +
                    "\" should be { \"seconds\": number, ... } or a number of seconds, not " + value.dump() +
                    "; forgetting it");
    }
}

// ---- files -----------------------------------------------------------------



/// Renames `from` to `to` only if `to` does not exist, so an earlier backup
/// is never replaced.
bool renameNoReplace(const fs::path& from, const fs::path& to, int& err) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
    err = errno;
    if (err != EINVAL && err != ENOSYS) return false;
    // A file system without RENAME_NOREPLACE: link() also refuses to replace.
    if (::link(from.c_str(), to.c_str()) != 0) {
        err = errno;
        return false;
    }
    ::unlink(from.c_str());
    return true;
}

/// When this process started (the mtime of /proc/self), so that only temp
/// files from earlier runs count as orphans; a running writer's are newer.
fs::file_time_type processStartTime() {
    std::error_code ec;
    auto t = fs::last_write_time("/proc/self", ec);
    return ec ? fs::file_time_type::clock::now() - std::chrono::minutes(1) : t;
}

bool writeFileAtomically(const fs::path& file, const std::string& bytes, std::string& error) {
    AtomicFile out(file, AtomicFile::Folder::Create);
    if (out.ok() && out.write(bytes) && out.commit()) return true;
    error = out.error();
    return false;
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

fs::path SettingsStore::badFile(int n) const {
    fs::path bad = file_;
    bad += n == 0 ? std::string(".bad") : ".bad." + std::to_string(n);
    return bad;
}

fs::path SettingsStore::setAside(std::string& error) const {
    int err = 0;
    for (int n = 0; n < kMaxBackups; ++n) {
        if (renameNoReplace(file_, badFile(n), err)) return badFile(n);
        if (err != EEXIST) break;
    }
    error = "could not move it aside: " + std::string(err == EEXIST ? "too many .bad copies" : std::strerror(err));
    return {};
}

int SettingsStore::removeOrphanTemps() const {
    std::error_code ec;
    // Saves write beside the link's target, so that is where orphans are.
    const fs::path target = AtomicFile::resolveLinks(file_);
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const std::string name = target.filename().string();
    const auto started = processStartTime();
    int removed = 0;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::error_code entryEc;
        if (!AtomicFile::isTempNameFor(entry.path().filename().string(), name)) continue;
        if (!entry.is_regular_file(entryEc) || entry.last_write_time(entryEc) >= started || entryEc) continue;
        if (fs::remove(entry.path(), entryEc)) ++removed;
    }
    return removed;
}

SettingsLoadResult SettingsStore::load() const {
    SettingsLoadResult result;
    if (file_.empty()) {
        result.warnings.push_back("no settings file location (no home folder); using default settings");
        return result;
    }
    removeOrphanTemps();
    SettingsFileRead read = readSettingsFile(file_);
    switch (read.kind) {
    case SettingsFileKind::Missing: return result; // first run: defaults, quietly
    case SettingsFileKind::Foreign:
        result.notOurs = true;
        result.warnings.push_back(read.problem + "; using default settings and leaving the file as it is (nothing "
                                                 "will be saved there)");
        return result;
    case SettingsFileKind::Damaged: {
        // Reported and moved aside, so the next save cannot destroy what the
        // user may want to recover; every earlier copy is kept too.
        std::string warning = read.problem + "; using default settings", error;
        result.movedTo = setAside(error);
        if (result.movedTo.empty()) {
            result.notOurs = true; // still there and unusable: do not overwrite it either
            warning += " (" + error + ", so nothing will be saved there)";
        } else {
            warning += " (the old file is kept as " + result.movedTo.string() + ")";
        }
        result.warnings.push_back(std::move(warning));
        return result;
    }
    case SettingsFileKind::Settings: break;
    }
    result.settings = settingsFromJson(read.object, file_.string(), result.warnings);
    return result;
}

bool SettingsStore::save(const Settings& s, std::string& error) const {
    if (file_.empty()) {
        error = "no settings file location (no home folder)";
        return false;
    }
    SettingsFileRead existing = readSettingsFile(file_);
    if (existing.kind == SettingsFileKind::Foreign) {
        error = existing.problem + "; not saving settings over it";
        return false;
    }
    if (existing.kind == SettingsFileKind::Damaged) {
        std::string asideError;
        if (setAside(asideError).empty()) {
            error = existing.problem + "; " + asideError + ", so settings were not saved";
            return false;
        }
    }
    Settings clean = s;
    sanitize(clean);
    json out = settingsToJson(clean);
    // Keep keys this version does not own (e.g. the "kiosk" section of
    // kiosk_config.h, or a newer version's options) instead of erasing them.
    if (existing.kind == SettingsFileKind::Settings)
        for (const auto& [key, value] : existing.object.items())
            if (!out.contains(key) && !isRetiredKey(key)) out[key] = value;
    return writeFileAtomically(file_, out.dump(2) + "\n", error);
}

json settingsToJson(const Settings& s) {
    json positions = json::object();
    for (const auto& [key, p] : s.positions)
        positions[key] = {{"seconds", p.seconds}, {"rewind", p.rewind}, {"saved", p.lastUsed}};
    return json{{"version", kFormatVersion},
                {"speed", s.speed},
                {"textSize", s.textScale},
                {"controlsSize", s.controlsScale},
                {"lineSpacing", s.lineSpacing},
                {"theme", std::string(themeName(s.theme))},
                {"volume", s.volume},
                {"muted", s.muted},
                {"evenLoudness", s.evenLoudness},
                {"loudnessTarget", s.loudnessTarget},
                {"voiceBoost", s.voiceBoost},
                {"shortenPauses", s.shortenPauses},
                {"speech", s.speech},
                {"speechVoice", s.speechVoice},
                {"speechRate", s.speechRate},
                {"speechVolume", s.speechVolume},
                {"speechOverEpisode", std::string(speechOverEpisodeName(s.speechOverEpisode))},
                {"timeSavedByShorterPauses", s.pausesSavedSeconds},
                {"positions", std::move(positions)}};
}

Settings settingsFromJson(const json& j, const std::string& source, std::vector<std::string>& warnings) {
    Settings s;
    if (!j.is_object()) {
        warnings.push_back(source + ": settings should be a JSON object; using default settings");
        return s;
    }
    JsonFields in(j, source, warnings);
    in.number("speed", s.speed);
    readTextSize(j, in, s);
    in.number("lineSpacing", s.lineSpacing);
    in.number("volume", s.volume);
    in.boolean("muted", s.muted);
    in.boolean("evenLoudness", s.evenLoudness);
    in.number("loudnessTarget", s.loudnessTarget);
    in.boolean("voiceBoost", s.voiceBoost);
    in.boolean("shortenPauses", s.shortenPauses);
    readTheme(j, in, s.theme);
    in.boolean("speech", s.speech);
    in.string("speechVoice", s.speechVoice);
    in.number("speechRate", s.speechRate);
    in.number("speechVolume", s.speechVolume);
    in.speechOverEpisode("speechOverEpisode", s.speechOverEpisode);
    readPositions(j, in, s.positions);
    in.number("timeSavedByShorterPauses", s.pausesSavedSeconds);
    for (auto& w : sanitize(s)) warnings.push_back(source + ": " + w);
    return s;
}

} // namespace la::player
