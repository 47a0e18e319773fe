#include "player/config/atomic_file.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace la::player {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTempInfix = ".tmp-";
constexpr std::size_t kMkstempChars = 6;

bool fsyncFolder(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

fs::path folderOf(const fs::path& file) { return file.parent_path().empty() ? fs::path(".") : file.parent_path(); }

} // namespace

AtomicFile::AtomicFile(const fs::path& target, Folder folder) : name_(target.string()), target_(resolveLinks(target)) {
    fs::path dir = folderOf(target_);
    std::error_code ec;
    if (folder == Folder::Create) fs::create_directories(dir, ec);
    if (ec) {
        error_ = dir.string() + ": cannot create folder: " + ec.message();
        return;
    }
    std::string pattern = (dir / (target_.filename().string() + kTempInfix + std::string(kMkstempChars, 'X'))).string();
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0) {
        error_ = target.string() + ": cannot create temporary file in " + dir.string() + ": " + std::strerror(errno);
        return;
    }
    temp_ = pattern;
    // mkstemp makes 0600; a new file should get the usual 0666 minus umask,
    // and a replaced one keeps its permissions.
    struct stat old{};
    mode_t mode;
    if (::stat(target_.c_str(), &old) == 0) {
        mode = old.st_mode & 07777;
    } else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    ::fchmod(fd_, mode);
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

bool AtomicFile::fail(const std::string& step, int err) {
    error_ = name_ + ": " + step + ": " + std::strerror(err);
    return false;
}

bool AtomicFile::write(const std::string& bytes) {
    if (fd_ < 0) return false;
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write temporary file", errno);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

bool AtomicFile::commit() {
    if (fd_ < 0) return false;
    if (::fsync(fd_) != 0) return fail("cannot flush temporary file to disk", errno);
    int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) return fail("cannot close temporary file", errno);
    if (::rename(temp_.c_str(), target_.c_str()) != 0) return fail("cannot replace the file", errno);
    committed_ = true;
    // The rename is done; a failed folder fsync only weakens durability.
    fsyncFolder(folderOf(target_));
    return true;
}

fs::path AtomicFile::resolveLinks(const fs::path& target) {
    std::error_code ec;
    fs::path p = target;
    for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(p, ec)); ++hops) {
        fs::path next = fs::read_symlink(p, ec);
        if (ec) break;
        p = next.is_absolute() ? next : p.parent_path() / next;
    }
    return p;
}

bool AtomicFile::isTempNameFor(const std::string& candidate, const std::string& targetName) {
    const std::string prefix = targetName + kTempInfix;
    if (candidate.size() != prefix.size() + kMkstempChars || candidate.compare(0, prefix.size(), prefix) != 0)
        return false;
    for (std::size_t i = prefix.size(); i < candidate.size(); ++i) {
        char c = candidate[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) return false;
    }
    return true;
}

} // namespace la::player
