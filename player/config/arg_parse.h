#pragma once
// Small helpers shared by the command-line front ends: walking argv and
// turning option values into numbers with messages a person understands.

#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace la::player {

/// A command-line mistake; what() is the message to print.
class ArgError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
/// Thrown by parsers when --help was asked for.
struct UsageRequest {};

class ArgCursor {
public:
    explicit ArgCursor(const std::vector<std::string>& args) : args_(args) {}
    bool done() const { return i_ >= args_.size(); }
    std::string next() { return args_[i_++]; }
    /// The value after option `name`; throws ArgError ("--state-file needs a
    /// value") if there is none, or if the next word is another option, so
    /// `--state-file --frames 3` is a mistake rather than a file named
    /// "--frames". Negative numbers ("-3") are values; a file whose name starts
    /// with "--" is given as ./--name.
    std::string value(const std::string& name) {
        if (done() || looksLikeOption(args_[i_])) throw ArgError(name + " needs a value");
        return next();
    }
    /// "--anything", or "-" followed by a letter ("-h"); not "-3", "-.5" or "-".
    static bool looksLikeOption(const std::string& word) {
        if (word.size() < 2 || word[0] != '-') return false;
        const char c = word[1];
        return c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

private:
    const std::vector<std::string>& args_;
    size_t i_ = 0;
};

/// A finite decimal number; throws ArgError naming `option` otherwise.
double parseNumber(const std::string& text, const std::string& option);
/// A number in [min, max]; throws ArgError naming `option`, the range and the
/// value given otherwise ("--speed must be between 0.5 and 3 (got 7)").
double parseNumberInRange(const std::string& text, const std::string& option, double min, double max);
/// Seconds as "90", "90.5", "1:30" or "1:02:03.5": every part digits, a
/// fraction only on the last, minutes and seconds below 60 when a larger part
/// comes first ("1:-30", "99:99:99", "1:90" are refused, naming `option`).
double parseSeconds(const std::string& text, const std::string& option);
/// A whole number >= 0.
long parseCount(const std::string& text, const std::string& option);

/// Runs a subcommand's argument parser `parse` and answers what it throws, the
/// same way for every subcommand: --help (UsageRequest) prints `usage` to out,
/// exit 0; a mistake (ArgError) prints "COMMAND: message" and the usage to
/// err, exit 2. Returns that exit code, or nullopt when the arguments were
/// parsed and the command should run.
std::optional<int> parseCommandLine(const std::function<void()>& parse, std::string_view command,
                                    std::string_view usage, std::ostream& out, std::ostream& err);

} // namespace la::player
