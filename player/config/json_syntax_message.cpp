#include "player/config/json_syntax_message.h"

#include <algorithm>

namespace la::player {

std::string jsonSyntaxMessage(const std::string& source, std::string_view text, const nlohmann::json::parse_error& e) {
    // nlohmann's byte offset is 1-based and points at the last character read.
    int line = 1, column = 1;
    std::size_t end = std::min(text.size(), e.byte > 0 ? e.byte - 1 : 0);
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> "syntax error ..."
    std::string what = e.what();
    auto col = what.find("column ");
    auto colon = what.find(": ", col == std::string::npos ? 0 : col);
    std::string problem = colon == std::string::npos ? what : what.substr(colon + 2);
    return source + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + problem;
}

} // namespace la::player
