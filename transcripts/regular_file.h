#pragma once
// Opening a file a user named (audio, transcript, chapters, article, settings,
// kiosk config) so that a wrong kind of path gives a clear message at once:
// a FIFO would block open() until a writer came (the window never opens), a
// device like /dev/zero never ends, a folder reads as nothing. Every path is
// opened with O_NONBLOCK and checked with fstat() on the open descriptor, so
// what is checked is what is read (no race between a stat() and the open()).

#include <cstdint>
#include <string>

namespace la::transcripts {

/// Transcripts, chapters and articles larger than this are refused: the
/// longest real ones are a few MB, and everything is held in memory.
inline constexpr std::uintmax_t kMaxTextFileBytes = 32u * 1024 * 1024;

/// A readable regular file, open; the descriptor closes with the object.
class RegularFile {
public:
    /// Opens `path` (read-only, non-blocking). On failure fd() is -1 and
    /// problem() says why, without the path: "file not found", "is a directory,
    /// not a file", "not a regular file (a FIFO)", "path too long (4100
    /// characters; the limit is 4095)", "cannot be opened: Permission denied".
    explicit RegularFile(const std::string& path);
    ~RegularFile();
    RegularFile(const RegularFile&) = delete;
    RegularFile& operator=(const RegularFile&) = delete;

    bool ok() const { return fd_ >= 0; }
    int fd() const { return fd_; }
    const std::string& problem() const { return problem_; }
    std::uintmax_t size() const { return size_; }  ///< from fstat

    /// Hands the descriptor over (the caller closes it); fd() becomes -1.
    int release();

private:
    int fd_ = -1;
    std::uintmax_t size_ = 0;
    std::string problem_;
};

/// Reads all of `path` into `text` when it is a regular file of at most
/// maxBytes. Otherwise returns false with `problem` as RegularFile's, or
/// "is too large (N bytes; the limit is M MB)", or "cannot be read: REASON".
bool readRegularFile(const std::string& path, std::uintmax_t maxBytes, std::string& text, std::string& problem);

} // namespace la::transcripts
