#pragma once
// Each file's loudness, measured once (issue #15): a file is known by its
// size, modification time and a hash of its first 64 KiB, so a replaced or
// edited file is measured again and a moved one is not. One line per file in
// a small text file ($XDG_CACHE_HOME/listenalong/loudness.tsv).

#include "media/loudness_meter.h"

#include <optional>
#include <string>

namespace la::media {

/// "size:mtime_ns:hash" of the file, or "" when it cannot be read.
std::string fileIdentity(const std::string& path);

class LoudnessCache {
public:
    /// `file`: where the cache lives (its folder is made when it is written).
    explicit LoudnessCache(std::string file) : file_(std::move(file)) {}

    std::optional<Loudness> find(const std::string& identity) const;
    /// Adds or replaces the entry; returns false with `error` (naming the
    /// file) when it cannot be written. A cache that cannot be written costs
    /// a measurement next time, nothing more.
    bool store(const std::string& identity, const Loudness& loudness, std::string& error) const;

    /// $XDG_CACHE_HOME/listenalong/loudness.tsv (or ~/.cache/...), "" when neither is set.
    static std::string defaultFile();

private:
    std::string file_;
};

} // namespace la::media
