#pragma once
// Saying where a JSON file is broken the way people count: by line and column.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace la::player {

/// "SOURCE:LINE:COL: problem" for a JSON syntax error found in `text`
/// (nlohmann reports a byte offset; people need a line and a column).
std::string jsonSyntaxMessage(const std::string& source, std::string_view text, const nlohmann::json::parse_error& e);

} // namespace la::player
