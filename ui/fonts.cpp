#include "ui/fonts.h"

#include <imgui_freetype.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace la::ui {

namespace {

// Pairs of inclusive ranges, zero-terminated; must outlive the atlas (static).
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, // Basic Latin + Latin-1 Supplement
    0x0100, 0x017F, // Latin Extended-A (Œ œ Š š Ÿ Ž ž, Central European names)
    0x0192, 0x0192, // ƒ
    0x02C6, 0x02C6, // ˆ
    0x02DC, 0x02DC, // ˜
    0x2000, 0x206F, // General Punctuation: ‐ – — ‘ ’ “ ” • … ′ ″ ‹ › ...
    0x20AC, 0x20AC, // €
    0x2122, 0x2122, // ™
    0xFFFD, 0xFFFD, // replacement character, drawn for anything else
    0,
};

float clampPx(float px) {
    if (!std::isfinite(px)) return kBaseFontPx;
    return std::clamp(std::floor(px), kMinFontPx, kMaxFontPx);
}

/// Reads a TTF into memory allocated with IM_ALLOC, ready to hand to the atlas.
void* loadFontFile(const std::filesystem::path& file, int& size, std::string& problem) {
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) {
        problem = file.string() + ": cannot open font file: " + std::strerror(errno ? errno : ENOENT);
        return nullptr;
    }
    std::streamoff length = in.tellg();
    if (length < 12 || length > 64 * 1024 * 1024) {
        problem = file.string() + ": not a usable font file (" + std::to_string(length) + " bytes)";
        return nullptr;
    }
    void* data = IM_ALLOC(static_cast<size_t>(length));
    in.seekg(0);
    if (!in.read(static_cast<char*>(data), length)) {
        IM_FREE(data);
        problem = file.string() + ": cannot read font file";
        return nullptr;
    }
    size = static_cast<int>(length);
    return data;
}

/// Adds one TTF at px; nullptr (and a problem) if the file cannot be read.
ImFont* addTtf(ImFontAtlas& atlas, const std::filesystem::path& file, float px, std::vector<std::string>& problems) {
    int size = 0;
    std::string problem;
    void* data = loadFontFile(file, size, problem);
    if (!data) {
        problems.push_back(problem);
        return nullptr;
    }
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true; // the atlas IM_FREEs it
    cfg.PixelSnapH = true;
    cfg.OversampleH = 1; // FreeType renders at the final size; oversampling only costs memory
    cfg.OversampleV = 1;
    std::snprintf(cfg.Name, sizeof(cfg.Name), "%s, %.0fpx", file.filename().string().c_str(), px);
    return atlas.AddFontFromMemoryTTF(data, size, px, &cfg, kGlyphRanges);
}

ImFont* addFallback(ImFontAtlas& atlas, float px) {
    ImFontConfig cfg;
    cfg.SizePixels = px; // ProggyClean scaled: blocky, but the size the reader needs
    return atlas.AddFontDefault(&cfg);
}

/// The atlas with ImGui's built-in font only, at the requested sizes.
void buildFallbackAtlas(ImFontAtlas& atlas, float uiPx, float readingPx, FontSet& set) {
    atlas.Clear();
    set.ui = set.uiBold = addFallback(atlas, uiPx);
    set.reading = set.readingBold = addFallback(atlas, readingPx);
    set.usingFallbackFont = true;
    atlas.Build();
}

std::string join(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += (s.empty() ? "" : "\n") + l;
    return s;
}

} // namespace

float fontPxForScale(double scale) {
    if (!std::isfinite(scale) || scale <= 0) scale = 1.0;
    return clampPx(static_cast<float>(std::floor(kBaseFontPx * scale + 1e-4)));
}

const ImWchar* glyphRanges() { return kGlyphRanges; }

bool buildFonts(ImFontAtlas& atlas, const std::string& fontDir, float uiPx, float readingPx, FontSet& out,
                std::string& error) {
    error.clear();
    if (atlas.Locked) {
        error = "buildFonts: the font atlas is in use by the current frame; call it between frames";
        return false;
    }
    FontSet set;
    set.uiPx = clampPx(uiPx);
    set.readingPx = clampPx(readingPx);

    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting; // keeps letter spacing natural
    atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;                  // the OS draws the cursor

    const std::filesystem::path dir(fontDir);
    std::vector<std::string> problems;
    // The UI regular font goes first: Fonts[0] is ImGui's default font.
    set.ui = addTtf(atlas, dir / kRegularFontFile, set.uiPx, problems);
    if (!set.ui) {
        set.ui = addFallback(atlas, set.uiPx);
        set.usingFallbackFont = true;
    }
    set.uiBold = addTtf(atlas, dir / kBoldFontFile, set.uiPx, problems);
    if (!set.uiBold) set.uiBold = set.ui;
    set.reading = addTtf(atlas, dir / kRegularFontFile, set.readingPx, problems);
    if (!set.reading) {
        set.reading = addFallback(atlas, set.readingPx);
        set.usingFallbackFont = true;
    }
    set.readingBold = addTtf(atlas, dir / kBoldFontFile, set.readingPx, problems);
    if (!set.readingBold) set.readingBold = set.reading;

    if (!atlas.Build()) {
        // FreeType could not load one of the files (corrupt or not a font).
        problems.push_back(fontDir + ": FreeType could not load " + kRegularFontFile + " or " + kBoldFontFile +
                           " (damaged or not a font file?)");
        buildFallbackAtlas(atlas, set.uiPx, set.readingPx, set);
    }
    set.atlasWidth = atlas.TexWidth;
    set.atlasHeight = atlas.TexHeight;
    out = set;
    if (problems.empty()) return true;
    error = join(problems) + (set.usingFallbackFont ? "\nUsing the built-in font instead."
                                                    : "\nUsing the regular font for bold text.");
    return false;
}

} // namespace la::ui
