#pragma once
// Driving the real player in a real window the way a person would: start it
// in the background, find its window, click and type with xdotool (XTEST),
// read the state file it writes at exit. Tests run under xvfb-run.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace la::test {

inline int shell(const std::string& cmd) {
    int st = std::system(cmd.c_str());
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

inline std::string shellOutput(const std::string& cmd) {
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[256];
        while (fgets(buf, sizeof buf, p)) out += buf;
        pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

/// xdotool words that move the pointer to (x, y) and wait until it is there.
/// `mousemove --sync` alone waits for a motion, so when an earlier test left
/// the pointer on that very spot it hangs for 15 s: a step beside it first.
inline std::string mouseMoveTo(int x, int y) {
    return "mousemove " + std::to_string(x + 1) + " " + std::to_string(y + 1) + " mousemove --sync " +
           std::to_string(x) + " " + std::to_string(y);
}

inline bool haveX11Tools() { return std::getenv("DISPLAY") && shell("command -v xdotool >/dev/null 2>&1") == 0; }

inline void sleepSeconds(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

/// The player running in the background (sh -c "exec ..."), reaped on exit.
class BackgroundPlayer {
public:
    explicit BackgroundPlayer(const std::string& commandLine) {
        pid_ = fork();
        if (pid_ == 0) {
            execl("/bin/sh", "sh", "-c", ("exec " + commandLine).c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        start_ = std::chrono::steady_clock::now();
    }
    ~BackgroundPlayer() {
        if (pid_ > 0 && !exited_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    /// Waits up to `seconds` for exit; returns the exit status or -1 if still running.
    int waitExit(double seconds) {
        auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (std::chrono::steady_clock::now() < until) {
            int st = 0;
            if (waitpid(pid_, &st, WNOHANG) == pid_) {
                exited_ = true;
                exitedAfter_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
                return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
            }
            sleepSeconds(0.05);
        }
        return -1;
    }
    bool running() { return waitExit(0.01) == -1; }
    double exitedAfter() const { return exitedAfter_; }

    /// The X window id of the player's window ("" if none appears in time).
    std::string window(double seconds = 15) {
        return shellOutput("timeout " + std::to_string(int(seconds)) +
                           " xdotool search --sync --onlyvisible --name '^ListenAlong' | tail -1");
    }

private:
    pid_t pid_ = -1;
    bool exited_ = false;
    double exitedAfter_ = 0;
    std::chrono::steady_clock::time_point start_;
};

inline nlohmann::json readJsonFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str(), nullptr, false);
}

} // namespace la::test
