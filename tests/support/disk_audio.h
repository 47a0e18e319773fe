#pragma once
// Reading what SDL's "disk" audio driver wrote: raw float32 stereo frames at
// the device rate (the player always opens float32 stereo 48 kHz).

#include <fstream>
#include <string>
#include <vector>

namespace la::test {

/// The left channel of a raw float32 stereo file, taking every `decimate`-th
/// frame (48 kHz output vs a 24 kHz source: decimate = 2).
inline std::vector<float> readDiskAudioLeft(const std::string& path, int decimate) {
    std::ifstream in(path, std::ios::binary);
    std::vector<float> frames;
    float lr[2];
    size_t i = 0;
    while (in.read(reinterpret_cast<char*>(lr), sizeof lr)) {
        if (i++ % size_t(decimate) == 0) frames.push_back(lr[0]);
    }
    return frames;
}

/// Index of the first sample whose magnitude exceeds `threshold`, or size().
inline size_t firstSound(const std::vector<float>& s, size_t from = 0, float threshold = 1e-3f) {
    for (size_t i = from; i < s.size(); ++i)
        if (std::abs(s[i]) > threshold) return i;
    return s.size();
}

} // namespace la::test
