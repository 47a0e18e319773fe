#pragma once
// The window's title says what the player is doing, for a screen reader's
// window list and the task switcher: "ListenAlong — Playing — Chapter 4 of 9".

#include <cstddef>
#include <string>

namespace la::player {

struct TitleFacts {
    bool loaded = false;            ///< an episode is open
    bool playing = false;
    std::size_t chapter = 0;        ///< 1-based chapter being heard; 0: none (before the first, or no chapters)
    std::size_t chapterCount = 0;
    std::string episodeTitle;       ///< said when there is no chapter to say
};

std::string windowTitle(const TitleFacts& facts);

} // namespace la::player
