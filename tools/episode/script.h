#pragma once
// The episode's sources: the article's '##' sections (article.md) and the
// conversation script (script.tsv). See docs/episode.md for the formats.

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace la::episode {

/// Thrown for any problem with the sources; what() is "file:line: problem".
struct SourceError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Section {
    std::string title;  ///< heading text as written
    std::string anchor; ///< GitHub-style slug
};

/// One whitespace-separated word as shown, with what the synthesizer says for
/// it (usually the same; differs for {shown|spoken} markup).
struct DisplayUnit {
    std::string shown;
    std::vector<std::string> spokenTokens; ///< one or more flite tokens
};

struct ScriptLine {
    int lineNumber = 0;
    std::string speaker;
    std::string anchor;
    int section = 0;               ///< index into the article's sections
    std::string shownText;         ///< the text as shown
    std::string spokenText;        ///< the text as given to the synthesizer
    std::vector<DisplayUnit> units;
};

struct Script {
    std::map<std::string, std::string> meta; ///< @KEY value
    std::vector<ScriptLine> lines;
};

/// GitHub-style heading slug: lower case, punctuation removed (except '-' and
/// '_'), spaces become '-'. Non-ASCII bytes are kept.
std::string slugify(const std::string& heading);

/// The '##' headings of a CommonMark file (ATX only, outside fenced code).
std::vector<Section> readSections(const std::string& path);

/// Reads and checks the script against the sections: known speakers, known
/// anchors, sections in article order, every section spoken about.
Script readScript(const std::string& path, const std::vector<Section>& sections,
                  const std::vector<std::string>& speakers);

/// Splits a script text into display units, resolving {shown|spoken} markup.
std::vector<DisplayUnit> splitUnits(const std::string& text, const std::string& where);

} // namespace la::episode
