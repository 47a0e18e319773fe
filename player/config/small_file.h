#pragma once
// Reading the small JSON files the player owns (settings, kiosk config), with
// messages that name the file and the problem.

#include "player/config/settings.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace la::player {

/// Files larger than this are refused (a settings file is a few hundred bytes).
inline constexpr std::uintmax_t kMaxSmallFileBytes = 4 * 1024 * 1024;

/// Reads the whole file into `text` (a regular file only: a FIFO or a device
/// never blocks or fills memory). On failure returns false and sets `problem`
/// to transcripts::readRegularFile's message: "file not found", "is a
/// directory, not a file", "not a regular file (a FIFO)", "is too large (N
/// bytes; the limit is 4 MB)", "cannot be read: REASON".
bool readSmallFile(const std::filesystem::path& file, std::string& text, std::string& problem);

/// "SOURCE:LINE:COL: problem" for a JSON syntax error found in `text`
/// (nlohmann reports a byte offset; people need a line and a column).
std::string jsonSyntaxMessage(const std::string& source, std::string_view text, const nlohmann::json::parse_error& e);

/// The "theme" key of `j` into `out` when it names a theme. Returns what is
/// wrong with it ("theme should be ... not X; using <out>") when it is there
/// but names none, else an empty string.
std::string readThemeKey(const nlohmann::json& j, ThemeChoice& out);

} // namespace la::player
