#pragma once
// Reading typed values from one JSON object of a small file the player owns
// (settings.json, a kiosk config), the same way for every file: a value of the
// wrong type is never used, and gives a warning that names the file, the key
// and what was there ("settings.json: volume should be a number, not "loud";
// using the default").

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace la::player {

enum class SpeechOverEpisode; // settings.h

/// "duck" or "pause": how settings.json and a kiosk config spell it.
std::string_view speechOverEpisodeName(SpeechOverEpisode s);

class JsonFields {
public:
    /// How the warning for a wrong-typed value ends. Plain: "; using the
    /// default". NamesValue also says which value that is ("; using the
    /// default 120"), for kiosk admins, who edit the file without the app.
    enum class Wording { Plain, NamesValue };

    /// `object` must outlive the reader; warnings are appended to `warnings`,
    /// each starting "SOURCE: ".
    JsonFields(const nlohmann::json& object, std::string source, std::vector<std::string>& warnings,
               Wording wording = Wording::Plain);

    /// Appends "SOURCE: text".
    void warn(const std::string& text);

    /// Reads `key` into out when it holds a number. Absent: out unchanged, no
    /// warning. Any other type: out unchanged, and "KEY should be a number,
    /// not VALUE; using the default".
    void number(const char* key, double& out);
    /// The same for true/false ("KEY should be true or false, not VALUE; ...").
    void boolean(const char* key, bool& out);
    /// Like boolean(), but a wrong-typed value gives `fallback` (a safe value
    /// rather than the default), and the warning ends "; using false" + why.
    void boolean(const char* key, bool& out, bool fallback, const std::string& why);
    /// The same for a string ("KEY should be a string in quotes, not VALUE; ...").
    void string(const char* key, std::string& out);
    /// "duck" or "pause" (speechOverEpisodeName). Anything else: out unchanged,
    /// and "KEY should be "duck" or "pause", not VALUE; using duck" (the value
    /// used is named, whatever the wording).
    void speechOverEpisode(const char* key, SpeechOverEpisode& out);

private:
    /// "; using the default" (+ " VALUE" when the wording names it).
    std::string usingDefault(const std::string& value) const;
    /// The value at `key` when it is there and isType(value); nullptr when it
    /// is absent, or (with the warning "KEY should be EXPECTED, not VALUE; " +
    /// instead) of another type.
    const nlohmann::json* typed(const char* key, bool (*isType)(const nlohmann::json&), const char* expected,
                                const std::string& instead);

    const nlohmann::json& object_;
    std::string source_;
    std::vector<std::string>& warnings_;
    Wording wording_;
};

} // namespace la::player
