# havenatspi.py: start the real Haven on a private AT-SPI bus and find things
# in its accessible tree, as a screen reader does.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import contextlib
import gettext
import os
import subprocess
import sys
import time

import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

# get_*_iface() are deprecated in newer libatspi but are what Debian 12 has.
warnings.filterwarnings("ignore", category=DeprecationWarning)

TIMEOUT = 20


def start_accessibility_bus():
    """Starts the AT-SPI bus inside this test's D-Bus session (before the app)."""
    launcher = subprocess.Popen(
        ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    return launcher


def wait_for(predicate, what, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def app_env():
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    # A critical warning is a bug: it ends Haven, and the test, at once.
    env["G_DEBUG"] = "fatal-criticals"
    return env


# Tests never reach beyond the machine: a closed port on 127.0.0.1 as the
# feed address makes Haven show its stored or bundled content, offline.
CLOSED_FEED_URL = "--feed-url=http://127.0.0.1:9/feed.json"


def launch(haven, *args, lang=None):
    """Starts Haven offline; with `lang` (such as "de_DE.UTF-8") in that
    locale alone, whatever the test's own environment says."""
    env = app_env()
    if lang is not None:
        for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            env.pop(name, None)
        env["LANG"] = lang
    return subprocess.Popen([haven, CLOSED_FEED_URL, *args], env=env)


def find_application(name="haven"):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == name:
            return app
    return None


def applications(name="haven"):
    desktop = Atspi.get_desktop(0)
    found = []
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == name:
            found.append(app)
    return found


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.get_child_count()):
        yield from walk(node.get_child_at_index(i), depth + 1)


def is_showing(node):
    """Whether the node is on screen. GTK 4.8 marks only windows SHOWING and
    keeps hidden stack pages in the tree, so this asks for a real size."""
    if node.get_role() in (Atspi.Role.FRAME, Atspi.Role.DIALOG):
        return node.get_state_set().contains(Atspi.StateType.SHOWING)
    if not node.get_state_set().contains(Atspi.StateType.VISIBLE):
        return False
    component = node.get_component_iface()
    if component is None:
        return False
    extents = component.get_extents(Atspi.CoordType.WINDOW)
    return extents.width > 0 and extents.height > 0


def find(root, role=None, name=None, showing=None):
    for node in walk(root):
        try:
            if role is not None and node.get_role() != role:
                continue
            if name is not None and node.get_name() != name:
                continue
            if showing is not None and is_showing(node) != showing:
                continue
            return node
        except gi.repository.GLib.Error:
            continue
    return None


def find_text(root, text, showing=True):
    """A label (or any text) whose accessible name or text is exactly `text`."""
    for node in walk(root):
        try:
            if showing and not is_showing(node):
                continue
            if node.get_name() == text:
                return node
            iface = node.get_text_iface()
            if iface is not None and iface.get_text(0, -1) == text:
                return node
        except gi.repository.GLib.Error:
            continue
    return None


def close_window(app, proc, language=None):
    """Closes Haven's window as a person would, and checks that it exits
    cleanly: under the sanitizers a leak or error makes the exit status non-zero.
    The title bar's Close button is GTK's, named in GTK's translation for
    `language` (such as "de")."""
    name = "Close"
    if language is not None:
        name = gettext.translation("gtk40", languages=[language], fallback=True).gettext(name)
    frame = find(app, role=Atspi.Role.FRAME)
    close = find(frame, role=Atspi.Role.PUSH_BUTTON, name=name)
    assert close is not None, f"the window has no {name} button"
    click(close)
    status = proc.wait(timeout=60)
    assert status == 0, f"Haven exited with status {status}"


def current_view(app):
    """The title of the view the switcher marks selected, as Orca announces it."""
    for node in walk(app):
        try:
            if (node.get_role() == Atspi.Role.PAGE_TAB and
                    node.get_state_set().contains(Atspi.StateType.SELECTED)):
                return node.get_name()
        except gi.repository.GLib.Error:
            continue
    return None


def click(node):
    action = node.get_action_iface()
    assert action is not None, f"{node.get_name()} has no action"
    action.do_action(0)


def dump(root):
    lines = []
    for node in walk(root):
        try:
            lines.append(f"{node.get_role_name()} {node.get_name()!r} showing={is_showing(node)}")
        except gi.repository.GLib.Error:
            pass
    return "\n".join(lines)


@contextlib.contextmanager
def running(proc, on_failure=None):
    """The body of a test of the Haven started as `proc`: a failed assertion
    prints Haven's accessible tree (and calls `on_failure`, to show more),
    and in any case Haven is ended and has left the accessibility bus before
    the next test starts."""
    try:
        yield
    except AssertionError:
        app = find_application()
        if app is not None:
            print(dump(app), file=sys.stderr)
        if on_failure is not None:
            on_failure()
        raise
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)
    wait_for(lambda: not applications(), "Haven to leave the accessibility bus")
