#include "player/window_title.h"

namespace la::player {

std::string windowTitle(const TitleFacts& f) {
    const std::string app = "ListenAlong \u2014 ";
    if (!f.loaded) return app + (f.episodeTitle.empty() ? "no episode" : f.episodeTitle);
    std::string title = app + (f.playing ? "Playing" : "Paused");
    if (f.chapter > 0 && f.chapter <= f.chapterCount)
        return title + " \u2014 Chapter " + std::to_string(f.chapter) + " of " + std::to_string(f.chapterCount);
    return f.episodeTitle.empty() ? title : title + " \u2014 " + f.episodeTitle;
}

} // namespace la::player
