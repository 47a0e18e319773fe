#!/usr/bin/python3
"""What the Orca test does to the player while Orca listens: moves the focus
to Play (as Orca's own navigation would) and sets the speed to 1.5 through
AT-SPI. Orca's speech is checked by run_orca_test.sh."""
import time

from atspi_client import Atspi, find_app, walk

app = find_app("ListenAlong", 20)
if app is None:
    raise SystemExit("ListenAlong is not on the AT-SPI desktop")
play = next(n for n in walk(app, []) if n.get_role_name() == "push button" and n.get_name() == "Play")
Atspi.Component.grab_focus(play)
time.sleep(2)
speed = next(n for n in walk(app, []) if n.get_name().startswith("Speed"))
Atspi.Value.set_current_value(speed, 1.5)
time.sleep(2)
