#!/usr/bin/python3
"""Checks Shorten pauses' time map on real speech (issue #15).

Usage: tools/episode/measure_shorten.py PLAIN.wav PLAIN.tsv SHORT.wav SHORT.tsv
  `listenalong render --time-map PLAIN.tsv -o PLAIN.wav EPISODE`
  `listenalong render --shorten-pauses --time-map SHORT.tsv -o SHORT.wav EPISODE`
  (--speed on SHORT to check another speed; PLAIN at 1x is the episode itself)

Every place where sound starts after a pause (a 10 ms block above -35 dBFS
after at least 100 ms of episode time below -50 dBFS, then refined to the
first 1 ms above -45 dBFS) is found in both files and taken back to episode
time through its map, as the player does for the highlighted word, the clock
and seeking. Each onset heard in SHORT.wav is compared with the nearest one in
PLAIN.wav (without shortening, its map is the stretcher's alone).
Prints how many matched, and the error's median, 95th percentile and maximum.
Standard library only (wave, 16-bit PCM as render writes it).
"""
import bisect
import math
import struct
import sys
import wave


def read(path):
    with wave.open(path) as w:
        rate, ch, n = w.getframerate(), w.getnchannels(), w.getnframes()
        raw = w.readframes(n)
    x = struct.unpack("<%dh" % (len(raw) // 2), raw)
    return rate, [x[i] / 32768.0 for i in range(0, len(x), ch)]  # first channel


def level_db(x, a, b):
    if b <= a:
        return -120.0
    e = sum(v * v for v in x[a:b]) / (b - a)
    return 10 * math.log10(e) if e > 0 else -120.0


def onsets(rate, x, speed=1.0):
    """Seconds of output where sound starts after a pause (>= 100 ms of
    episode time: 100/speed ms of output)."""
    blk = rate // 100
    quiet_needed = max(2, int(round(10 / speed)))
    found, quiet = [], 0
    for i in range(0, len(x) - blk, blk):
        db = level_db(x, i, i + blk)
        if db > -35 and quiet >= quiet_needed:
            ms = rate // 1000
            start = max(0, i - 2 * blk)
            at = i
            for j in range(start, i + blk, ms):
                if level_db(x, j, j + ms) > -45:
                    at = j
                    break
            found.append(at / rate)
        quiet = quiet + 1 if db < -50 else (0 if db > -35 else quiet)
    return found


def read_map(path):
    rows = []
    with open(path) as f:
        next(f)
        for line in f:
            o0, o1, e0, e1 = map(float, line.split("\t"))
            rows.append((o0, o1, e0, e1))
    return rows


def block_speed(rows):
    """Episode seconds per output second inside a block (the playback speed)."""
    r = sorted((e1 - e0) / (o1 - o0) for o0, o1, e0, e1 in rows if o1 > o0)
    return r[len(r) // 2]


def to_episode(rows, starts, t):
    i = max(0, bisect.bisect_right(starts, t) - 1)
    o0, o1, e0, e1 = rows[i]
    if o1 <= o0:
        return e0
    return e0 + (e1 - e0) * min(1.0, max(0.0, (t - o0) / (o1 - o0)))


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    rate_p, plain = read(sys.argv[1])
    plain_rows = read_map(sys.argv[2])
    rate_s, short = read(sys.argv[3])
    rows = read_map(sys.argv[4])
    episode_s = rows[-1][3] - rows[0][2]
    speed_p, speed = block_speed(plain_rows), block_speed(rows)
    truth = [to_episode(plain_rows, [r[0] for r in plain_rows], t) for t in onsets(rate_p, plain, speed_p)]
    heard = [to_episode(rows, [r[0] for r in rows], t) for t in onsets(rate_s, short, speed)]
    errors = []
    for h in heard:
        j = bisect.bisect_left(truth, h)
        near = min((abs(h - truth[k]), h - truth[k]) for k in (j - 1, j) if 0 <= k < len(truth))
        if near[0] < 0.25:
            errors.append(near[1])
    a = sorted(abs(e) for e in errors)
    if not a:
        sys.exit("no onsets matched")
    pct = lambda p: a[min(len(a) - 1, int(p * len(a)))]
    print("speed %.2f (plain render at %.2f): %d onsets after pauses in the plain render, %d in the shortened one, %d matched"
          % (speed, speed_p, len(truth), len(heard), len(a)))
    print("mapped onset - true onset: median %.1f ms, 95th percentile %.1f ms, max %.1f ms; within 20 ms: %d of %d"
          % (pct(0.5) * 1000, pct(0.95) * 1000, a[-1] * 1000, sum(1 for v in a if v <= 0.020), len(a)))
    print("output %.1f s (plain %.1f s) for %.1f s of episode" % (rows[-1][1], plain_rows[-1][1], episode_s))


if __name__ == "__main__":
    main()
