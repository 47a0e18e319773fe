// The silence threshold of Shorten pauses (media/pause_threshold.h), fed block
// levels directly: where it sits for clean, noisy and quiet recordings, and
// that it follows the last 20 s only.
#include "media/pause_threshold.h"

#include <catch2/catch.hpp>

#include <cmath>

using la::media::PauseThreshold;

namespace {
// Blocks of speech at `speechDb` (a third of them) between blocks of room at `roomDb`.
void feed(PauseThreshold& t, int blocks, double speechDb, double roomDb) {
    for (int i = 0; i < blocks; ++i) t.add(i % 3 == 0 ? speechDb : roomDb);
}
} // namespace

TEST_CASE("PauseThreshold: the default until 0.4 s is heard, then between the room and the words") {
    PauseThreshold t(-45, 2000);
    feed(t, PauseThreshold::kMinBlocks - 1, -20, -35);
    CHECK(t.thresholdDb() == -45); // too little heard to judge
    feed(t, 1, -20, -35);
    CHECK(t.thresholdDb() == -32); // 12 dB below the words (the room + 6 would be -29)

    PauseThreshold clean(-45, 2000);
    feed(clean, 600, -18, -HUGE_VAL); // digital silence between words
    CHECK(clean.floorDb() == -120);
    CHECK(clean.thresholdDb() == -45); // as the fixed threshold always was

    PauseThreshold hum(-45, 2000);
    feed(hum, 600, -18, -55);
    CHECK(hum.thresholdDb() == -45); // a quiet room: breaths above -45 stay sound

    PauseThreshold fan(-45, 2000);
    feed(fan, 600, -16, -40);
    CHECK(fan.thresholdDb() == -34); // the room + 6

    PauseThreshold quiet(-45, 2000);
    feed(quiet, 600, -62, -HUGE_VAL);
    CHECK(quiet.thresholdDb() == -74); // 12 dB below a quiet speaker's words

    PauseThreshold noiseOnly(-45, 2000);
    feed(noiseOnly, 600, -30, -30); // no speech to be heard: nothing is a pause
    CHECK(noiseOnly.thresholdDb() == -42);
}

TEST_CASE("PauseThreshold: it follows the last 20 s, so a recording whose room changes is followed") {
    PauseThreshold t(-45, 2000); // 20 s of 10 ms blocks
    feed(t, 3000, -16, -40);
    CHECK(t.thresholdDb() == -34);
    feed(t, 1000, -16, -HUGE_VAL); // the fan turned off 10 s ago: half the window is quiet
    CHECK(t.thresholdDb() == -45);
    feed(t, 2000, -16, -40);       // and on again for 20 s: as if it had never been off
    CHECK(t.thresholdDb() == -34);
    CHECK(t.blocksHeard() == 2000);
}
