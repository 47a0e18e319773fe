#include "player/config/asset_paths.h"

#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace la::player {

std::string findAssetsDir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> candidates;
    if (!ec) {
        fs::path dir = exe.parent_path();
        candidates.push_back(dir / "assets");
        candidates.push_back(dir / ".." / "share" / "listenalong");
    }
    candidates.push_back(LISTENALONG_INSTALL_ASSETS);
    candidates.push_back(LISTENALONG_SOURCE_ASSETS);
    for (const fs::path& c : candidates) {
        if (fs::is_directory(c / "episode", ec)) return fs::weakly_canonical(c, ec).string();
    }
    return "";
}

std::string defaultEpisodePath() {
    std::string dir = findAssetsDir();
    return dir.empty() ? "" : dir + "/episode/episode.ogg";
}

} // namespace la::player
