#include "player/config/json_fields.h"

#include "player/config/clamp_field.h"
#include "player/config/settings.h"

#include <nlohmann/json.hpp>

#include <utility>

namespace la::player {

namespace {

bool isNumber(const nlohmann::json& v) { return v.is_number(); }
bool isBoolean(const nlohmann::json& v) { return v.is_boolean(); }
bool isString(const nlohmann::json& v) { return v.is_string(); }

} // namespace

std::string_view speechOverEpisodeName(SpeechOverEpisode s) {
    return s == SpeechOverEpisode::Pause ? "pause" : "duck";
}

JsonFields::JsonFields(const nlohmann::json& object, std::string source, std::vector<std::string>& warnings,
                       Wording wording)
    : object_(object), source_(std::move(source)), warnings_(warnings), wording_(wording) {}

void JsonFields::warn(const std::string& text) { warnings_.push_back(source_ + ": " + text); }

std::string JsonFields::usingDefault(const std::string& value) const {
    return wording_ == Wording::NamesValue ? "using the default " + value : "using the default";
}

const nlohmann::json* JsonFields::typed(const char* key, bool (*isType)(const nlohmann::json&), const char* expected,
                                        const std::string& instead) {
    auto it = object_.find(key);
    if (it == object_.end()) return nullptr;
    if (isType(*it)) return &*it;
    warn(std::string(key) + " should be " + expected + ", not " + it->dump() + "; " + instead);
    return nullptr;
}

void JsonFields::number(const char* key, double& out) {
    if (auto* v = typed(key, isNumber, "a number", usingDefault(formatNumber(out)))) out = v->get<double>();
}

void JsonFields::boolean(const char* key, bool& out) {
    if (auto* v = typed(key, isBoolean, "true or false", usingDefault(out ? "true" : "false"))) out = v->get<bool>();
}

void JsonFields::boolean(const char* key, bool& out, bool fallback, const std::string& why) {
    const std::string instead = std::string("using ") + (fallback ? "true" : "false") + why;
    if (auto* v = typed(key, isBoolean, "true or false", instead))
        out = v->get<bool>();
    else if (object_.contains(key))
        out = fallback;
}

void JsonFields::string(const char* key, std::string& out) {
    if (auto* v = typed(key, isString, "a string in quotes", usingDefault(nlohmann::json(out).dump())))
        out = v->get<std::string>();
}

void JsonFields::speechOverEpisode(const char* key, SpeechOverEpisode& out) {
    auto it = object_.find(key);
    if (it == object_.end()) return;
    for (SpeechOverEpisode s : {SpeechOverEpisode::Duck, SpeechOverEpisode::Pause}) {
        if (it->is_string() && it->get<std::string>() == speechOverEpisodeName(s)) {
            out = s;
            return;
        }
    }
    warn(std::string(key) + " should be \"duck\" or \"pause\", not " + it->dump() + "; using " +
         std::string(speechOverEpisodeName(out)));
}

} // namespace la::player
