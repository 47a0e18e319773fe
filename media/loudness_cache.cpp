#include "media/loudness_cache.h"

#include <sys/stat.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace la::media {
namespace {

constexpr int kCacheLimit = 500; // files; the oldest entries go first

std::uint64_t fnv1a(const char* data, size_t n) {
    std::uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 1099511628211ull;
    return h;
}

struct Entry {
    std::string identity;
    Loudness loudness;
};

std::vector<Entry> readAll(const std::string& file) {
    std::vector<Entry> out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        Entry e;
        if (std::getline(fields, e.identity, '\t') && fields >> e.loudness.integratedLufs >> e.loudness.truePeakDbtp &&
            !e.identity.empty()) {
            double target = 0, gain = 0;
            if (fields >> target >> gain) e.loudness.gainTarget = target, e.loudness.gainDb = gain;
            out.push_back(e); // a damaged line is skipped: that file is measured again
        }
    }
    return out;
}

} // namespace

std::string fileIdentity(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
    std::ifstream in(path, std::ios::binary);
    if (!in) return "";
    std::vector<char> head(64 * 1024);
    in.read(head.data(), std::streamsize(head.size()));
    const std::int64_t mtimeNs = std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    char id[96];
    std::snprintf(id, sizeof id, "%lld:%lld:%016llx", static_cast<long long>(st.st_size), static_cast<long long>(mtimeNs),
                  static_cast<unsigned long long>(fnv1a(head.data(), size_t(in.gcount()))));
    return id;
}

std::optional<Loudness> LoudnessCache::find(const std::string& identity) const {
    if (identity.empty()) return std::nullopt;
    for (const Entry& e : readAll(file_))
        if (e.identity == identity) return e.loudness;
    return std::nullopt;
}

bool LoudnessCache::store(const std::string& identity, const Loudness& loudness, std::string& error) const {
    if (identity.empty() || file_.empty()) return true;
    std::vector<Entry> entries = readAll(file_);
    std::erase_if(entries, [&](const Entry& e) { return e.identity == identity; });
    entries.push_back({identity, loudness});
    if (entries.size() > size_t(kCacheLimit)) entries.erase(entries.begin(), entries.end() - kCacheLimit);
    std::error_code ec;
    const std::filesystem::path path(file_);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    // Written beside and renamed: a reader never sees half a file.
    const std::string tmp = file_ + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        char line[160];
        for (const Entry& e : entries) {
            if (std::isfinite(e.loudness.gainDb))
                std::snprintf(line, sizeof line, "\t%.3f\t%.3f\t%.3f\t%.3f\n", e.loudness.integratedLufs,
                              e.loudness.truePeakDbtp, e.loudness.gainTarget, e.loudness.gainDb);
            else
                std::snprintf(line, sizeof line, "\t%.3f\t%.3f\n", e.loudness.integratedLufs, e.loudness.truePeakDbtp);
            out << e.identity << line;
        }
        if (!out.flush()) {
            error = "cannot write the loudness cache " + tmp;
            return false;
        }
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        error = "cannot write the loudness cache " + file_ + ": " + ec.message();
        return false;
    }
    return true;
}

std::string LoudnessCache::defaultFile() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/listenalong/loudness.tsv";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/listenalong/loudness.tsv";
    return "";
}

} // namespace la::media
