#include "ui/long_text.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

namespace la::ui {
namespace {

struct Key {
    const char* begin;
    size_t length;
    const ImFont* font;
    float size, width;
    bool operator<(const Key& o) const {
        return std::tie(begin, length, font, size, width) < std::tie(o.begin, o.length, o.font, o.size, o.width);
    }
};

struct Entry {
    WrappedLines lines;
    int lastUsedFrame = 0;
};

// Entries unused for this many frames are dropped (the text they point into
// may be gone: a new article, a new transcript).
constexpr int kKeepFrames = 300;

std::map<Key, Entry>& cache() {
    static std::map<Key, Entry> c;
    return c;
}

void dropStale(int frame) {
    static int lastSweep = 0;
    if (frame - lastSweep < kKeepFrames && frame >= lastSweep) return;
    lastSweep = frame;
    for (auto it = cache().begin(); it != cache().end();) {
        if (frame - it->second.lastUsedFrame > kKeepFrames || frame < it->second.lastUsedFrame) it = cache().erase(it);
        else ++it;
    }
}

// The same walk as ImFont::RenderText with word wrap: a line ends where
// CalcWordWrapPositionA says, or at '\n'; blanks after a wrap are skipped.
WrappedLines breakLines(ImFont* font, float size, float width, const char* s, const char* end) {
    WrappedLines out;
    const float scale = size / font->FontSize;
    while (s < end) {
        const char* eol = font->CalcWordWrapPositionA(scale, s, end, width);
        if (eol == s) eol = s + 1; // always progress, even when one glyph is wider than the line
        const char* nl = static_cast<const char*>(std::memchr(s, '\n', size_t(eol - s)));
        const char* lineEnd = nl ? nl : eol;
        out.begins.push_back(s);
        out.ends.push_back(lineEnd);
        s = lineEnd;
        if (nl) {
            ++s;
            continue;
        }
        while (s < end && (*s == ' ' || *s == '\t')) ++s;
        if (s < end && *s == '\n') ++s;
    }
    if (out.begins.empty()) {
        out.begins.push_back(end);
        out.ends.push_back(end);
    }
    return out;
}

} // namespace

const WrappedLines& wrapLines(ImFont* font, float size, float width, const char* begin, const char* end) {
    const int frame = ImGui::GetFrameCount();
    dropStale(frame);
    Key key{begin, size_t(end - begin), font, size, width};
    auto it = cache().find(key);
    if (it == cache().end()) it = cache().emplace(key, Entry{breakLines(font, size, width, begin, end), frame}).first;
    it->second.lastUsedFrame = frame;
    return it->second.lines;
}

void drawVisibleLines(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const WrappedLines& lines) {
    const float clipTop = dl->GetClipRectMin().y, clipBottom = dl->GetClipRectMax().y;
    const long n = long(lines.count());
    const long first = std::clamp(long(std::floor((clipTop - pos.y) / size)), 0L, n);
    const long last = std::clamp(long(std::ceil((clipBottom - pos.y) / size)) + 1, 0L, n);
    for (long i = first; i < last; ++i) {
        dl->AddText(font, size, {pos.x, pos.y + float(i) * size}, col, lines.begins[size_t(i)], lines.ends[size_t(i)]);
    }
}

void wrappedText(const char* begin, const char* end) {
    if (!end) end = begin + std::strlen(begin);
    if (size_t(end - begin) < kLongTextBytes) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(begin, end);
        ImGui::PopTextWrapPos();
        return;
    }
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const ImVec2 pos = window->DC.CursorPos;
    const float width = std::max(window->WorkRect.Max.x - pos.x, 1.0f); // what PushTextWrapPos(0) wraps at
    const WrappedLines& lines = wrapLines(font, size, width, begin, end);
    const ImRect bb(pos, {pos.x + width, pos.y + size * float(lines.count())});
    ImGui::ItemSize(bb.GetSize(), 0.0f);
    if (!ImGui::ItemAdd(bb, 0)) return;
    drawVisibleLines(window->DrawList, font, size, pos, ImGui::GetColorU32(ImGuiCol_Text), lines);
}

} // namespace la::ui
