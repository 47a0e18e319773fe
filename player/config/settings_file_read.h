#pragma once
// Reading settings.json and deciding what kind of file it is, so that the
// store knows what it may do with it: use it, set a damaged one aside, or
// leave a file that was never ours strictly alone (--settings pointed at
// song.wav must not rename or overwrite song.wav).

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace la::player {

enum class SettingsFileKind {
    Missing,  ///< nothing at that path: first run
    Settings, ///< a JSON object: ours (values are checked later, one by one)
    Damaged,  ///< meant to be ours but unusable: set it aside, start from defaults
    Foreign,  ///< not a settings file (or not readable): never rename, never overwrite
};

struct SettingsFileRead {
    SettingsFileKind kind = SettingsFileKind::Missing;
    nlohmann::json object;  ///< the top-level object when kind == Settings
    std::string problem;    ///< for Damaged/Foreign: "PATH[:LINE:COL]: what is wrong"
};

/// What "not a settings file" means here (Foreign): the path is a folder, is
/// too large or cannot be read (we cannot tell what it is, so we must not
/// touch it), or its first byte after whitespace (and a UTF-8 byte-order
/// mark) is not '{' - binary data, a WAV/Ogg/PNG, plain text, a JSON array or
/// number. Every settings file ListenAlong writes starts with '{'.
/// Damaged: an empty or whitespace-only file (what a non-atomic writer leaves
/// after a crash), or text that starts with '{' but is not valid JSON (a
/// truncated or hand-edited settings file).
SettingsFileRead readSettingsFile(const std::filesystem::path& file);

} // namespace la::player
