#!/usr/bin/python3
"""What the Orca test does to the player while Orca listens: moves the focus
to Play (as Orca's own navigation would), sets the speed to 1.5 through
AT-SPI, and presses Tab (xdotool) to move on to Forward 30 seconds. Each
action's time and the words it should make Orca say go to $WORK/actions.txt,
for the latency; Orca's speech is checked by run_orca_test.sh."""
import os
import subprocess
import time

from atspi_client import Atspi, find_app, walk

app = find_app("ListenAlong", 20)
if app is None:
    raise SystemExit("ListenAlong is not on the AT-SPI desktop")
play = next(n for n in walk(app, []) if n.get_role_name() == "push button" and n.get_name() == "Play")
log = open(os.path.join(os.environ["WORK"], "actions.txt"), "w")


def note(words):
    log.write(f"{time.time():.6f} {words}\n")
    log.flush()


note("Play push button")
Atspi.Component.grab_focus(play)
time.sleep(2)
speed = next(n for n in walk(app, []) if n.get_name().startswith("Speed"))
note("Speed 1.5 times")
Atspi.Value.set_current_value(speed, 1.5)
time.sleep(2)
# Tab from Play, with the keyboard: the focus moves on to Forward 30 seconds.
speed_next = subprocess.run(["xdotool", "search", "--name", "^ListenAlong"], capture_output=True, text=True).stdout.split()
if speed_next:
    subprocess.run(["xdotool", "windowfocus", speed_next[0]], check=False)
    note("Forward 30 seconds push button")
    subprocess.run(["xdotool", "key", "Tab"], check=False)
    time.sleep(2)
