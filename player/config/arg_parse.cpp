#include "player/config/arg_parse.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ostream>
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

namespace {

/// Digits, with one optional ".digits" when `fraction` is allowed.
bool isPlainNumber(const std::string& piece, bool fraction) {
    size_t dot = piece.find('.');
    if (dot != std::string::npos && !fraction) return false;
    std::string whole = piece.substr(0, dot);
    std::string part = dot == std::string::npos ? "" : piece.substr(dot + 1);
    auto digits = [](const std::string& t) {
        return std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    return !whole.empty() && digits(whole) && digits(part) && (dot == std::string::npos || !part.empty());
}

} // namespace

double parseSeconds(const std::string& text, const std::string& option) {
    auto malformed = [&](const std::string& why) {
        return ArgError(option + " expects seconds as 90, 90.5, 1:30 or 1:02:03 (" + why + "), got '" + text + "'");
    };
    if (!text.empty() && text.front() == '-') throw ArgError(option + " must not be negative (got '" + text + "')");
    std::vector<std::string> pieces;
    for (size_t start = 0;;) {
        size_t colon = text.find(':', start);
        pieces.push_back(text.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    if (pieces.size() > 3) throw malformed("at most hours:minutes:seconds");
    double total = 0;
    for (size_t i = 0; i < pieces.size(); ++i) {
        const bool last = i + 1 == pieces.size();
        // Only the last field may have a fraction; every field is plain digits.
        if (!isPlainNumber(pieces[i], last)) throw malformed("each part must be digits");
        double v = parseNumber(pieces[i], option);
        // Minutes and seconds below a larger field count up to 59 (1:90 is a typo, not 2:30).
        if (i > 0 && v >= 60) throw malformed("minutes and seconds must be below 60");
        total = total * 60 + v;
    }
    if (!std::isfinite(total)) throw malformed("too large");
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

std::optional<int> parseCommandLine(const std::function<void()>& parse, std::string_view command,
                                    std::string_view usage, std::ostream& out, std::ostream& err) {
    try {
        parse();
    } catch (const UsageRequest&) {
        out << usage;
        return 0;
    } catch (const ArgError& e) {
        err << command << ": " << e.what() << "\n" << usage;
        return 2;
    }
    return std::nullopt;
}

} // namespace la::player
