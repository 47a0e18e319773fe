#pragma once
// The one error type every parser in transcripts/ throws for input it cannot
// accept. what() reads "FILE:LINE:COL: problem" (":COL" only when known), ready
// to print or show on screen.

#include <stdexcept>
#include <string>

namespace la::transcripts {

class ParseError : public std::runtime_error {
public:
    ParseError(std::string file, int line, int column, const std::string& problem)
        : std::runtime_error(format(file, line, column, problem)), file_(std::move(file)), line_(line),
          column_(column), problem_(problem) {}

    const std::string& file() const { return file_; }
    int line() const { return line_; }     ///< 1-based; 0 when not about a line
    int column() const { return column_; } ///< 1-based; 0 when unknown
    const std::string& problem() const { return problem_; }

private:
    static std::string format(const std::string& file, int line, int column, const std::string& problem) {
        std::string s = file;
        if (line > 0) s += ":" + std::to_string(line);
        if (line > 0 && column > 0) s += ":" + std::to_string(column);
        return s + ": " + problem;
    }
    std::string file_;
    int line_;
    int column_;
    std::string problem_;
};

} // namespace la::transcripts
