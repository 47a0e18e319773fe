#!/usr/bin/python3
"""Reads and drives the real player (build/listenalong) through AT-SPI, the way
a screen reader does (gi.repository.Atspi): the application by name, the
transport's buttons, the speed control and the seek bar with their values,
the transcript's lines with their text and the one being heard, the chapters
and the article's headings; then presses Play, sets the speed, moves the focus
(grab_focus, then Tab and Shift+Tab from the keyboard) and picks a transcript
line, each checked by what the player says back.
Exit 0: all passed. Run by run_player_atspi_test.sh."""
import re
import subprocess
import sys
import time

from atspi_client import Atspi, check, event_after, find_app, listen, spin, summary, walk


def fresh_nodes(app):
    app.clear_cache()
    return walk(app, [])


def by_role(nodes, role):
    return [n for n in nodes if n.get_role_name() == role]


def named(nodes, role, name):
    for n in nodes:
        if n.get_role_name() == role and n.get_name() == name:
            return n
    return None


def main():
    listener = listen()
    app = find_app("ListenAlong", timeout=20.0)
    check("the player is on the desktop as ListenAlong", app is not None)
    if not app:
        return 1
    spin(1.0)
    nodes = fresh_nodes(app)
    print(f"the tree holds {len(nodes)} accessible objects", flush=True)
    frame = app.get_child_at_index(0)
    check("its frame is named like the window", frame.get_role_name() == "frame"
          and re.match(r"ListenAlong — Paused — Chapter \d of 9", frame.get_name()), repr(frame.get_name()))

    for name in ("Play", "Back 15 seconds", "Forward 30 seconds"):
        check(f"push button {name!r}", named(nodes, "push button", name) is not None)
    V = Atspi.Value
    seek = named(nodes, "slider", "Position")
    check("the seek bar is a slider with its value", seek is not None
          and re.fullmatch(r"\d+:\d\d of \d+:\d\d", V.get_text(seek) or ""), V.get_text(seek) if seek else "missing")
    speed = named(nodes, "push button", "Speed 1 times")
    check("the speed control says its speed", speed is not None and V.get_current_value(speed) == 1.0)

    transcript = named(nodes, "list", "Transcript")
    check("the transcript is a list", transcript is not None)
    lines = [transcript.get_child_at_index(i) for i in range(transcript.get_child_count())] if transcript else []
    check("its lines are list items with their words", len(lines) >= 3 and all(
        l.get_role_name() == "list item" and Atspi.Text.get_text(l, 0, -1) for l in lines), str(len(lines)))
    current = [l for l in lines if l.get_attributes().get("current") == "true"]
    check("one line is the one being heard", len(current) == 1)
    chapters = named(nodes, "list", "Chapters")
    chapter_items = by_role(walk(chapters, []), "list item") if chapters else []
    # Like the transcript, the list declares the rows near the view (and the one playing).
    check("the chapters are a list of their titles", len(chapter_items) >= 4
          and "About the immune system" in [c.get_name() for c in chapter_items], str(len(chapter_items)))
    check("the chapter playing is marked current",
          [c.get_name() for c in chapter_items if c.get_attributes().get("current") == "true"] == ["About the immune system"])
    headings = [h.get_name() for h in by_role(nodes, "heading")]
    check("the article's headings", "About the immune system" in headings, str(headings[:4]))

    # Press Play.
    play = named(nodes, "push button", "Play")
    t0 = time.perf_counter()
    Atspi.Action.do_action(play, 0)
    got = spin(5, lambda: event_after(t0, "object:property-change:accessible-name", "Pause"))
    check("pressing Play through AT-SPI plays (the button becomes Pause)", got)
    if got:
        print(f"TIME press_play_ms={1e3 * (event_after(t0, 'object:property-change:accessible-name', 'Pause')[0] - t0):.1f}")
    frame.clear_cache()
    check("the frame says Playing", "Playing" in frame.get_name(), repr(frame.get_name()))

    # Set the speed.
    t0 = time.perf_counter()
    V.set_current_value(speed, 1.5)
    got = spin(5, lambda: event_after(t0, "object:property-change:accessible-value"))
    speed.clear_cache()
    check("setting the speed through AtkValue changes it", got and V.get_current_value(speed) == 1.5
          and V.get_text(speed) == "1.5 times", f"{V.get_current_value(speed)} {V.get_text(speed)!r}")

    # Move the focus.
    forward = named(fresh_nodes(app), "push button", "Forward 30 seconds")
    t0 = time.perf_counter()
    Atspi.Component.grab_focus(forward)
    got = spin(5, lambda: event_after(t0, "object:state-changed:focused", "Forward 30 seconds", 1))
    check("grab_focus moves the focus, with a focus event", got)

    # Tab and Shift+Tab from there, as a person presses them (xdotool): the
    # focus moves in reading order, each move a focus event.
    win = subprocess.run(["xdotool", "search", "--name", "^ListenAlong"], capture_output=True, text=True).stdout.split()
    check("the player's window is found for the keys", bool(win))
    if win:
        subprocess.run(["xdotool", "windowfocus", win[0]], check=False)
        for key, name in (("Tab", "Speed 1.5 times"), ("Tab", "Mute"), ("Tab", "Volume"), ("Tab", "Smaller text, now Text 100 %"),
                          ("shift+Tab", "Volume"), ("shift+Tab", "Mute")):
            t0 = time.perf_counter()
            subprocess.run(["xdotool", "key", key], check=False)
            got = spin(5, lambda: event_after(t0, "object:state-changed:focused", name, 1))
            check(f"{key} moves the focus to {name!r}, with a focus event", got)
            if got:
                at = event_after(t0, "object:state-changed:focused", name, 1)[0]
                print(f"TIME {key}_to_focus_event_ms={1e3 * (at - t0):.1f}")

    # Pick a line further down: it becomes the one being heard.
    pick = lines[-1]
    picked_text = Atspi.Text.get_text(pick, 0, -1)
    t0 = time.perf_counter()
    Atspi.Action.do_action(pick, 0)
    def moved():
        for l in by_role(fresh_nodes(app), "list item"):
            if l.get_attributes().get("current") == "true" and Atspi.Text.get_text(l, 0, -1) == picked_text:
                return True
        return False
    check("after a seek the line being heard changes", spin(5, moved), repr(picked_text[:40]))
    check("and says so with an event (state-changed:active on the line)",
          spin(5, lambda: event_after(t0, "object:state-changed:active", pick.get_name(), 1)))

    # Typing into the search box (/ goes there): its text changes, with an event.
    if win:
        t0 = time.perf_counter()
        subprocess.run(["xdotool", "key", "slash"], check=False)
        spin(0.3)
        subprocess.run(["xdotool", "type", "--delay", "30", "immune"], check=False)
        def typed():
            for n in by_role(fresh_nodes(app), "entry"):
                if n.get_name() == "Search the transcript" and Atspi.Text.get_text(n, 0, -1) == "immune":
                    return True
            return False
        check("the search box is an entry holding what was typed", spin(5, typed))
        check("with text-changed events", spin(5, lambda: event_after(t0, "object:text-changed:insert", "Search the transcript")))

    return summary()


if __name__ == "__main__":
    sys.exit(main())
