#include "transcripts/transcript_file.h"

#include "transcripts/chapters_parser.h"
#include "transcripts/json_transcript_parser.h"
#include "transcripts/parse_error.h"
#include "transcripts/regular_file.h"
#include "transcripts/srt_parser.h"
#include "transcripts/text_utils.h"
#include "transcripts/time_lookup.h"
#include "transcripts/webvtt_parser.h"

#include <cctype>
#include <filesystem>

namespace la::transcripts {

namespace {

std::string lowerExtension(const std::string& fileName) {
    std::string ext = std::filesystem::path(fileName).extension().string();
    for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

bool nameMentionsChapters(const std::string& fileName) {
    std::string name = std::filesystem::path(fileName).filename().string();
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    return name.find("chapters") != std::string::npos;
}

bool hasNulBytes(std::string_view bytes) {
    return bytes.substr(0, 4096).find('\0') != std::string_view::npos;
}

} // namespace

const char* formatName(FileFormat format) {
    switch (format) {
    case FileFormat::WebVtt: return "vtt";
    case FileFormat::Srt: return "srt";
    case FileFormat::JsonTranscript: return "json";
    case FileFormat::JsonChapters: return "chapters";
    case FileFormat::Unknown: break;
    }
    return "unknown";
}

FileFormat detectFormat(std::string_view bytes, const std::string& fileName) {
    const Bom bom = detectBom(bytes);
    const std::string text = bomToUtf8(bytes);
    const std::string_view body = trimAsciiWhitespace(text);
    const std::string ext = lowerExtension(fileName);
    if (body.substr(0, 6) == "WEBVTT") return FileFormat::WebVtt;
    if (looksLikeJsonChapters(text)) return FileFormat::JsonChapters;
    if (looksLikeJsonTranscript(text)) return FileFormat::JsonTranscript;
    const bool wideText = bom == Bom::Utf16Le || bom == Bom::Utf16Be || bom == Bom::Utf32Le || bom == Bom::Utf32Be;
    if (!wideText && hasNulBytes(bytes)) return FileFormat::Unknown;
    if (ext == ".vtt") return FileFormat::WebVtt;
    if (looksLikeSrt(text)) return FileFormat::Srt;
    if (ext == ".srt") return FileFormat::Srt;
    if (ext == ".json" || (!body.empty() && body.front() == '{')) {
        return nameMentionsChapters(fileName) ? FileFormat::JsonChapters : FileFormat::JsonTranscript;
    }
    return FileFormat::Unknown;
}

LoadedFile parseTranscriptBytes(std::string_view bytes, const std::string& fileName) {
    if (trimAsciiWhitespace(bomToUtf8(bytes)).empty()) throw ParseError(fileName, 0, 0, "empty file");
    switch (detectFormat(bytes, fileName)) {
    case FileFormat::WebVtt: {
        // The WebVTT parser wants UTF-8; a UTF-16/32 file is converted first.
        Transcript t = detectBom(bytes) == Bom::None || detectBom(bytes) == Bom::Utf8
                           ? parseWebVtt(bytes, fileName)
                           : parseWebVtt(bomToUtf8(bytes), fileName);
        sortCuesInTrackOrder(t.cues);
        return t;
    }
    case FileFormat::Srt: {
        Transcript t = parseSrt(bytes, fileName);
        sortCuesInTrackOrder(t.cues);
        return t;
    }
    case FileFormat::JsonTranscript: {
        Transcript t = parseJsonTranscript(bomToUtf8(bytes), fileName);
        sortCuesInTrackOrder(t.cues);
        return t;
    }
    case FileFormat::JsonChapters: {
        ChapterList c = parseChapters(bomToUtf8(bytes), fileName);
        sortChaptersByStart(c.chapters);
        return c;
    }
    case FileFormat::Unknown: break;
    }
    if (hasNulBytes(bytes)) throw ParseError(fileName, 0, 0, "binary data, not a transcript or chapters file");
    throw ParseError(fileName, 0, 0,
                     "not a transcript or chapters file (expected WebVTT, SubRip or Podcasting 2.0 JSON)");
}

LoadedFile loadTranscriptFile(const std::string& path) {
    std::string content, problem;
    if (!readRegularFile(path, kMaxTextFileBytes, content, problem)) throw ParseError(path, 0, 0, problem);
    return parseTranscriptBytes(content, path);
}

Transcript loadTranscript(const std::string& path) {
    LoadedFile file = loadTranscriptFile(path);
    if (auto* t = std::get_if<Transcript>(&file)) return std::move(*t);
    throw ParseError(path, 0, 0, "this is a chapters file, not a transcript");
}

ChapterList loadChapters(const std::string& path) {
    LoadedFile file = loadTranscriptFile(path);
    if (auto* c = std::get_if<ChapterList>(&file)) return std::move(*c);
    throw ParseError(path, 0, 0, "this is a transcript, not a chapters file");
}

} // namespace la::transcripts
