#!/usr/bin/env python3
"""The talking kiosk, heard from outside (issue #14): the real player in kiosk
mode under X, its sound captured by SDL's disk audio driver, driven by
xdotool as a visitor would. The episode is a 15 kHz tone: the voice has
nothing up there, so the tone's level is the episode's level under speech.

Checks, in device frames of the captured output (what a listener hears):
  - a key on the welcome screen: speech within 100 ms of the key;
  - a second key (one that does nothing else) stops it within 50 ms;
  - F2 says the same phrase again (the same samples);
  - while the episode plays, a phrase ducks it by at least 12 dB and it comes back;
  - the idle countdown is spoken (the speech log names it, and it is heard).
Prints the figures. Usage: talking_kiosk_test.py PLAYER
"""
import math, os, struct, subprocess, sys, tempfile, time, wave

RATE, CH = 48000, 2


def frames_in(path):
    try:
        return os.path.getsize(path) // (4 * CH)
    except OSError:
        return 0


def read(path):
    data = open(path, 'rb').read()
    n = len(data) // 4
    return struct.unpack('<%df' % n, data[: n * 4])


def level(samples, start, count):
    """RMS of the left channel, frames [start, start+count)."""
    s = 0.0
    for i in range(start, start + count):
        v = samples[i * CH]
        s += v * v
    return math.sqrt(s / max(count, 1))


def tone_level(samples, start, count, freq=15000.0):
    """Goertzel magnitude of the 15 kHz tone (the episode), left channel."""
    k = 2 * math.cos(2 * math.pi * freq / RATE)
    s1 = s2 = 0.0
    for i in range(start, start + count):
        s0 = samples[i * CH] + k * s1 - s2
        s2, s1 = s1, s0
    return math.sqrt(max(s1 * s1 + s2 * s2 - k * s1 * s2, 0.0)) / count * 2


def speech_level(samples, start, count):
    """Level without the tone: a crude low-pass (moving average over 8 frames)."""
    s = 0.0
    acc = [0.0] * 8
    for i in range(start, start + count):
        acc[i % 8] = samples[i * CH]
        v = sum(acc) / 8
        s += v * v
    return math.sqrt(s / max(count, 1))


def first_sound(samples, start, end, threshold=0.003):
    for i in range(start, end):
        if abs(samples[i * CH]) > threshold:
            return i
    return None


def main():
    player = sys.argv[1]
    d = tempfile.mkdtemp(prefix='talking-kiosk-')
    raw, log = os.path.join(d, 'out.raw'), os.path.join(d, 'speech.log')
    tone = os.path.join(d, 'tone.wav')
    with wave.open(tone, 'wb') as w:
        w.setnchannels(2); w.setsampwidth(2); w.setframerate(RATE)
        frames = bytearray()
        for i in range(RATE * 60):
            v = int(0.25 * 32767 * math.sin(2 * math.pi * 15000 * i / RATE))
            frames += struct.pack('<hh', v, v)
        w.writeframes(bytes(frames))
    cfg = os.path.join(d, 'kiosk.json')
    open(cfg, 'w').write('{"idleResetSeconds": 30, "countdownSeconds": 10, "allowQuit": false, "volume": 0.8, "maxVolume": 1}')
    env = dict(os.environ, SDL_AUDIODRIVER='disk', SDL_DISKAUDIOFILE=raw,
               XDG_CONFIG_HOME=os.path.join(d, 'c'), XDG_STATE_HOME=os.path.join(d, 's'))
    p = subprocess.Popen([player, '--kiosk-config', cfg, '--speech-log', log, '--size', '1024x600',
                          '--quit-after', '60', tone], env=env, stderr=subprocess.PIPE)
    ok = True
    try:
        def key(k):
            f = frames_in(raw)
            subprocess.run(['xdotool', 'key', k], check=True)
            return f
        def expect(cond, what):
            nonlocal ok
            print(('ok   ' if cond else 'FAIL ') + what)
            ok = ok and cond
        time.sleep(3)
        silent_before = frames_in(raw)
        k1 = key('Tab')          # welcome + the focused control
        time.sleep(1.5)
        k2 = key('x')            # any key stops it
        time.sleep(1.0)
        k3 = key('F2')           # the same again
        time.sleep(1.5)
        key('x')
        time.sleep(0.5)
        key('Escape'); time.sleep(0.3)
        key('Return')            # start listening: the tone plays ("Playing" over it)
        time.sleep(3.0)
        k5 = key('Tab')          # a phrase over the playing episode (about 4 s)
        time.sleep(6.5)
        kspace = key('space')    # pause ("Paused"); then nobody touches it
        time.sleep(25)           # the countdown starts 20 s after the last input
        s = read(raw)
        n = len(s) // CH

        onset = first_sound(s, k1, min(n, k1 + RATE))
        lat1 = (onset - k1) / RATE * 1000 if onset is not None else None
        expect(level(s, max(0, silent_before - RATE), RATE) < 0.001, 'silence on the welcome screen until someone comes')
        expect(lat1 is not None and lat1 <= 100, 'speech %s ms after the first key (<= 100)' % (None if lat1 is None else round(lat1, 1)))
        # After the interrupting key: no sound from 50 ms on, for the next 0.8 s.
        stop = first_sound(s, k2 + int(0.05 * RATE), k2 + int(0.85 * RATE), threshold=0.001)
        last = k2
        for i in range(k2, k2 + int(0.2 * RATE)):
            if abs(s[i * CH]) > 0.001:
                last = i
        expect(stop is None, 'speech stopped %.1f ms after the second key (<= 50) and stayed quiet' % ((last - k2) / RATE * 1000))
        onset3 = first_sound(s, k3, k3 + RATE)
        expect(onset3 is not None and (onset3 - k3) / RATE * 1000 <= 100,
               'F2: speech again %s ms after the key' % (None if onset3 is None else round((onset3 - k3) / RATE * 1000, 1)))
        if onset is not None and onset3 is not None:
            # The same words: the loudness contours (10 ms steps over 1.4 s)
            # match, give or take where the threshold was crossed.
            step = RATE // 100
            def contour(at):
                return [level(s, at + j * step, step) for j in range(140)]
            ca = contour(onset)
            corr = 0
            for lag in range(-5, 6):
                cb = contour(onset3 + lag * step // 2)
                ma, mb = sum(ca) / len(ca), sum(cb) / len(cb)
                num = sum((x - ma) * (y - mb) for x, y in zip(ca, cb))
                den = math.sqrt(sum((x - ma) ** 2 for x in ca) * sum((y - mb) ** 2 for y in cb))
                if den:
                    corr = max(corr, num / den)
            expect(corr > 0.9, 'F2 repeats the same phrase (loudness contours correlate %.3f)' % corr)
        before = tone_level(s, k5 - int(0.5 * RATE), int(0.4 * RATE))
        on5 = first_sound(s, k5, k5 + RATE) or k5
        during = min(tone_level(s, on5 + int(0.1 * RATE) + j * 2400, 2400) for j in range(4))
        after = tone_level(s, kspace - int(0.5 * RATE), int(0.4 * RATE))
        duck = 20 * math.log10(max(during, 1e-9) / max(before, 1e-9))
        back = 20 * math.log10(max(after, 1e-9) / max(before, 1e-9))
        expect(before > 0.05, 'the episode plays before the phrase (tone %.3f)' % before)
        expect(duck <= -12, 'the episode is ducked by %.1f dB under speech (<= -12 dB)' % duck)
        expect(abs(back) < 1, 'and comes back to %.1f dB after' % back)
        lines = open(log).read().splitlines()
        kinds = [l.split('\t')[1] for l in lines]
        expect('welcome' in kinds and 'repeat' in kinds and 'stop' in kinds, 'the log has the welcome, the stop and the repeat')
        countdown = [l for l in lines if 'Still listening?' in l]
        expect(bool(countdown), 'the countdown is spoken: %s' % (countdown[0] if countdown else 'nothing'))
        if countdown:
            # Heard: sound in the last seconds of the capture (the countdown speaks there).
            tail = speech_level(s, max(0, n - 12 * RATE), 11 * RATE)
            expect(tail > 0.001, 'the countdown is heard (level %.4f)' % tail)
        for l in lines:
            print('  log: ' + l[:140])
    finally:
        p.terminate()
        p.wait(timeout=10)
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
