#!/usr/bin/python3
"""Reads and drives the AT-SPI probe (atspi_probe.cpp) the way a screen reader
does, through libatspi (gi.repository.Atspi): finds the application, checks
what each control says it is, presses Play, sets the speed, moves the focus,
and times each request until the app's answering event. Exit 0: all passed."""
import sys
import time

from atspi_client import Atspi, check, event_after, find_app, listen, spin, summary, walk

APP_NAME = sys.argv[1] if len(sys.argv) > 1 else "ListenAlong"


def has_state(obj, state):
    return obj.get_state_set().contains(state)


def timed(label, act, kind, source=None, detail1=None):
    """Does `act`, waits for the answering event, prints and returns the ms between."""
    t0 = time.perf_counter()
    ok = act()
    got = spin(3.0, lambda: event_after(t0, kind, source, detail1))
    e = event_after(t0, kind, source, detail1)
    ms = 1e3 * (e[0] - t0) if e else None
    print(f"TIME {label}_ms={ms:.1f}" if e else f"TIME {label}_ms=none", flush=True)
    return ok, got, ms


def main():
    listener = listen()
    app = find_app(APP_NAME)
    check("the application is on the desktop by name", app is not None, APP_NAME)
    if not app:
        return 1
    check("toolkit name", app.get_toolkit_name() == "ListenAlong", app.get_toolkit_name())
    spin(0.3)  # lets the probe's bridge see the listeners registered

    nodes = walk(app, [])
    by_name = {n.get_name(): n for n in nodes}
    frame = app.get_child_at_index(0)
    check("the frame", frame.get_role_name() == "frame" and frame.get_name() == "ListenAlong — Paused — Chapter 2 of 9",
          f"{frame.get_role_name()} {frame.get_name()!r}")
    check("the frame is the active window", has_state(frame, Atspi.StateType.ACTIVE))
    for name in ("Play", "Back 15 s", "Forward 30 s"):
        b = by_name.get(name)
        check(f"push button {name!r}", b is not None and b.get_role_name() == "push button",
              b.get_role_name() if b else "missing")
    play = by_name["Play"]
    check("Play is focused and focusable",
          has_state(play, Atspi.StateType.FOCUSED) and has_state(play, Atspi.StateType.FOCUSABLE))
    heading = by_name.get("Chapter 2: The immune system")
    check("heading", heading is not None and heading.get_role_name() == "heading")

    seek = by_name.get("Seek")
    check("Seek is a slider", seek is not None and seek.get_role_name() == "slider")
    # An Accessible is also its Value, Text, Action...: the interface's own
    # function says which get_text is meant.
    V = Atspi.Value
    check("Seek's value text", V.get_text(seek) == "2:09 of 7:01", repr(V.get_text(seek)))
    numbers = (V.get_current_value(seek), V.get_minimum_value(seek), V.get_maximum_value(seek),
               V.get_minimum_increment(seek))
    check("Seek's numbers", numbers == (129, 0, 421, 15), str(numbers))

    transcript = by_name.get("Transcript")
    check("transcript is a list", transcript is not None and transcript.get_role_name() == "list")
    items = [transcript.get_child_at_index(i) for i in range(transcript.get_child_count())]
    check("three list items", [i.get_role_name() for i in items] == ["list item"] * 3)
    texts = [Atspi.Text.get_text(i, 0, -1) for i in items]
    check("list items' text", texts[1] == "2:09 — Nurse: The immune system learns.", repr(texts))
    current = [i for i, item in enumerate(items) if item.get_attributes().get("current") == "true"]
    check("the line being heard is marked current (attribute current=true)", current == [1], str(current))
    count = Atspi.Text.get_character_count(items[1])
    check("character count is in characters, not bytes", count == len(texts[1]), str(count))
    word = Atspi.Text.get_string_at_offset(items[1], 16, Atspi.TextGranularity.WORD)
    check("the word at offset 16", (word.content, word.start_offset, word.end_offset) == ("The ", 14, 18),
          f"{word.content!r} {word.start_offset}-{word.end_offset}")
    extents = Atspi.Component.get_extents(play, Atspi.CoordType.SCREEN)
    check("Play's extents on screen (window origin 100,50)",
          (extents.x, extents.y, extents.width, extents.height) == (120, 610, 64, 48),
          f"{extents.x},{extents.y} {extents.width}x{extents.height}")

    # Press Play: the probe applies it in its next turn and renames the button.
    A = Atspi.Action
    names = [A.get_action_name(play, i) for i in range(A.get_n_actions(play))]
    check("Play's action", names == ["click"], str(names))
    ok, got, _ = timed("press_play_to_name_change", lambda: A.do_action(play, 0),
                       "object:property-change:accessible-name", "Pause")
    check("do_action(click) taken", ok)
    check("name-change event for Play -> Pause", got)
    play.clear_cache()
    check("the button now reads Pause", play.get_name() == "Pause", repr(play.get_name()))
    frame.clear_cache()
    check("the frame says Playing", frame.get_name() == "ListenAlong — Playing — Chapter 2 of 9", repr(frame.get_name()))

    # Set the speed: the probe applies the value and its text follows.
    speed = by_name["Speed"]
    ok, got, _ = timed("set_speed_to_value_change", lambda: V.set_current_value(speed, 2.0),
                       "object:property-change:accessible-value", "Speed")
    check("set_current_value(2.0) taken", ok)
    check("value-change event for Speed", got)
    speed.clear_cache()
    read_back = (V.get_current_value(speed), V.get_text(speed))
    check("the speed reads back 2 (2 times)", read_back == (2.0, "2 times"), str(read_back))

    # Move the focus the way Orca's "move to" does: Component.grab_focus.
    forward = by_name["Forward 30 s"]
    ok, got, _ = timed("grab_focus_to_focused_event", lambda: Atspi.Component.grab_focus(forward),
                       "object:state-changed:focused", "Forward 30 s", 1)
    check("grab_focus taken", ok)
    check("state-changed:focused on Forward 30 s", got)
    check("Forward 30 s has FOCUSED", has_state(forward, Atspi.StateType.FOCUSED))
    play.clear_cache()
    check("Pause lost FOCUSED", not has_state(play, Atspi.StateType.FOCUSED))

    return summary()


if __name__ == "__main__":
    sys.exit(main())
