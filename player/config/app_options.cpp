#include "player/config/app_options.h"

#include "player/config/arg_parse.h"
#include "player/config/settings.h"

namespace la::player {

const char* appUsage() {
    return "usage: listenalong [OPTIONS] [AUDIO_FILE]\n"
           "       listenalong render [--from T] [--to T] [--speed S] [--loudness LUFS] [--voice-boost]\n"
           "                          [--shorten-pauses] -o OUT.wav AUDIO_FILE\n"
           "       listenalong inspect FILE\n"
           "\n"
           "Plays AUDIO_FILE (Ogg Vorbis; default: the bundled episode) with its transcript,\n"
           "chapters and article.\n"
           "\n"
           "Options:\n"
           "  --start SECONDS      start at this time (90, 1:30 or 1:02:03)\n"
           "  --play               start playing at launch (default: open paused)\n"
           "  --transcript FILE    use this transcript (WebVTT, SRT or Podcasting 2.0 JSON)\n"
           "  --chapters FILE      use this chapters file (Podcasting 2.0 JSON)\n"
           "  --article FILE       use this article (Markdown)\n"
           "  --speed S            playback speed 0.5 to 3.0 for this run (pitch is kept)\n"
           "  --text-size PERCENT  text size 100 to 400 for this run\n"
           "  --theme NAME         light, dark or high-contrast for this run\n"
           "  --settings FILE      read and save settings here instead of\n"
           "                       $XDG_CONFIG_HOME/listenalong/settings.json\n"
           "  --kiosk              waiting-room kiosk: full screen, cannot be closed by patients,\n"
           "                       returns to its welcome screen and defaults when left alone\n"
           "  --kiosk-config FILE  kiosk settings (default: the \"kiosk\" section of the settings file)\n"
           "  --size WxH           window size in pixels (default 1280x800)\n"
           "  --speech, --no-speech  the program speaks its controls itself (\"Speak controls\";\n"
           "                       on in the kiosk, off on the desktop), for this run only\n"
           "  --speech-log FILE    write each phrase spoken to FILE (time in ms, kind, text)\n"
           "  --frames N           render N frames, then exit (for tests and screenshots)\n"
           "  --screenshot FILE    write the last frame to FILE (PNG)\n"
           "  --quit-after SECONDS exit after this many seconds (with --screenshot: of the last frame)\n"
           "  --state-file FILE    at exit, write the position, current cue and chapter as JSON\n"
           "  -h, --help           show this help\n"
           "\n"
           "Keys: Space play/pause, Left/Right back 15 s/forward 30 s, Up/Down volume,\n"
           "      M mute, Home/End start/end of the episode,\n"
           "      PageUp or , previous chapter, PageDown or . next chapter,\n"
           "      [ and ] slower/faster (Shift: by 0.25), Backspace normal speed,\n"
           "      Ctrl+= / Ctrl+- bigger/smaller text, Ctrl+0 normal text size,\n"
           "      Tab: move between controls with the arrow keys, Space/Enter press, Esc leaves,\n"
           "      Ctrl+F or / search the transcript (Enter in the search box plays the found line),\n"
           "      Ctrl+C copy the current line, Esc back to the line being heard,\n"
           "      R read the current chapter's section of the article, ? or F1 this list in the window,\n"
           "      F2 (or keypad *) say the last phrase again when speech is on.\n";
}

AppOptions parseAppOptions(const std::vector<std::string>& args) {
    AppOptions o;
    ArgCursor cur(args);
    while (!cur.done()) {
        std::string a = cur.next();
        if (a == "-h" || a == "--help") throw UsageRequest{};
        else if (a == "--start") o.start = parseSeconds(cur.value(a), a);
        else if (a == "--play") o.play = true;
        else if (a == "--frames") o.frames = parseCount(cur.value(a), a);
        else if (a == "--screenshot") o.screenshot = cur.value(a);
        else if (a == "--quit-after") o.quitAfter = parseSeconds(cur.value(a), a);
        else if (a == "--transcript") o.transcript = cur.value(a);
        else if (a == "--chapters") o.chapters = cur.value(a);
        else if (a == "--article") o.article = cur.value(a);
        else if (a == "--state-file") o.stateFile = cur.value(a);
        else if (a == "--settings") o.settingsFile = cur.value(a);
        else if (a == "--kiosk") o.kiosk = true;
        else if (a == "--speech") o.speech = true;
        else if (a == "--no-speech") o.speech = false;
        else if (a == "--speech-log") o.speechLog = cur.value(a);
        else if (a == "--kiosk-config") {
            o.kioskConfig = cur.value(a);
            o.kiosk = true;
        }
        else if (a == "--speed") {
            o.speed = parseNumberInRange(cur.value(a), a, kSpeedRange.min, kSpeedRange.max);
        } else if (a == "--text-size") {
            std::string v = cur.value(a);
            if (!v.empty() && v.back() == '%') v.pop_back();
            double pct = parseNumber(v, a);
            if (pct < 100 || pct > 400) throw ArgError("--text-size must be between 100 and 400 (percent)");
            o.textSize = pct / 100.0;
        } else if (a == "--theme") {
            std::string v = cur.value(a);
            if (v == "contrast") o.theme = ui::ThemeId::HighContrast; // short form
            else if (std::optional<ui::ThemeId> t = themeFromName(v)) o.theme = *t;
            else throw ArgError("--theme must be light, dark or high-contrast, got '" + v + "'");
        }
        else if (a == "--size") {
            std::string v = cur.value(a);
            auto x = v.find('x');
            if (x == std::string::npos) throw ArgError("--size expects WIDTHxHEIGHT, got '" + v + "'");
            o.width = int(parseCount(v.substr(0, x), a));
            o.height = int(parseCount(v.substr(x + 1), a));
            if (o.width < 200 || o.height < 150) throw ArgError("--size is too small (at least 200x150)");
        } else if (!a.empty() && a[0] == '-') throw ArgError("unknown option " + a + " (see --help)");
        else if (o.audioFile.empty()) o.audioFile = a;
        else throw ArgError("only one AUDIO_FILE may be given");
    }
    return o;
}

} // namespace la::player
