#include "player/episode_identity.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <vector>

namespace la::player {

namespace {

std::uint64_t fnv1a64(const char* data, std::size_t n) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (std::size_t i = 0; i < n; ++i) {
        h ^= static_cast<unsigned char>(data[i]);
        h *= 0x100000001b3ull;
    }
    return h;
}

} // namespace

std::string episodeIdentityKey(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    std::ifstream in(file, std::ios::binary);
    if (ec || !in) return name;
    std::vector<char> head(kEpisodeIdentityHeadBytes);
    in.read(head.data(), std::streamsize(head.size()));
    if (in.bad()) return name;
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a64(head.data(), std::size_t(in.gcount()))));
    return name + "#" + std::to_string(size) + "-" + hash;
}

} // namespace la::player
