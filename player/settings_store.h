#pragma once
// Reads and writes Settings as JSON in settings.json.
//
// File: $XDG_CONFIG_HOME/listenalong/settings.json, or
// ~/.config/listenalong/settings.json (defaultSettingsPath()); tests pass their
// own path. Format: one JSON object, version 1:
//   { "version": 1, "speed": 1.25, "uiTextScale": 2.0, "transcriptTextScale": 2.5,
//     "lineSpacing": 1.5, "theme": "dark", "volume": 0.8, "muted": false,
//     "positions": { "episode-01.ogg": 312.5 } }
//
// Nothing read from the file is trusted: every value goes through sanitize()
// (settings.h); a value of the wrong type is replaced by its default. Unknown
// keys are ignored on load and kept on save, so a newer version's file (or the
// "kiosk" section, kiosk_config.h) survives.
//
// Thread: any thread, but not concurrently on the same store. Saves are atomic
// (temp file + fsync + rename + fsync of the folder): after a crash the file is
// either the old one or the new one, never half of each.

#include "player/settings.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace la::player {

/// $XDG_CONFIG_HOME/listenalong/settings.json when XDG_CONFIG_HOME is an
/// absolute path, else $HOME/.config/listenalong/settings.json (home from the
/// password database if HOME is unset). Empty if no home can be found.
std::filesystem::path defaultSettingsPath();

struct SettingsLoadResult {
    Settings settings;                 ///< always usable: defaults where the file said nothing valid
    std::vector<std::string> warnings; ///< each names the file, e.g. "/x/settings.json:3:14: syntax error ..."
    bool movedAside = false;           ///< the file was unusable and is now settings.json.bad
};

class SettingsStore {
public:
    explicit SettingsStore(std::filesystem::path file);

    const std::filesystem::path& file() const { return file_; }
    /// Where an unusable file is moved: the file name plus ".bad" (replacing any older one).
    std::filesystem::path badFile() const;

    /// Missing file: defaults, no warning. Unreadable file, malformed JSON or a
    /// top level that is not an object: a warning naming the file and the
    /// problem (with line:column for JSON syntax errors), the file is renamed to
    /// badFile(), and defaults are used. Bad individual values: a warning each,
    /// default or clamped value used, file left alone. Never throws.
    SettingsLoadResult load() const;

    /// Writes s (sanitized copy) atomically, creating the folder if needed.
    /// Top-level keys of the existing file that Settings does not own (e.g. the
    /// "kiosk" section read by kiosk_config.h) are carried over unchanged.
    /// On failure returns false, leaves any existing file untouched, removes the
    /// temporary file, and sets error to text naming the path and the cause.
    bool save(const Settings& s, std::string& error) const;

private:
    std::filesystem::path file_;
};

/// The JSON form written by save(), version 1.
nlohmann::json settingsToJson(const Settings& s);
/// Reads what it can from j (which should be an object); wrong-typed or
/// out-of-range values fall back to default/clamped values with a warning
/// (prefixed by `source`, e.g. the file name) appended to warnings.
Settings settingsFromJson(const nlohmann::json& j, const std::string& source, std::vector<std::string>& warnings);

} // namespace la::player
