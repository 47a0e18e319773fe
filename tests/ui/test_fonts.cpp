// Fonts: the atlas is built with FreeType at the asked pixel sizes, has the
// typographic punctuation transcripts use, stays a sane texture size at 400 %,
// and a missing/broken font file gives an error and a usable fallback.
// Headless ImGui context as in imgui's example_null.

#include "support/headless_imgui.h"
#include "ui/fonts.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace la::ui;

namespace {

const std::string kFontDir = std::string(LA_SOURCE_DIR) + "/assets/fonts";

/// One ImGui context per test, destroyed at the end.
struct FontsImGui : la::test::HeadlessImGui {
    /// One frame drawing `text` with `font`; returns its size.
    ImVec2 drawFrame(ImFont* font, const char* text) {
        ImGui::NewFrame();
        // A fixed size: an auto-fitting window is hidden on its first frame.
        ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize, ImGuiCond_Always);
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        ImGui::PushFont(font);
        ImGui::TextUnformatted(text);
        ImVec2 size = ImGui::CalcTextSize(text);
        ImGui::PopFont();
        ImGui::End();
        ImGui::Render();
        return size;
    }
};

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "la-fonts-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

const char* kPunctuation = "\xE2\x80\x99 \xE2\x80\x93 \xE2\x80\x9C \xE2\x80\x9D \xE2\x80\xA2 \xE2\x80\xA6"; // ’ – “ ” • …

} // namespace

TEST_CASE("fontPxForScale: whole pixels, 20 px at 100 %, 80 px at 400 %", "[fonts]") {
    CHECK(fontPxForScale(1.0) == 20.0f);
    CHECK(fontPxForScale(1.25) == 25.0f);
    CHECK(fontPxForScale(1.5) == 30.0f);
    CHECK(fontPxForScale(2.5) == 50.0f);
    CHECK(fontPxForScale(4.0) == 80.0f);
    CHECK(fontPxForScale(1.33) == 26.0f); // rounded down
    CHECK(fontPxForScale(0.0) == 20.0f);  // nonsense -> 100 %
    CHECK(fontPxForScale(100.0) == kMaxFontPx);
}

TEST_CASE("bundled fonts and licence are present", "[fonts]") {
    CHECK(fs::file_size(kFontDir + "/DejaVuSans.ttf") > 100000);
    CHECK(fs::file_size(kFontDir + "/DejaVuSans-Bold.ttf") > 100000);
    CHECK(fs::file_size(kFontDir + "/LICENSE-DejaVu.txt") > 1000);
}

TEST_CASE("fonts build at the asked pixel sizes with the punctuation transcripts use", "[fonts]") {
    struct Row {
        float uiPx, readingPx;
    };
    for (Row row : {Row{20, 20}, Row{20, 30}, Row{50, 60}, Row{80, 80}}) {
        DYNAMIC_SECTION("ui " << row.uiPx << " px, reading " << row.readingPx << " px") {
            FontsImGui imgui;
            ImGuiIO& io = ImGui::GetIO();
            FontSet fonts;
            std::string error;
            REQUIRE(buildFonts(*io.Fonts, kFontDir, row.uiPx, row.readingPx, fonts, error));
            CHECK(error.empty());
            CHECK_FALSE(fonts.usingFallbackFont);
            CHECK(fonts.uiPx == row.uiPx);
            CHECK(fonts.readingPx == row.readingPx);
            CHECK(fonts.ui->FontSize == row.uiPx);
            CHECK(fonts.uiBold->FontSize == row.uiPx);
            CHECK(fonts.reading->FontSize == row.readingPx);
            CHECK(fonts.readingBold->FontSize == row.readingPx);
            CHECK(fonts.uiBold != fonts.ui);
            CHECK(fonts.readingBold != fonts.reading);
            CHECK(io.Fonts->Fonts[0] == fonts.ui); // ImGui's default font

            for (ImFont* f : {fonts.ui, fonts.uiBold, fonts.reading, fonts.readingBold}) {
                for (ImWchar c : {0x2019, 0x2018, 0x2013, 0x2014, 0x201C, 0x201D, 0x2022, 0x2026, 0x00E9, 0x00FC,
                                  0x00DF, 0x0153, 0x20AC}) {
                    INFO("U+" << std::hex << int(c));
                    CHECK(f->FindGlyphNoFallback(c) != nullptr);
                }
                CHECK(f->EllipsisChar == 0x2026); // real "…" when ImGui clips text
            }

            // A headless frame renders with them (texture data as the GL backend asks for it).
            unsigned char* pixels = nullptr;
            int w = 0, h = 0;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
            REQUIRE(pixels != nullptr);
            CHECK(w == fonts.atlasWidth);
            CHECK(h == fonts.atlasHeight);
            ImVec2 size = imgui.drawFrame(fonts.reading, kPunctuation);
            CHECK(size.y == Approx(row.readingPx));
            CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
        }
    }
}

TEST_CASE("atlas size and build time at 100 % and 400 %", "[fonts][measure]") {
    for (float px : {20.0f, 80.0f}) {
        ImFontAtlas atlas;
        FontSet fonts;
        std::string error;
        auto start = std::chrono::steady_clock::now();
        REQUIRE(buildFonts(atlas, kFontDir, px, px, fonts, error));
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        // Shown with `test_ui "[measure]" -s`.
        INFO(px << " px: atlas " << fonts.atlasWidth << "x" << fonts.atlasHeight << ", built in " << ms << " ms, "
                << fonts.ui->Glyphs.Size << " glyphs per font");
        CHECK(fonts.atlasWidth <= 4096); // every GL 3 driver supports 4096
        CHECK(fonts.atlasHeight <= 4096);
    }
}

TEST_CASE("a missing font file gives an error naming it and ImGui's font at the asked size", "[fonts]") {
    FontsImGui imgui;
    ImGuiIO& io = ImGui::GetIO();
    FontSet fonts;
    std::string error;
    CHECK_FALSE(buildFonts(*io.Fonts, "/nonexistent/fonts", 40, 50, fonts, error));
    INFO(error);
    CHECK(error.find("/nonexistent/fonts/DejaVuSans.ttf") != std::string::npos);
    CHECK(fonts.usingFallbackFont);
    REQUIRE(fonts.ui != nullptr);
    REQUIRE(fonts.reading != nullptr);
    CHECK(fonts.uiBold == fonts.ui);
    CHECK(fonts.ui->FontSize == 40.0f); // still big enough for the reader
    CHECK(fonts.reading->FontSize == 50.0f);
    CHECK(io.Fonts->IsBuilt());
    CHECK(imgui.drawFrame(fonts.ui, "Play").x > 0); // and it renders
}

TEST_CASE("a missing bold file falls back to the regular font", "[fonts]") {
    TempDir dir;
    fs::copy_file(kFontDir + "/DejaVuSans.ttf", dir.path / "DejaVuSans.ttf");
    ImFontAtlas atlas;
    FontSet fonts;
    std::string error;
    CHECK_FALSE(buildFonts(atlas, dir.path.string(), 20, 20, fonts, error));
    CHECK(error.find("DejaVuSans-Bold.ttf") != std::string::npos);
    CHECK_FALSE(fonts.usingFallbackFont);
    CHECK(fonts.uiBold == fonts.ui);
    CHECK(fonts.readingBold == fonts.reading);
    CHECK(fonts.ui->FindGlyphNoFallback(0x2019) != nullptr);
}

TEST_CASE("a damaged font file gives an error and the built-in font, no crash", "[fonts]") {
    TempDir dir;
    for (const char* name : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
        std::ofstream out(dir.path / name, std::ios::binary);
        out << std::string(4096, 'x'); // not a font
    }
    FontsImGui imgui;
    ImGuiIO& io = ImGui::GetIO();
    FontSet fonts;
    std::string error;
    CHECK_FALSE(buildFonts(*io.Fonts, dir.path.string(), 30, 30, fonts, error));
    INFO(error);
    CHECK(error.find(dir.path.string()) != std::string::npos);
    CHECK(fonts.usingFallbackFont);
    CHECK(fonts.ui->FontSize == 30.0f);
    CHECK(imgui.drawFrame(fonts.reading, "Hello").x > 0);
}

TEST_CASE("buildFonts refuses to touch the atlas during a frame", "[fonts]") {
    FontsImGui imgui;
    ImGuiIO& io = ImGui::GetIO();
    FontSet fonts;
    std::string error;
    REQUIRE(buildFonts(*io.Fonts, kFontDir, 20, 20, fonts, error));
    ImGui::NewFrame();
    FontSet again;
    CHECK_FALSE(buildFonts(*io.Fonts, kFontDir, 40, 40, again, error));
    CHECK(error.find("between frames") != std::string::npos);
    CHECK(again.ui == nullptr);
    ImGui::Render();
    // Rebuilding between frames works and replaces the fonts.
    REQUIRE(buildFonts(*io.Fonts, kFontDir, 40, 40, again, error));
    io.FontDefault = again.ui;
    CHECK(imgui.drawFrame(again.ui, "Play").y == Approx(40.0f));
}
