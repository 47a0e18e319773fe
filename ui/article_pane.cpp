#include "ui/article_pane.h"

#include "ui/drag_scroll.h"
#include "ui/icon_button.h"
#include "ui/long_text.h"
#include "ui/semantic_scope.h"

#include <algorithm>
#include <string>

namespace la::ui {
namespace {

using transcripts::ArticleBlock;
using transcripts::ArticleSpan;

void wrapped(const char* begin, const char* end = nullptr) { wrappedText(begin, end); }

// Bytes at the start of `b` that are all bold and end at a line break or the
// end ("**Need help?**" lead-ins in the support section); 0 otherwise.
size_t boldLeadIn(const ArticleBlock& b) {
    for (const ArticleSpan& s : b.spans) {
        if (s.kind == ArticleSpan::Strong && s.begin == 0 && s.end > 0) {
            if (s.end == b.text.size() || b.text[s.end] == ' ' || b.text[s.end] == '\n') return s.end;
        }
    }
    return 0;
}

// Each block is read as one piece of text: a paragraph, a list item, a
// sub-heading; `top` is where its drawing started.
void declareBlock(const ArticleBlock& b, const std::string& id, ImVec2 top) {
    const bool heading = b.kind == ArticleBlock::Heading3;
    const ImVec2 max = ImGui::GetItemRectMax();
    declareText(id, heading ? SemanticRole::Heading : SemanticRole::Paragraph,
                b.kind == ArticleBlock::Numbered ? std::to_string(b.number) + ". " + b.text : b.text,
                {top.x, top.y, std::max(0.0f, max.x - top.x), std::max(0.0f, max.y - top.y)});
}

void drawBlock(const ArticleBlock& b, ImFont* bold, const std::string& id) {
    const float fs = ImGui::GetFontSize();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float indent = fs * 1.3f * float(b.depth + 1);
    if (b.quoted) ImGui::Indent(fs);
    switch (b.kind) {
    case ArticleBlock::Heading3:
        ImGui::PushFont(bold);
        wrapped(b.text.c_str());
        ImGui::PopFont();
        break;
    case ArticleBlock::Bullet:
    case ArticleBlock::Numbered: {
        ImGui::Indent(indent);
        ImVec2 p = ImGui::GetCursorScreenPos();
        if (b.kind == ArticleBlock::Bullet) {
            ImGui::GetWindowDrawList()->AddCircleFilled({p.x - fs * 0.6f, p.y + fs * 0.55f}, fs * 0.17f,
                                                        ImGui::GetColorU32(ImGuiCol_Text));
        } else {
            std::string n = std::to_string(b.number) + ".";
            ImGui::GetWindowDrawList()->AddText({p.x - ImGui::CalcTextSize(n.c_str()).x - fs * 0.3f, p.y},
                                                ImGui::GetColorU32(ImGuiCol_Text), n.c_str());
        }
        wrapped(b.text.c_str());
        ImGui::Unindent(indent);
        break;
    }
    case ArticleBlock::Figure: {
        std::string t = b.text.rfind("Figure", 0) == 0 ? b.text : "Figure: " + b.text;
        ImGui::PushFont(bold);
        wrapped(t.c_str());
        ImGui::PopFont();
        break;
    }
    case ArticleBlock::Code:
    case ArticleBlock::Paragraph:
    default: {
        size_t lead = boldLeadIn(b);
        if (lead > 0) {
            ImGui::PushFont(bold);
            wrapped(b.text.c_str(), b.text.c_str() + lead);
            ImGui::PopFont();
            if (lead < b.text.size()) wrapped(b.text.c_str() + lead + 1);
        } else {
            wrapped(b.text.c_str());
        }
        break;
    }
    }
    declareBlock(b, id, top);
    if (b.quoted) ImGui::Unindent(fs);
    if (b.kind == ArticleBlock::Paragraph || b.kind == ArticleBlock::Figure) ImGui::Dummy({0, fs * 0.4f});
}

void drawSectionHeading(const ArticleVM& vm, ArticlePaneState& st, size_t i, ImFont* bold, Commands& out) {
    const transcripts::ArticleSection& sec = vm.article->sections[i];
    const bool current = vm.currentSection == i;
    const float fs = ImGui::GetFontSize();
    if (st.showSection == i) {
        // The heading at the top, a padding's width below the pane's edge (the rule above it out of sight).
        ImGui::SetScrollFromPosY(ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y - ImGui::GetStyle().WindowPadding.y, 0.0f);
        st.scrolledSection = i;
        // A pane that appears this frame lays its text out at a provisional
        // width: scroll again on the next frame, at the real one.
        if (!ImGui::IsWindowAppearing()) st.showSection.reset();
    }
    ImVec2 top = ImGui::GetCursorScreenPos();
    float bottom = top.y;
    if (!sec.title.empty()) {
        ImGui::PushFont(bold);
        wrapped(sec.title.c_str());
        ImGui::PopFont();
        bottom = ImGui::GetItemRectMax().y;
        const int node = declareLastText("article/" + std::to_string(i), SemanticRole::Heading, sec.title);
        if (SemanticTree* tree = currentSemanticTree(); tree && node >= 0 && current) tree->node(node).states |= kCurrent;
    }
    std::optional<double> start;
    if (vm.listenFrom && i < vm.listenFrom->size()) start = (*vm.listenFrom)[i];
    // "Listen from here" and "Now playing" are controls: the controls' size,
    // not the reading text's, so at 400 % the section's words still show.
    ImGui::PushFont(ImGui::GetIO().FontDefault);
    const float controlH = largeControlHeight();
    if (start) {
        const bool pressed = iconButton("Listen from here", Icon::Play, controlH);
        const std::string name = "Listen from here" + (sec.title.empty() ? std::string() : ": " + sec.title);
        if (declaredButton(pressed, "article/" + std::to_string(i) + "/listen", SemanticRole::PushButton, name))
            out.push_back(SeekTo{*start});
        st.hit.listen.push_back({i, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
        bottom = ImGui::GetItemRectMax().y;
    }
    if (vm.readAloud) {
        // The written words in the program's own voice, for a visitor who
        // wants the text rather than the episode.
        if (start) flowNext(iconButtonWidth("Read aloud", Icon::None));
        const bool pressed = iconButton("Read aloud", Icon::None, controlH);
        const std::string name = "Read this section aloud" + (sec.title.empty() ? std::string() : ": " + sec.title);
        if (declaredButton(pressed, "article/" + std::to_string(i) + "/read aloud", SemanticRole::PushButton, name))
            out.push_back(ReadSectionAloud{i});
        bottom = std::max(bottom, ImGui::GetItemRectMax().y);
    }
    if (current) {
        // Beside "Listen from here" when it fits (one row less), else below.
        if (start || vm.readAloud) flowNext(ImGui::CalcTextSize("Now playing").x);
        rowText("Now playing", start || vm.readAloud ? controlH : ImGui::GetTextLineHeight());
        bottom = std::max(bottom, ImGui::GetItemRectMax().y);
        // A bar beside the heading, not colour alone.
        ImGui::GetWindowDrawList()->AddRectFilled({top.x - fs * 0.5f, top.y}, {top.x - fs * 0.2f, bottom},
                                                  ImGui::GetColorU32(ImGuiCol_SliderGrabActive));
        st.hit.currentMin = top;
        st.hit.currentMax = {top.x + ImGui::GetContentRegionAvail().x, bottom};
    }
    ImGui::PopFont();
}

} // namespace

Commands drawArticlePane(const ArticleVM& vm, ArticlePaneState& st, ImVec2 size, const char* heading) {
    Commands out;
    ImGui::PushID("Article");
    if (beginControlsChild("##article pane", size, ImGuiWindowFlags_NavFlattened)) {
        if (!vm.article || vm.article->sections.empty()) {
            wrapped(vm.unavailableMessage.empty() ? "There is no article for this episode." : vm.unavailableMessage.c_str());
            st.hit.listen.clear();
        } else {
            const ImGuiStyle& style = ImGui::GetStyle();
            const float fs = ImGui::GetFontSize();
            // The plain long label where it fits; at large text a shorter one
            // rather than a label cut off at the pane's edge.
            const char* followLabel = "Keep the current section in view";
            const float boxW = largeControlHeight() + style.ItemInnerSpacing.x;
            if (boxW + ImGui::CalcTextSize(followLabel).x > ImGui::GetContentRegionAvail().x) followLabel = "Follow the audio";
            if (heading) {
                rowText(heading, largeControlHeight());
                flowNext(largeControlHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(followLabel).x);
            }
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {style.FramePadding.x, std::max(style.FramePadding.y, (largeControlHeight() - fs) * 0.5f)});
            ImGui::Checkbox(followLabel, &st.followChapter);
            ImGui::PopStyleVar();
            if (declaredButton(false, "article/follow", SemanticRole::CheckBox, "Keep the current section in view",
                               st.followChapter ? kChecked : 0u))
                st.followChapter = !st.followChapter; // a screen reader's press; a click toggled it already
            st.hit.followMin = ImGui::GetItemRectMin(), st.hit.followMax = ImGui::GetItemRectMax();
            if (st.followChapter && vm.currentSection && st.followedSection != vm.currentSection) {
                st.showSection = vm.currentSection;
                st.followedSection = vm.currentSection;
            }
            if (!st.followChapter) st.followedSection.reset();

            ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, std::max(24.0f, fs * 1.1f));
            // Always a scroll bar: the text wraps to the same width from the first
            // frame, so a section scrolled to the top stays there.
            if (ImGui::BeginChild("##article text", {0, 0}, true, ImGuiWindowFlags_AlwaysVerticalScrollbar | ImGuiWindowFlags_NavFlattened)) {
                st.hit.textMin = ImGui::GetWindowPos();
                st.hit.textMax = {st.hit.textMin.x + ImGui::GetWindowWidth(), st.hit.textMin.y + ImGui::GetWindowHeight()};
                st.hit.currentMin = st.hit.currentMax = {};
                updateDragScroll(st.drag); // touch screens: drag the text to scroll
                ImFont* body = st.readingFont ? st.readingFont : ImGui::GetFont();
                ImFont* bold = st.headingFont ? st.headingFont : body;
                ImGui::PushFont(body);
                ImGui::Indent(ImGui::GetFontSize() * 0.6f);
                st.hit.listen.clear();
                declareOpen("article", SemanticRole::Panel, "Article");
                if (!vm.article->title.empty()) {
                    ImGui::PushFont(bold);
                    wrapped(vm.article->title.c_str());
                    ImGui::PopFont();
                }
                for (size_t i = 0; i < vm.article->sections.size(); ++i) {
                    ImGui::PushID(int(i));
                    ImGui::Spacing();
                    ImGui::Separator();
                    drawSectionHeading(vm, st, i, bold, out);
                    const auto& blocks = vm.article->sections[i].blocks;
                    for (size_t k = 0; k < blocks.size(); ++k) {
                        drawBlock(blocks[k], bold, "article/" + std::to_string(i) + "/" + std::to_string(k));
                    }
                    ImGui::PopID();
                }
                declareClose();
                ImGui::Unindent(ImGui::GetFontSize() * 0.6f);
                ImGui::PopFont();
            }
            ImGui::EndChild();
            ImGui::PopStyleVar();
        }
    }
    ImGui::EndChild();
    ImGui::PopID();
    return out;
}

} // namespace la::ui
