#include "player/config/small_file.h"

#include "transcripts/regular_file.h"

namespace la::player {

bool readSmallFile(const std::filesystem::path& file, std::string& text, std::string& problem) {
    return transcripts::readRegularFile(file.string(), kMaxSmallFileBytes, text, problem);
}

} // namespace la::player
