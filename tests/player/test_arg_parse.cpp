// Issue #10 item 12: an option missing its value does not swallow the next
// flag, and --start takes only well-formed times.
#include "player/config/app_options.h"
#include "player/config/arg_parse.h"
#include "player/start_check.h"

#include <catch2/catch.hpp>

using namespace la::player;

TEST_CASE("An option without its value is an error naming it, not a file named after the next flag") {
    CHECK_THROWS_WITH(parseAppOptions({"--state-file", "--frames", "3"}), "--state-file needs a value");
    CHECK_THROWS_WITH(parseAppOptions({"--transcript", "-h"}), "--transcript needs a value");
    CHECK_THROWS_WITH(parseAppOptions({"--article"}), "--article needs a value");
    // A file whose name starts with "--" is still reachable, as ./--name.
    CHECK(parseAppOptions({"--state-file", "./--frames"}).stateFile == "./--frames");
    // A lone "-" and negative numbers are values (the number's own check judges them).
    CHECK(parseAppOptions({"--screenshot", "-"}).screenshot == "-");
    CHECK_THROWS_WITH(parseAppOptions({"--start", "-30"}), Catch::Contains("--start must not be negative"));
}

TEST_CASE("The --start option takes 90, 90.5, 1:30 and 1:02:03.5, and refuses malformed times") {
    CHECK(parseSeconds("90", "--start") == 90);
    CHECK(parseSeconds("90.5", "--start") == 90.5);
    CHECK(parseSeconds("1:30", "--start") == 90);
    CHECK(parseSeconds("01:02:03.5", "--start") == Approx(3723.5));
    CHECK(parseSeconds("120:00", "--start") == 7200); // the first field may be large
    CHECK(parseSeconds("0:59", "--start") == 59);
    for (const char* bad : {"1:-30", "99:99:99", "1:60", "1:2:60", "1::30", ":30", "1:30:", "1.5:30", "1:+30",
                            "1e3", "inf", "nan", "0x10", " 90", "1:2:3:4", "", "1:30.", ".5"}) {
        INFO(bad);
        CHECK_THROWS_AS(parseSeconds(bad, "--start"), ArgError);
    }
    CHECK_THROWS_WITH(parseSeconds("1:-30", "--start"), Catch::Contains("--start") && Catch::Contains("'1:-30'"));
    CHECK_THROWS_WITH(parseSeconds("99:99:99", "--start"), Catch::Contains("below 60"));
}

TEST_CASE("A --start after the end of the episode is explained, not silently clamped") {
    CHECK(startAfterEndProblem(std::nullopt, 421) == "");
    CHECK(startAfterEndProblem(420.9, 421) == "");
    CHECK(startAfterEndProblem(18000, 421) ==
          "--start 5:00:00 is after the end of the episode (7:01): starting at the beginning");
    CHECK(startAfterEndProblem(421, 421) != "");
}
