#include "player/cli/render_command.h"

#include "media/audio_source.h"
#include "media/loudness_meter.h"
#include "media/playback_pipeline.h"
#include "media/wav_writer.h"
#include "player/config/arg_parse.h"
#include "player/config/atomic_file.h"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <ostream>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace la::player {
namespace {

constexpr const char* kUsage =
    "usage: listenalong render [--from SECONDS] [--to SECONDS] [--speed S] [--loudness LUFS] [--voice-boost]\n"
    "                         [--shorten-pauses] [--time-map MAP.tsv] -o OUT.wav AUDIO_FILE\n"
    "Decodes AUDIO_FILE (Ogg Vorbis or PCM WAV) through the playback pipeline and\n"
    "writes a 16-bit PCM WAV at the source's sample rate and channel count.\n"
    "--speed S: 0.25 to 4 (wider than the player's 0.5 to 3, so that a round trip\n"
    "at any player speed, S then 1/S, can be rendered).\n"
    "--loudness LUFS: measure AUDIO_FILE (EBU R128) and bring it to LUFS (-40 to -5,\n"
    "e.g. -16), with a true-peak limiter at -1 dBTP; prints what it measured.\n"
    "--voice-boost: quiet words raised and a speech-band lift, as the player's Voice boost.\n"
    "--shorten-pauses: pauses over 0.5 s cut to 0.3 s, as the player's Shorten pauses;\n"
    "prints the time saved.\n"
    "--time-map MAP.tsv: for each block of output, where it starts and ends in the\n"
    "output and in the episode (seconds; linear inside a block), to check the map\n"
    "the player uses for highlighting and seeking.\n";

struct RenderOptions {
    double from = 0;
    double to = -1;
    double speed = 1.0;
    std::optional<double> loudness; ///< target LUFS
    bool voiceBoost = false;
    bool shortenPauses = false;
    std::string timeMap;
    std::string output;
    std::string input;
};

RenderOptions parse(const std::vector<std::string>& args) {
    RenderOptions o;
    ArgCursor cur(args);
    while (!cur.done()) {
        std::string a = cur.next();
        if (a == "--from") o.from = parseSeconds(cur.value(a), a);
        else if (a == "--to") o.to = parseSeconds(cur.value(a), a);
        else if (a == "--speed") o.speed = parseNumberInRange(cur.value(a), a, media::Wsola::kMinSpeed, media::Wsola::kMaxSpeed);
        else if (a == "--loudness") o.loudness = parseNumberInRange(cur.value(a), a, -40.0, -5.0);
        else if (a == "--voice-boost") o.voiceBoost = true;
        else if (a == "--shorten-pauses") o.shortenPauses = true;
        else if (a == "--time-map") o.timeMap = cur.value(a);
        else if (a == "-o" || a == "--output") o.output = cur.value(a);
        else if (a == "-h" || a == "--help") throw UsageRequest{};
        else if (!a.empty() && a[0] == '-' && a != "-") throw ArgError("unknown option " + a);
        else if (o.input.empty()) o.input = a;
        else throw ArgError("only one AUDIO_FILE may be given (got '" + o.input + "' and '" + a + "')");
    }
    if (o.input.empty()) throw ArgError("no AUDIO_FILE given");
    if (o.output.empty()) throw ArgError("no output file given (-o OUT.wav)");
    if (o.to >= 0 && o.to <= o.from) throw ArgError("--to must be after --from");
    return o;
}

/// True when `output` names the same file as `input` (same device and inode),
/// however it is spelled: "dir/../in.ogg", a symlink to it, or a path through
/// a symlinked folder. stat() follows every link; an output that does not
/// exist yet cannot be the input. The audio file is the only thing render reads.
bool isSameFile(const std::string& output, const std::string& input) {
    struct stat out{}, in{};
    if (::stat(output.c_str(), &out) != 0 || ::stat(input.c_str(), &in) != 0) return false;
    return out.st_dev == in.st_dev && out.st_ino == in.st_ino;
}

/// Render into a temporary file and rename it at the end: a failed or
/// interrupted render leaves any existing OUT untouched and no partial file.
void renderInto(const std::string& output, media::PlaybackPipeline& pipeline, std::string* timeMap) {
    AtomicFile file(output);
    if (!file.ok()) throw media::MediaError(file.error());
    const std::string temp = file.tempPath().string();
    try {
        media::WavWriter writer(temp, pipeline.sampleRate(), pipeline.channels());
        std::vector<float> block(4096 * size_t(pipeline.channels()));
        std::int64_t written = 0;
        const double rate = pipeline.sampleRate();
        for (;;) {
            auto chunk = pipeline.produce(block.data(), 4096);
            if (chunk.frames) writer.write(block.data(), chunk.frames);
            if (timeMap && chunk.frames) {
                char line[128];
                std::snprintf(line, sizeof line, "%.6f\t%.6f\t%.6f\t%.6f\n", double(written) / rate,
                              double(written + std::int64_t(chunk.frames)) / rate, chunk.startSeconds, chunk.endSeconds);
                *timeMap += line;
            }
            written += std::int64_t(chunk.frames);
            if (chunk.endOfStream) break;
        }
        writer.close();
    } catch (const media::MediaError& e) {
        // The listener asked for OUT; the temporary name would only confuse.
        std::string message = e.what();
        if (auto at = message.find(temp); at != std::string::npos) message.replace(at, temp.size(), output);
        throw media::MediaError(message + " (nothing was written to " + output + ")");
    }
    if (!file.commit()) throw media::MediaError(file.error());
}

} // namespace

int runRenderCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    RenderOptions o;
    if (auto exit = parseCommandLine([&] { o = parse(args); }, "listenalong render", kUsage, out, err)) return *exit;
    if (isSameFile(o.output, o.input)) {
        err << "listenalong render: the output " << o.output << " is the input file " << o.input
            << "; refusing to overwrite it (choose another -o)\n";
        return 2;
    }
    try {
        media::PlaybackPipeline pipeline(media::openAudioFile(o.input));
        if (o.from > pipeline.durationSeconds()) {
            err << "listenalong render: --from " << o.from << " is past the end of " << o.input << " ("
                << pipeline.durationSeconds() << " s)\n";
            return 2;
        }
        double fileLufs = media::kTypicalPodcastLufs;
        if (o.loudness) {
            // Measured from a source of its own: the pipeline's is not moved.
            media::Loudness measured;
            auto source = media::openAudioFile(o.input);
            media::measureLoudness(*source, measured);
            const double gain = media::limitedGainDb(*source, measured, *o.loudness).value_or(0.0);
            pipeline.setLoudnessGainDb(gain);
            char line[160];
            std::snprintf(line, sizeof line, "%s: %.1f LUFS, true peak %.1f dBTP; gain %+.1f dB to %.1f LUFS\n",
                          o.input.c_str(), measured.integratedLufs, measured.truePeakDbtp, gain, *o.loudness);
            out << line;
            fileLufs = measured.integratedLufs;
        }
        // As the player does (PlaybackController::updateVoiceBoost): around the
        // file's speech level, or a typical podcast's when it was not measured.
        if (o.voiceBoost) pipeline.setVoiceBoost(true, media::voiceReferenceDbFor(fileLufs));
        pipeline.setShortenPauses(o.shortenPauses);
        pipeline.setSpeed(o.speed);
        pipeline.seek(o.from);
        if (o.to >= 0) pipeline.setEndSeconds(o.to);
        // Like the WAV, the map is complete or not there; a map that cannot be
        // written stops the render before it starts.
        std::optional<AtomicFile> mapFile;
        if (!o.timeMap.empty() && !mapFile.emplace(o.timeMap).ok()) throw media::MediaError(mapFile->error());
        std::string map = "output_start\toutput_end\tepisode_start\tepisode_end\n";
        renderInto(o.output, pipeline, mapFile ? &map : nullptr);
        if (mapFile && !(mapFile->write(map) && mapFile->commit())) throw media::MediaError(mapFile->error());
        if (o.shortenPauses) {
            char line[160];
            std::snprintf(line, sizeof line, "%s: shortened pauses saved %.1f s\n", o.input.c_str(), pipeline.savedSeconds());
            out << line;
        }
    } catch (const media::MediaError& e) {
        err << "listenalong render: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

} // namespace la::player
