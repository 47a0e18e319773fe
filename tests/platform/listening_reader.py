#!/usr/bin/python3
"""A screen reader that only listens: registers for the events a reader
follows (focus, states, names, values, children, text, bounds), reads the
player's tree once as a reader does when an application appears, then lets
events arrive for SECONDS. Used by scripts/bench-cpu.sh --reader to measure
the player's CPU use while an AT client is connected.
Usage: listening_reader.py SECONDS"""
import sys

from atspi_client import Atspi, events, find_app, spin, walk


def main():
    seconds = float(sys.argv[1])
    Atspi.init()
    listener = Atspi.EventListener.new(lambda ev: events.append(ev.type))
    for kind in ("object:state-changed", "focus:", "object:property-change", "object:children-changed",
                 "object:text-changed", "object:bounds-changed", "window:activate"):
        listener.register(kind)
    app = find_app("ListenAlong", timeout=20.0)
    if not app:
        print("listening_reader: ListenAlong is not on the accessibility bus", file=sys.stderr)
        return 1
    print(f"listening_reader: {len(walk(app, []))} objects read", file=sys.stderr)
    spin(seconds)
    print(f"listening_reader: {len(events)} events in {seconds:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
