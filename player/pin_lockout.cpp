#include "player/pin_lockout.h"

#include "player/config/small_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace la::player {

namespace fs = std::filesystem;

double pinLockoutSeconds(int wrongInARow) {
    if (wrongInARow < kMaxWrongPins) return 0.0;
    // 2^(n-3), computed in steps so a huge count cannot overflow.
    double s = kPinLockoutFirstSeconds;
    for (int i = kMaxWrongPins; i < wrongInARow && s < kPinLockoutMaxSeconds; ++i) s *= 2;
    return std::min(s, kPinLockoutMaxSeconds);
}

fs::path defaultPinLockoutPath() {
    const char* state = std::getenv("XDG_STATE_HOME");
    fs::path base;
    if (state && *state && fs::path(state).is_absolute()) base = state;
    else if (const char* home = std::getenv("HOME"); home && *home) base = fs::path(home) / ".local" / "state";
    else return {};
    return base / "listenalong" / "kiosk-lockout.json";
}

double unixNow() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

PinLockoutRecord loadPinLockout(const fs::path& file, double nowUnix, std::string& warning) {
    std::error_code ec;
    if (file.empty() || fs::symlink_status(file, ec).type() == fs::file_type::not_found) return {};
    const PinLockoutRecord damaged{kMaxWrongPins, nowUnix + pinLockoutSeconds(kMaxWrongPins)};
    std::string text, problem;
    if (!readSmallFile(file, text, problem)) {
        warning = file.string() + ": " + problem + "; counting it as " + std::to_string(kMaxWrongPins) +
                  " wrong PINs";
        return damaged;
    }
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    auto wrong = j.is_object() ? j.find("wrongInARow") : j.end();
    auto until = j.is_object() ? j.find("lockedUntilUnix") : j.end();
    if (!j.is_object() || wrong == j.end() || until == j.end() || !wrong->is_number_integer() ||
        !until->is_number() || !std::isfinite(until->get<double>()) || wrong->get<long long>() < 0) {
        warning = file.string() + ": not a valid lockout record; counting it as " + std::to_string(kMaxWrongPins) +
                  " wrong PINs";
        return damaged;
    }
    PinLockoutRecord r;
    r.wrongInARow = int(std::min<long long>(wrong->get<long long>(), 1000000));
    // Never longer than the schedule allows, whatever the clock or the file says.
    r.lockedUntilUnix = std::min(until->get<double>(), nowUnix + pinLockoutSeconds(r.wrongInARow));
    return r;
}

bool savePinLockout(const fs::path& file, const PinLockoutRecord& record, std::string& error) {
    if (file.empty()) {
        error = "no place to keep it (neither XDG_STATE_HOME nor HOME is set)";
        return false;
    }
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const fs::path tmp = file.string() + ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << nlohmann::json{{"version", 1},
                              {"wrongInARow", record.wrongInARow},
                              {"lockedUntilUnix", record.lockedUntilUnix}}
                   .dump(2)
            << "\n";
        out.flush();
        if (!out) {
            error = tmp.string() + ": cannot be written";
            fs::remove(tmp, ec);
            return false;
        }
    }
    fs::rename(tmp, file, ec);
    if (ec) {
        error = file.string() + ": " + ec.message();
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

} // namespace la::player
