// Sidecar discovery (player/sidecars.h) in a scratch folder built per test.

#include "player/sidecars.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using la::player::findSidecars;
using la::player::SidecarPaths;

namespace {

// A fresh, empty folder removed again at the end of the test.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("la-sidecars-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string touch(const std::string& name) const {
        std::ofstream(path / name) << "x";
        return (path / name).string();
    }
    std::string at(const std::string& name) const { return (path / name).string(); }
};

} // namespace

TEST_CASE("Sidecars: transcript preference is vtt, then transcript.json, then srt", "[sidecars]") {
    ScratchDir dir;
    const std::string audio = dir.touch("episode.ogg");
    struct Row {
        std::vector<const char*> present;
        const char* expected; // "" = none
    };
    const std::vector<Row> rows = {
        {{}, ""},
        {{"episode.srt"}, "episode.srt"},
        {{"episode.transcript.json"}, "episode.transcript.json"},
        {{"episode.vtt"}, "episode.vtt"},
        {{"episode.srt", "episode.transcript.json"}, "episode.transcript.json"},
        {{"episode.srt", "episode.transcript.json", "episode.vtt"}, "episode.vtt"},
        {{"other.vtt", "episode.ogg.vtt", "Episode.vtt"}, ""}, // other names do not count
    };
    for (const Row& r : rows) {
        for (const auto& entry : fs::directory_iterator(dir.path)) {
            if (entry.path().filename() != "episode.ogg") fs::remove(entry.path());
        }
        for (const char* name : r.present) dir.touch(name);
        INFO("present: " << r.present.size() << " files, expecting '" << r.expected << "'");
        SidecarPaths found = findSidecars(audio, {});
        CHECK(found.transcript == (*r.expected ? dir.at(r.expected) : std::string()));
    }
}

TEST_CASE("Sidecars: chapters and article.md beside the audio", "[sidecars]") {
    ScratchDir dir;
    const std::string audio = dir.touch("show.part1.mp3");
    CHECK(findSidecars(audio, {}).chapters.empty());
    CHECK(findSidecars(audio, {}).article.empty());
    dir.touch("show.part1.chapters.json"); // NAME keeps inner dots
    dir.touch("article.md");
    dir.touch("show.part1.vtt");
    SidecarPaths found = findSidecars(audio, {});
    CHECK(found.transcript == dir.at("show.part1.vtt"));
    CHECK(found.chapters == dir.at("show.part1.chapters.json"));
    CHECK(found.article == dir.at("article.md"));
}

TEST_CASE("Sidecars: explicit overrides win, even for files that do not exist", "[sidecars]") {
    ScratchDir dir;
    const std::string audio = dir.touch("ep.ogg");
    dir.touch("ep.vtt");
    dir.touch("ep.chapters.json");
    dir.touch("article.md");
    SidecarPaths overrides{"/elsewhere/t.srt", "", "/elsewhere/notes.md"};
    SidecarPaths found = findSidecars(audio, overrides);
    CHECK(found.transcript == "/elsewhere/t.srt");
    CHECK(found.chapters == dir.at("ep.chapters.json")); // not overridden: still searched
    CHECK(found.article == "/elsewhere/notes.md");
}

TEST_CASE("Sidecars: a folder named like a sidecar is not one", "[sidecars]") {
    ScratchDir dir;
    const std::string audio = dir.touch("ep.ogg");
    fs::create_directory(dir.path / "ep.vtt");
    dir.touch("ep.srt");
    CHECK(findSidecars(audio, {}).transcript == dir.at("ep.srt"));
}
