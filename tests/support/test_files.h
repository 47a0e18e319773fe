#pragma once
// Reading test fixtures and files a test run produced.

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace la::test {

/// The whole file, byte for byte; fails the test if it cannot be opened.
inline std::string readFileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    INFO("reading " << path);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// A fixture under tests/data/, e.g. readTestData("transcripts/vtt/basic.vtt").
inline std::string readTestData(const std::string& relative) {
    return readFileBytes(std::string(LA_TEST_DATA) + "/" + relative);
}

} // namespace la::test
