"""What the AT-SPI test clients share: checks that count, a GLib loop that lets
events arrive, the event log, the application by name, and a tree walk.
Imported by atspi_client_test.py (the probe) and player_atspi_test.py (the player)."""
import time
import warnings

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib

# Atspi.Action.get_action_name warns as deprecated, but its replacement
# (atspi_action_get_name) is hidden in Python by Accessible.get_name.
warnings.filterwarnings("ignore", category=DeprecationWarning)

results = []
events = []  # (time, type, source name, detail1)


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(f"{'PASS' if ok else 'FAIL'}: {name} {detail}", flush=True)


def summary():
    """Prints the count and returns the exit status."""
    n_fail = results.count(False)
    print(f"{len(results) - n_fail} passed, {n_fail} failed", flush=True)
    return 0 if n_fail == 0 else 1


def spin(seconds, until=None):
    """Runs the client's GLib loop so AT-SPI events arrive; stops when `until` holds."""
    ctx = GLib.MainContext.default()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        while ctx.pending():
            ctx.iteration(False)
        if until and until():
            return True
        time.sleep(0.001)
    return bool(until and until())


def on_event(ev):
    try:
        src = ev.source.get_name()
    except Exception:
        src = "?"
    events.append((time.perf_counter(), ev.type, src, ev.detail1))


def listen():
    """Listeners first: the bridge emits only once a client listens."""
    Atspi.init()
    listener = Atspi.EventListener.new(on_event)
    for kind in ("object:state-changed:focused", "focus:", "object:property-change:accessible-name",
                 "object:property-change:accessible-value", "object:children-changed",
                 "object:state-changed:active", "object:text-changed"):
        listener.register(kind)
    return listener


def find_app(name, timeout=10.0):
    """The application called `name` once it has a window, or None."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app and app.get_name() == name and app.get_child_count() > 0:
                return app
        time.sleep(0.05)
    return None


def walk(obj, out):
    out.append(obj)
    for i in range(obj.get_child_count()):
        walk(obj.get_child_at_index(i), out)
    return out


def event_after(t0, kind, source=None, detail1=None):
    """The first event of this kind (and source, detail) since t0, or None."""
    for e in events:
        if e[0] >= t0 and e[1].startswith(kind) and (source is None or e[2] == source) \
                and (detail1 is None or e[3] == detail1):
            return e
    return None
