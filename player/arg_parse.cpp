#include "player/arg_parse.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace la::player {

double parseNumber(const std::string& text, const std::string& option) {
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) {
        throw ArgError(option + " expects a number, got '" + text + "'");
    }
    return v;
}

double parseNumberInRange(const std::string& text, const std::string& option, double min, double max) {
    const double v = parseNumber(text, option);
    if (v < min || v > max) {
        std::ostringstream msg;
        msg << option << " must be between " << min << " and " << max << " (got " << text << ")";
        throw ArgError(msg.str());
    }
    return v;
}

double parseSeconds(const std::string& text, const std::string& option) {
    double total = 0;
    size_t start = 0;
    int parts = 0;
    for (;;) {
        size_t colon = text.find(':', start);
        std::string piece = text.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (piece.empty() || ++parts > 3) throw ArgError(option + " expects seconds (e.g. 90 or 1:30), got '" + text + "'");
        total = total * 60 + parseNumber(piece, option);
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    if (total < 0) throw ArgError(option + " must not be negative");
    return total;
}

long parseCount(const std::string& text, const std::string& option) {
    long v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < 0) {
        throw ArgError(option + " expects a whole number, got '" + text + "'");
    }
    return v;
}

} // namespace la::player
