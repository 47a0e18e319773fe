#include "transcripts/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

namespace la::transcripts {

namespace {

const char* kindOf(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a plain file";
}

std::string openProblem(const std::string& path, int err) {
    switch (err) {
    case ENOENT: return "file not found";
    case ENAMETOOLONG:
        // The kernel refuses paths of PATH_MAX bytes or more (or a component
        // over NAME_MAX): say so, because the file may well exist.
        return "path too long (" + std::to_string(path.size()) + " characters; the system limit is " +
               std::to_string(PATH_MAX - 1) + ", and " + std::to_string(NAME_MAX) + " per name)";
    case ENOTDIR: return "file not found (a part of the path is not a folder)";
    default: return std::string("cannot be opened: ") + std::strerror(err);
    }
}

std::string megabytes(std::uintmax_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MB"; }

} // namespace

RegularFile::RegularFile(const std::string& path) {
    if (path.empty()) {
        problem_ = "file not found (empty path)";
        return;
    }
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        problem_ = openProblem(path, errno);
        return;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        problem_ = std::string("cannot be read: ") + std::strerror(errno);
        ::close(fd);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        problem_ = "is a directory, not a file";
        ::close(fd);
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        problem_ = std::string("not a regular file (") + kindOf(st.st_mode) + ")";
        ::close(fd);
        return;
    }
    // Reads from a regular file never block; clear the flag for readers that care.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    fd_ = fd;
    size_ = std::uintmax_t(st.st_size);
}

RegularFile::~RegularFile() {
    if (fd_ >= 0) ::close(fd_);
}

int RegularFile::release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
}

bool readRegularFile(const std::string& path, std::uintmax_t maxBytes, std::string& text, std::string& problem) {
    RegularFile file(path);
    if (!file.ok()) {
        problem = file.problem();
        return false;
    }
    auto tooLarge = [&](std::uintmax_t bytes) {
        problem = "is too large (" + std::to_string(bytes) + " bytes; the limit is " + megabytes(maxBytes) + ")";
        return false;
    };
    if (file.size() > maxBytes) return tooLarge(file.size());
    std::string out;
    out.reserve(size_t(file.size()));
    // Read to the end rather than trusting st_size: the file may grow while we read.
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(file.fd(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            problem = std::string("cannot be read: ") + std::strerror(errno);
            return false;
        }
        if (n == 0) break;
        if (out.size() + size_t(n) > maxBytes) return tooLarge(out.size() + size_t(n));
        out.append(buf, size_t(n));
    }
    text = std::move(out);
    return true;
}

} // namespace la::transcripts
