#include "player/sidecars.h"

#include <filesystem>
#include <initializer_list>

namespace la::player {

namespace {

namespace fs = std::filesystem;

bool isRegularFile(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

// The first of `folder/stem+suffix` that exists, or "".
std::string firstExisting(const fs::path& folder, const std::string& stem, std::initializer_list<const char*> suffixes) {
    for (const char* suffix : suffixes) {
        fs::path candidate = folder / (stem + suffix);
        if (isRegularFile(candidate)) return candidate.string();
    }
    return "";
}

} // namespace

SidecarPaths findSidecars(const std::string& audioPath, const SidecarPaths& overrides) {
    const fs::path audio(audioPath);
    const fs::path folder = audio.parent_path();
    const std::string stem = audio.stem().string();
    SidecarPaths found = overrides;
    if (found.transcript.empty()) found.transcript = firstExisting(folder, stem, {".vtt", ".transcript.json", ".srt"});
    if (found.chapters.empty()) found.chapters = firstExisting(folder, stem, {".chapters.json"});
    if (found.article.empty()) {
        fs::path article = folder / "article.md";
        if (isRegularFile(article)) found.article = article.string();
    }
    return found;
}

} // namespace la::player
