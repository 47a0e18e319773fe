#pragma once
// Reading a small file the player owns (settings, the kiosk config, the PIN
// lockout) whole, refusing anything that is not a regular file of modest size.

#include <cstdint>
#include <filesystem>
#include <string>

namespace la::player {

/// Files larger than this are refused (a settings file is a few hundred bytes).
inline constexpr std::uintmax_t kMaxSmallFileBytes = 4 * 1024 * 1024;

/// Reads the whole file into `text` (a regular file only: a FIFO or a device
/// never blocks or fills memory). On failure returns false and sets `problem`
/// to transcripts::readRegularFile's message: "file not found", "is a
/// directory, not a file", "not a regular file (a FIFO)", "is too large (N
/// bytes; the limit is 4 MB)", "cannot be read: REASON".
bool readSmallFile(const std::filesystem::path& file, std::string& text, std::string& problem);

} // namespace la::player
