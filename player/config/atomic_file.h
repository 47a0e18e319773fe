#pragma once
// Replacing a file so that a crash, a kill or a full disk at any moment leaves
// either the old file or the complete new one, never a partial one: write a
// temporary file next to it (same folder, so rename() stays on one file
// system), fsync it, rename it over the target, fsync the folder.
// Used by the settings store and by `listenalong render`.

#include <filesystem>
#include <string>

namespace la::player {

class AtomicFile {
public:
    /// Creates "<target name>.tmp-XXXXXX" (mkstemp) in target's folder,
    /// first creating the folder if asked to. On failure ok() is false and error()
    /// names the path and the cause. A symlink target is written through: the
    /// link's final target is replaced and the link itself is kept.
    enum class Folder { MustExist, Create };
    explicit AtomicFile(const std::filesystem::path& target, Folder folder = Folder::MustExist);
    /// Removes the temporary file unless commit() succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    bool ok() const { return fd_ >= 0; }
    const std::string& error() const { return error_; }
    /// The file to write (by path or by fd()); it starts empty.
    const std::filesystem::path& tempPath() const { return temp_; }
    int fd() const { return fd_; }

    /// Appends bytes to the temporary file; false (and error()) on failure.
    bool write(const std::string& bytes);
    /// fsync + close + rename over the target + fsync of the folder.
    /// False (and error()) on failure; the target is then untouched.
    bool commit();

    /// The file a path finally names: symlinks followed (a dangling link
    /// resolves to where it points). Temporary files are made beside it.
    static std::filesystem::path resolveLinks(const std::filesystem::path& target);
    /// "<name>.tmp-" followed by exactly six mkstemp characters.
    static bool isTempNameFor(const std::string& candidate, const std::string& targetName);

private:
    bool fail(const std::string& step, int err);

    std::string name_;             ///< the path as given, for messages
    std::filesystem::path target_; ///< after resolving symlinks
    std::filesystem::path temp_;
    std::string error_;
    int fd_ = -1;
    bool committed_ = false;
};

} // namespace la::player
