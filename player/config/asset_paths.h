#pragma once
// Finds the bundled assets: next to the executable (build tree), in the
// install tree (../share/listenalong), or in the source tree.

#include <string>

namespace la::player {

/// The assets folder, or "" when none of the candidates exists.
std::string findAssetsDir();
/// The bundled episode (assets/episode/episode.ogg); "" when not found.
std::string defaultEpisodePath();

} // namespace la::player
