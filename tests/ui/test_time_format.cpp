// Times as people read and hear them (ui/time_format.h).
#include "ui/time_format.h"

#include <catch2/catch.hpp>

using namespace la::ui;

TEST_CASE("Clock times: minutes and seconds, hours only when needed, remaining with a minus") {
    CHECK(formatClock(0) == "0:00");
    CHECK(formatClock(65.9) == "1:05");
    CHECK(formatClock(3723) == "1:02:03");
    CHECK(formatRemaining(190) == "-3:10");
}

TEST_CASE("Durations in words, as the time saved is shown and read out") {
    CHECK(durationInWords(0) == "0 seconds");
    CHECK(durationInWords(1.9) == "1 second");
    CHECK(durationInWords(45) == "45 seconds");
    CHECK(durationInWords(60) == "1 minute");
    CHECK(durationInWords(72.4) == "1 minute 12 seconds");
    CHECK(durationInWords(125) == "2 minutes 5 seconds");
    CHECK(durationInWords(3600) == "1 hour");
    CHECK(durationInWords(7380 + 59) == "2 hours 3 minutes");
    CHECK(durationInWords(-5) == "0 seconds");
}
