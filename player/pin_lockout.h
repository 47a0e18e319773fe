#pragma once
// How long the kiosk's PIN pad stays locked after wrong PINs, and the record
// of wrong tries that survives a restart (a crash, a power cut, or the systemd
// unit restarting the player must not give a guesser fresh tries).
//
// Schedule: the first kMaxWrongPins wrong PINs in a row are free; the third
// locks the pad for kPinLockoutFirstSeconds, and every further wrong PIN
// doubles the lock, up to kPinLockoutMaxSeconds. Only the right PIN resets it.
// With one try per hour once the cap is reached, a 4-digit PIN holds for
// about a year of continuous guessing instead of 14 hours.
//
// The record is $XDG_STATE_HOME/listenalong/kiosk-lockout.json (default
// ~/.local/state/listenalong/...), written atomically (temporary file, then
// rename). It holds wall-clock time, because the app's monotonic clock starts
// again at every launch.

#include <filesystem>
#include <string>

namespace la::player {

inline constexpr int kMaxWrongPins = 3;
inline constexpr double kPinLockoutFirstSeconds = 30.0;
inline constexpr double kPinLockoutMaxSeconds = 3600.0;

/// Seconds the pad is locked after `wrongInARow` wrong PINs: 0 below
/// kMaxWrongPins, then 30, 60, 120, ... capped at 3600.
double pinLockoutSeconds(int wrongInARow);

/// What is kept across restarts.
struct PinLockoutRecord {
    int wrongInARow = 0;          ///< wrong PINs since the last right one
    double lockedUntilUnix = 0;   ///< seconds since the Unix epoch; <= now: not locked

    bool operator==(const PinLockoutRecord&) const = default;
};

/// $XDG_STATE_HOME/listenalong/kiosk-lockout.json, or ~/.local/state/... when
/// XDG_STATE_HOME is unset or not absolute. Empty when neither can be found.
std::filesystem::path defaultPinLockoutPath();

/// Reads the record. A missing file is no record (no warning). A damaged one
/// (not JSON, wrong types, unreadable) must not be a way to wipe the count, so
/// it reads as kMaxWrongPins wrong tries locked from `nowUnix`, with `warning`
/// naming the file.
PinLockoutRecord loadPinLockout(const std::filesystem::path& file, double nowUnix, std::string& warning);

/// Writes the record atomically, creating the folder. False with `error` set
/// when it cannot.
bool savePinLockout(const std::filesystem::path& file, const PinLockoutRecord& record, std::string& error);

/// Seconds since the Unix epoch, now.
double unixNow();

} // namespace la::player
