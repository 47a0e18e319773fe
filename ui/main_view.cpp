#include "ui/main_view.h"

#include "ui/drag_scroll.h"
#include "ui/icon_button.h"
#include "ui/keyboard_help.h"
#include "ui/semantic_scope.h"

#include <imgui.h>
#include <imgui_internal.h> // PushOverrideID: one ID for the view tabs wherever they are drawn

#include <algorithm>
#include <cmath>

namespace la::ui {
namespace {

void drawNotices(const std::vector<Notice>& notices, Commands& out) {
    for (size_t i = 0; i < notices.size(); ++i) {
        const Notice& n = notices[i];
        ImVec4 col = ImGui::GetStyle().Colors[ImGuiCol_Text];
        if (n.level == Notice::Level::Error) col = {0.75f, 0.1f, 0.1f, 1};
        else if (n.level == Notice::Level::Warning) col = {0.6f, 0.35f, 0.0f, 1};
        ImGui::PushID(int(i));
        ImGui::PushStyleColor(ImGuiCol_Text, col);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(n.text.c_str());
        // Said once when it appears (a file that could not be read, a setting
        // put right): a screen reader user must hear it as a sighted one sees it.
        const char* level = n.level == Notice::Level::Error ? "Error: " : n.level == Notice::Level::Warning ? "Warning: " : "";
        declareLastText("notice/" + n.text, SemanticRole::Notification, level + n.text);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    if (!notices.empty() && declaredButton(iconButton("Dismiss messages", Icon::None, largeControlHeight()),
                                           "notice/dismiss", SemanticRole::PushButton, "Dismiss messages")) {
        out.push_back(DismissMessage{});
    }
}

// A brief confirmation ("Speed 1.5×", "Copied") in a pill above the
// transport, over the content: it takes no room and moves nothing.
void drawToast(const std::string& text, float transportH) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float fs = ImGui::GetFontSize();
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y - transportH - fs},
                            ImGuiCond_Always, {0.5f, 1.0f});
    ImGui::SetNextWindowSizeConstraints({0, 0}, {vp->WorkSize.x * 0.9f, vp->WorkSize.y * 0.5f});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {fs, fs * 0.5f});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, {fs, fs}); // the theme's (scaled for touch) would leave a gap under the words
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, fs);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(2.0f, fs * 0.1f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("##toast", nullptr, flags)) ImGui::TextUnformatted(text.c_str());
    // Said once by a screen reader when it appears: "Speed 1.5 times", "Copied".
    std::string spoken = text;
    for (size_t at; (at = spoken.find("\u00d7")) != std::string::npos;) spoken.replace(at, std::string("\u00d7").size(), " times");
    declareLastText("announcement/" + text, SemanticRole::Notification, spoken);
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(4);
}

void append(Commands& out, Commands more) { out.insert(out.end(), more.begin(), more.end()); }

// The episode title, and the speed/text/colour controls. When those are
// folded behind one button, the button shares the title's row (at the right)
// so the panes get the height of a row more.
void drawHeader(const MainViewState& state, MainViewUi& ui, Commands& out) {
    const float fs = ImGui::GetFontSize();
    const float toggleW = displayBarToggleWidth(ui.displayBar);
    const float titleW = ImGui::GetContentRegionAvail().x - toggleW - fs;
    const bool shareRow = toggleW > 0 && titleW >= fs * 12;
    if (shareRow) {
        const float y = ImGui::GetCursorPosY();
        const float controlH = largeControlHeight();
        const float textH = ImGui::CalcTextSize(state.title.c_str(), nullptr, false, titleW).y;
        ImGui::SetCursorPosY(y + std::max(0.0f, (controlH - textH) * 0.5f)); // centred on the button
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + titleW);
        ImGui::TextUnformatted(state.title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - toggleW);
        ImGui::SetCursorPosY(y);
    } else {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(state.title.c_str());
        ImGui::PopTextWrapPos();
    }
    Commands bar = drawDisplayBar(state.display, ui.displayBar);
    // A text size chosen here may make the next frame compact, where these
    // controls live in the Settings tab: open it, so they do not vanish
    // from under the pointer.
    for (const Command& c : bar)
        if (std::holds_alternative<StepTextSize>(c) || std::holds_alternative<SetTextSize>(c) ||
            std::holds_alternative<SetControlsSize>(c))
            ui.keepSettingsOpen = 2; // this frame, and the next one, drawn at the new size
    append(out, std::move(bar));
    ImGui::Separator();
}

// Finger-sized tabs that shrink (rather than hide behind scroll arrows) when
// they do not all fit.
bool beginTabBar(const char* id) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        {std::max(st.FramePadding.x, fs * 0.5f), std::max({st.FramePadding.y, (48.0f - fs) * 0.5f, fs * 0.3f})});
    bool open = ImGui::BeginTabBar(id, ImGuiTabBarFlags_FittingPolicyResizeDown);
    ImGui::PopStyleVar();
    return open;
}

bool tabItem(const MainViewUi& ui, const char* label, ContentTab which) {
    return ImGui::BeginTabItem(label, nullptr, ui.selectTab == which ? ImGuiTabItemFlags_SetSelected : 0);
}

// Wide: transcript on the left; chapters above the article on the right, so
// one look shows the line, the chapter and its written section (as two tabs
// when the window is not tall enough for both).
void drawSideBySide(const MainViewState& state, MainViewUi& ui, Commands& out) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float leftW = std::floor(avail.x * 0.52f);
    append(out, drawTranscriptPane(state.transcript, ui.transcript, {leftW, avail.y}));
    ImGui::SameLine();
    float rightW = ImGui::GetContentRegionAvail().x;
    ui.split = avail.y >= kSplitSideAboveFontSizes * fs;
    if (ImGui::BeginChild("##side", {rightW, avail.y}, false, ImGuiWindowFlags_NavFlattened)) {
        if (ui.split) {
            // The list scrolls and keeps the current chapter in view, so it
            // needs only a few rows; the article gets the rest.
            float chaptersH = std::floor(std::clamp((avail.y - st.ItemSpacing.y) * 0.42f, fs * kChaptersMinFontSizes,
                                                    avail.y - fs * kArticleMinFontSizes));
            append(out, drawChaptersPane(state.chapters, ui.chapters, {0, chaptersH}, "Chapters"));
            append(out, drawArticlePane(state.article, ui.article, {0, 0}, "Article"));
        } else if (beginTabBar("##side tabs")) {
            if (tabItem(ui, "Chapters", ContentTab::Chapters)) {
                append(out, drawChaptersPane(state.chapters, ui.chapters));
                ImGui::EndTabItem();
            }
            if (tabItem(ui, "Article", ContentTab::Article)) {
                append(out, drawArticlePane(state.article, ui.article));
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::EndChild();
}

// Narrow (large text): one pane at a time. The four views are finger-sized
// "tab" buttons in one row when they fit; when they do not (200 % and up in a
// 1280x800 window) a single "Show: …" button opens a chooser in their place,
// so the pane below keeps the height a second row of tabs would take. The
// open view is filled and underlined (not colour alone).
struct ViewTab { const char* label; ContentTab tab; };
constexpr ViewTab kViewTabs[] = {{"Transcript", ContentTab::Transcript}, {"Chapters", ContentTab::Chapters},
                                 {"Article", ContentTab::Article}, {"Settings", ContentTab::Settings}};

// To a screen reader the view buttons are page tabs; its press picks the view.
bool viewTabChosen(const ViewTab& t, bool shown, bool pressed) {
    return declaredButton(pressed, std::string("view/") + t.label, SemanticRole::PageTab, t.label, shown ? kSelected : 0u);
}

const char* viewLabel(ContentTab tab) {
    for (const ViewTab& t : kViewTabs)
        if (t.tab == tab) return t.label;
    return "";
}

const ImGuiID kViewTabsId = ImHashStr("view tabs");

bool viewButton(const char* label, bool open, ImVec2 size) {
    const float fs = ImGui::GetFontSize();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(open ? ImGuiCol_TabActive : ImGuiCol_Tab));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {fs * 0.6f, std::max((size.y - fs) * 0.5f, 0.0f)});
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, {0.0f, 0.5f});
    ImGui::PushOverrideID(kViewTabsId); // the same control on every tab, inside the transcript's row or not
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopID();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    if (open) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRectFilled({a.x, b.y - std::max(4.0f, fs * 0.12f)}, b,
                                                  ImGui::GetColorU32(ImGuiCol_SliderGrabActive));
    }
    return pressed;
}

// Returns false while the chooser replaces the pane.
bool drawTabStrip(MainViewUi& ui) {
    const float fs = ImGui::GetFontSize();
    const float padY = std::max((48.0f - fs) * 0.5f, fs * 0.25f);
    const float h = fs + padY * 2; // >= 48 px, and not taller than needed at 400 %
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float rowW = -gap;
    for (const ViewTab& t : kViewTabs) rowW += ImGui::CalcTextSize(t.label).x + fs * 1.2f + gap;
    // On the transcript the tabs share the Search row, or give way to "Show: …".
    const float toolbarW = iconButtonWidth("Close search", Icon::None) + iconButtonWidth("Copy line", Icon::None) + gap * 2;
    const float needed = rowW + (ui.tab == ContentTab::Transcript ? gap + toolbarW : 0.0f);
    if (needed <= ImGui::GetContentRegionAvail().x) {
        ui.choosingView = false;
        auto drawViewTabs = [&ui, fs, h] {
            for (const ViewTab& t : kViewTabs) {
                if (t.tab != kViewTabs[0].tab) ImGui::SameLine();
                const bool pressed = viewButton(t.label, ui.tab == t.tab, {ImGui::CalcTextSize(t.label).x + fs * 1.2f, h});
                if (viewTabChosen(t, ui.tab == t.tab, pressed)) ui.tab = t.tab;
            }
        };
        // The transcript's Search and Copy line join the tabs' row: a row more for the words.
        if (ui.tab == ContentTab::Transcript) {
            ui.transcript.leadRow = drawViewTabs;
            return true;
        }
        drawViewTabs();
        ImGui::Separator();
        return true;
    }
    const std::string show = std::string("Show: ") + viewLabel(ui.tab) + "###view";
    if (!ui.choosingView) {
        if (ui.tab == ContentTab::Transcript) {
            ui.transcript.leadButton = show; // it shares the transcript's toolbar row
            return true;
        }
        if (viewButton(show.c_str(), false, {std::min(ImGui::CalcTextSize(show.c_str(), nullptr, true).x + fs * 1.2f,
                                                      ImGui::GetContentRegionAvail().x), h}))
            ui.choosingView = true;
        ImGui::Separator();
        return true;
    }
    // The chooser, in the pane's place: the four views two by two (all in
    // sight at 400 %), or one per row when two labels do not fit side by side.
    // Tapping the open one again goes back to it.
    if (beginControlsChild("##views", {0, 0}, ImGuiWindowFlags_NavFlattened)) {
        updateDragScroll(ui.viewsDrag);
        const float half = std::floor((ImGui::GetContentRegionAvail().x - gap) * 0.5f);
        bool twoByTwo = true;
        for (const ViewTab& t : kViewTabs) twoByTwo &= ImGui::CalcTextSize(t.label).x + fs * 1.2f <= half;
        const float w = twoByTwo ? half : ImGui::GetContentRegionAvail().x;
        for (size_t i = 0; i < std::size(kViewTabs); ++i) {
            const ViewTab& t = kViewTabs[i];
            if (twoByTwo && i % 2 == 1) ImGui::SameLine();
            const bool pressed = viewButton(t.label, ui.tab == t.tab, {w, std::max(h, largeControlHeight())});
            if (viewTabChosen(t, ui.tab == t.tab, pressed)) {
                ui.tab = t.tab;
                ui.choosingView = false;
            }
        }
    }
    ImGui::EndChild();
    return false;
}

void drawTabs(const MainViewState& state, MainViewUi& ui, Commands& out) {
    if (!drawTabStrip(ui)) return;
    switch (ui.tab) {
    case ContentTab::Transcript:
        append(out, drawTranscriptPane(state.transcript, ui.transcript));
        if (ui.transcript.leadPressed) ui.choosingView = true;
        break;
    case ContentTab::Chapters: append(out, drawChaptersPane(state.chapters, ui.chapters)); break;
    case ContentTab::Article: append(out, drawArticlePane(state.article, ui.article)); break;
    case ContentTab::Settings:
        // At large text the speed/text/colour controls get a tab of their own,
        // so the header does not push the transcript off the screen; so do
        // Mute and the volume when the transport bar would need a row for them.
        if (beginControlsChild("##settings", {0, 0}, ImGuiWindowFlags_NavFlattened)) {
            updateDragScroll(ui.settingsDrag); // touch screens: drag to scroll
            if (!ui.volumeInTransport) {
                rowText("Volume", largeControlHeight());
                append(out, drawVolumeControls(state.transport));
            }
            ImGui::PushTextWrapPos(0);
            append(out, drawDisplayBar(state.display, ui.displayBar, false));
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();
        break;
    }
}

} // namespace

void openArticleSection(MainViewUi& ui, size_t section) {
    ui.article.showSection = section;
    ui.selectTab = ContentTab::Article;
}

Commands drawMainView(const MainViewState& state, MainViewUi& ui) {
    Commands out;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoBackground; // the frame is cleared to WindowBg already: one full-screen fill less
    // Narrow for the text size (large text): panes become tabs, the settings
    // move into a tab, the title is left to the window's, and the margins
    // above and below shrink: every row goes to the words.
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool compact = vp->WorkSize.x - style.WindowPadding.x * 2 < kTabbedBelowFontSizes * ImGui::GetFontSize();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {style.WindowPadding.x, compact ? std::min(style.WindowPadding.y, 8.0f)
                                                                                       : style.WindowPadding.y});
    const bool open = ImGui::Begin("ListenAlong", nullptr, flags);
    ImGui::PopStyleVar();
    if (open) {
        const float fs = ImGui::GetFontSize();
        ui.volumeInTransport = !compact || transportFitsOneRow(state.chapters.rows && !state.chapters.rows->empty());
        if (!compact) drawHeader(state, ui, out);
        drawNotices(state.notices, out);

        // The transport bar's rows wrap at large text: use the height it took
        // last frame (the estimate only for the first frame).
        float barH = ui.transportHeight > 0 ? ui.transportHeight : transportBarHeight();
        // Never squeeze the content below a few lines: the window scrolls instead.
        // The transport (Play) stays on screen at every size: the panes give way
        // first, down to two lines; only below that does the window scroll.
        float contentH = std::max(ImGui::GetContentRegionAvail().y - barH - ImGui::GetStyle().ItemSpacing.y, fs * 4);
        if (beginControlsChild("Content", {0, contentH}, ImGuiWindowFlags_NavFlattened)) {
            // Side by side only where the words, at their own size, still get a wide column.
            const float readingFs = ui.transcript.readingFont ? ui.transcript.readingFont->FontSize : ImGui::GetFontSize();
            ui.tabbed = ImGui::GetContentRegionAvail().x < kTabbedBelowFontSizes * std::max(ImGui::GetFontSize(), readingFs);
            if (ui.keepSettingsOpen > 0 && ui.tabbed) ui.tab = ContentTab::Settings, ui.choosingView = false;
            if (ui.keepSettingsOpen > 0) --ui.keepSettingsOpen;
            if (ui.selectTab) ui.tab = *ui.selectTab, ui.choosingView = false;
            ui.transcript.leadButton.clear(); // drawTabs may put "Show: …" or the tabs there
            ui.transcript.leadRow = nullptr;
            ui.transcript.searchAndCopy = state.searchAndCopy;
            ui.chapters.readingFont = ui.transcript.readingFont; // chapter titles are reading text too
            if (ui.tabbed) {
                ui.split = false;
                drawTabs(state, ui, out);
            } else {
                drawSideBySide(state, ui, out);
            }
            ui.selectTab.reset();
        }
        ImGui::EndChild();

        if (!compact) ImGui::Separator(); // compact: the transport's own background sets it apart
        if (beginControlsChild("Transport", {0, barH}, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened)) {
            TransportState transport = state.transport;
            transport.compact = compact;
            transport.showVolume = ui.volumeInTransport;
            transport.speed = state.display.speed;
            transport.chapters = state.chapters.rows;
            transport.currentChapter = state.chapters.currentChapter;
            transport.listFont = ui.transcript.readingFont;
            transport.finishButton = state.kiosk;
            Commands t = drawTransportBar(transport, ui.transport);
            out.insert(out.end(), t.begin(), t.end());
            // The last row's bottom and a small margin, not a whole row's spacing and padding.
            ui.transportHeight = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + transportBarMargin();
        }
        ImGui::EndChild();
    }
    ImGui::End();
    if (!state.toast.empty()) drawToast(state.toast, ui.transportHeight);
    drawKeyboardHelp(ui.keyboardHelp, ui.transcript.readingFont);
    return out;
}

} // namespace la::ui
