#include "ui/spoken_text.h"

#include <cctype>
#include <regex>
#include <vector>

namespace la::ui {
namespace {

// The kind of control, in the words a listener knows; empty for text, which
// is simply read.
const char* roleWord(SemanticRole role) {
    switch (role) {
    case SemanticRole::PushButton: return "button";
    case SemanticRole::ToggleButton: return "toggle button";
    case SemanticRole::CheckBox: return "check box";
    case SemanticRole::Slider: return "slider";
    case SemanticRole::List: return "list";
    case SemanticRole::Heading: return "heading";
    case SemanticRole::Link: return "link";
    case SemanticRole::PageTab: return "tab";
    case SemanticRole::Dialog: return "dialog";
    case SemanticRole::TextField: return "edit text";
    case SemanticRole::Frame:
    case SemanticRole::Panel:
    case SemanticRole::ListItem:
    case SemanticRole::Paragraph:
    case SemanticRole::PageTabList:
    case SemanticRole::Status:
    case SemanticRole::Notification: return "";
    }
    return "";
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) {
        if (p.empty()) continue;
        // After a sentence's full stop a new sentence, not a comma.
        const bool sentenceEnded = !out.empty() && (out.back() == '.' || out.back() == '!' || out.back() == '?');
        if (sentenceEnded) {
            out += ' ';
            out += char(std::toupper(static_cast<unsigned char>(p[0])));
            out += p.substr(1);
            continue;
        }
        if (!out.empty()) out += ", ";
        out += p;
    }
    return out;
}

} // namespace

std::string spokenText(const SemanticNode& n) {
    std::vector<std::string> parts{n.name};
    // The value, unless the name says it already ("Speed 1.5 times").
    if (n.value && !n.value->text.empty() && n.name.find(n.value->text) == std::string::npos)
        parts.push_back(n.value->text);
    parts.push_back(roleWord(n.role));
    if (n.role == SemanticRole::ToggleButton) parts.push_back(n.states & kChecked ? "on" : "off");
    if (n.role == SemanticRole::CheckBox) parts.push_back(n.states & kChecked ? "checked" : "not checked");
    if (n.role == SemanticRole::PageTab && (n.states & kSelected)) parts.push_back("selected");
    if (n.role != SemanticRole::ToggleButton && n.role != SemanticRole::CheckBox && n.role != SemanticRole::PageTab &&
        (n.states & kChecked))
        parts.push_back("chosen"); // a theme button, a speed preset
    if (n.states & kCurrent) parts.push_back("now playing");
    if (n.states & kExpanded) parts.push_back("open");
    if (n.states & kDisabled) parts.push_back("unavailable");
    return joined(parts);
}

std::string speakableTimes(const std::string& text) {
    static const std::regex time(R"((^|[^\d:])(?:(\d+):)?(\d+):(\d\d)(?![\d:]))");
    std::string out;
    auto unit = [](long n, const char* one) {
        return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
    };
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), time), end; it != end; ++it) {
        const std::smatch& m = *it;
        out.append(last, m[0].first);
        out += m[1].str();
        const long h = m[2].matched ? std::stol(m[2].str()) : 0, min = std::stol(m[3].str()), sec = std::stol(m[4].str());
        std::vector<std::string> parts;
        if (h) parts.push_back(unit(h, "hour"));
        if (min) parts.push_back(unit(min, "minute"));
        if (sec || parts.empty()) parts.push_back(unit(sec, "second"));
        for (size_t i = 0; i < parts.size(); ++i) out += (i ? " " : "") + parts[i];
        last = m[0].second;
    }
    out.append(last, text.cend());
    return out;
}

} // namespace la::ui
