#pragma once
// Reads and writes Settings as JSON in settings.json.
//
// File: $XDG_CONFIG_HOME/listenalong/settings.json, or
// ~/.config/listenalong/settings.json (defaultSettingsPath()); tests pass their
// own path. Format: one JSON object, version 1:
//   { "version": 1, "speed": 1.25, "textSize": 2.5, "controlsSize": 0,
//     "lineSpacing": 1.5, "theme": "dark", "volume": 0.8, "muted": false,
//     "timeSavedByShorterPauses": 312.4,
//     "positions": { "episode-01.ogg#2097152-1f3a5c7e9b0d2468":
//                      { "seconds": 312.5, "rewind": true, "saved": 1764860000 } } }
// Position keys are episode identities (episode_identity.h); "rewind" says the
// session that saved it played, so the next open steps back 5 s (settings.h,
// SavedPosition); "saved" is Unix seconds, used to keep only the 200 most
// recent. Files from earlier versions hold "file name": seconds; those are
// still read (as rewind: true) and used only for a file of that name that has
// no identity entry yet; the first save for that file replaces them.
// "textSize" is the one text size; "controlsSize" 0 means automatic. Files
// from before it have "uiTextScale" and "transcriptTextScale": the larger is
// read as the text size, and neither is written back.
//
// Nothing read from the file is trusted: every value goes through sanitize()
// (settings.h); a value of the wrong type is replaced by its default. Unknown
// keys are ignored on load and kept on save, so a newer version's file (or the
// "kiosk" section, kiosk_config.h) survives.
//
// Thread: any thread, but not concurrently on the same store. Saves are atomic
// (temp file + fsync + rename + fsync of the folder): after a crash the file is
// either the old one or the new one, never half of each.

#include "player/config/settings.h"

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
    std::filesystem::path movedTo;     ///< where a damaged file was set aside (empty if it was not)
    bool notOurs = false;              ///< the path holds something that is not a settings file: left alone
};

class SettingsStore {
public:
    explicit SettingsStore(std::filesystem::path file);

    const std::filesystem::path& file() const { return file_; }
    /// The n-th backup name of a damaged file: settings.json.bad, then
    /// settings.json.bad.1, .bad.2, ... An existing backup is never replaced.
    std::filesystem::path badFile(int n = 0) const;
    /// How many backups are kept before giving up on setting another aside.
    static constexpr int kMaxBackups = 1000;

    /// Never throws; see settings_file_read.h for how a file is classified.
    /// Missing file: defaults, no warning. A damaged settings file (empty, or
    /// starts with '{' but is not valid JSON): a warning naming the file and
    /// the problem (line:column for syntax errors), the file is renamed to the
    /// first free badFile(n), and defaults are used. Something that is not a
    /// settings file (song.wav, a folder, a JSON array, unreadable): a warning,
    /// defaults, notOurs set, and the file is neither renamed nor overwritten.
    /// Bad individual values: a warning each, default or clamped value used,
    /// file left alone. Also removes "settings.json.tmp-XXXXXX" files older
    /// than this process (left by a kill during a save).
    SettingsLoadResult load() const;

    /// Writes s (sanitized copy) atomically, creating the folder if needed.
    /// A symlinked settings file is written through: its target is replaced,
    /// the link kept. Top-level keys of the existing file that Settings does
    /// not own (e.g. the "kiosk" section read by kiosk_config.h) are carried
    /// over unchanged. Refuses (returns false) when the path holds something
    /// that is not a settings file; a damaged one is set aside first.
    /// On failure returns false, leaves any existing file untouched, removes the
    /// temporary file, and sets error to text naming the path and the cause.
    bool save(const Settings& s, std::string& error) const;

    /// Deletes this file's orphan temporary files (exact mkstemp name pattern,
    /// same folder, last written before this process started). Returns how many.
    int removeOrphanTemps() const;

private:
    /// Renames the file to the first free badFile(n); empty path and error on failure.
    std::filesystem::path setAside(std::string& error) const;

    std::filesystem::path file_;
};

/// The JSON form written by save(), version 1.
nlohmann::json settingsToJson(const Settings& s);
/// Reads what it can from j (which should be an object); wrong-typed or
/// out-of-range values fall back to default/clamped values with a warning
/// (prefixed by `source`, e.g. the file name) appended to warnings.
Settings settingsFromJson(const nlohmann::json& j, const std::string& source, std::vector<std::string>& warnings);

} // namespace la::player
