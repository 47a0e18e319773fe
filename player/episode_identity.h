#pragma once
// The key an episode's listening position is saved under. Keying by file name
// alone made every "episode.ogg" in every folder share one position (issue #10
// item 7).
//
// Key: "NAME#SIZE-HASH", the file name, its size in bytes and a 64-bit FNV-1a
// hash of its first 64 KB. Chosen over path + mtime because the position then
// survives moving or renaming the folder, copying the podcast library to a
// new disk or restoring it from a backup (all of which change the path or the
// mtime), while two different files of the same name differ in size or in
// their head (Ogg and WAV headers carry stream serial numbers, lengths and
// tags). The name is kept in the key so settings.json stays readable and old
// name-only keys can be matched. Reading 64 KB costs well under a millisecond.

#include <filesystem>
#include <string>

namespace la::player {

/// Bytes of the file's head that go into the hash.
inline constexpr std::size_t kEpisodeIdentityHeadBytes = 64 * 1024;

/// The identity key of `file`, or its bare file name when it cannot be read
/// (the key then behaves like the old name-only keys).
std::string episodeIdentityKey(const std::filesystem::path& file);

} // namespace la::player
