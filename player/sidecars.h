#pragma once
// Finding the files that belong to an episode, the way mpv finds external
// subtitles: beside the audio file, named after it.
//
//   episode.ogg -> episode.vtt | episode.transcript.json | episode.srt   (first found)
//               -> episode.chapters.json
//               -> article.md                                 (same folder)
//
// Only the file system is consulted (existence of regular files); nothing is
// opened or parsed. Names are matched exactly (case-sensitive).

#include <string>

namespace la::player {

/// Paths of an episode's companion files; an empty string means "none".
struct SidecarPaths {
    std::string transcript;
    std::string chapters;
    std::string article;
};

/// The sidecars of `audioPath`. A non-empty field of `overrides` (from
/// --transcript/--chapters/--article) is used as given, even if that file does
/// not exist (loading it reports the error); empty fields are searched for.
/// Transcript preference: NAME.vtt, then NAME.transcript.json, then NAME.srt,
/// where NAME is the audio file name without its last extension. Returned
/// paths are the audio file's folder joined with the sidecar name.
SidecarPaths findSidecars(const std::string& audioPath, const SidecarPaths& overrides);

} // namespace la::player
