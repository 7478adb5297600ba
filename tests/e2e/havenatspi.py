# havenatspi.py: start the real Haven on a private AT-SPI bus and find things
# in its accessible tree, as a screen reader does. The one helper of the
# end-to-end tests: what more than one of them needs lives here.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import contextlib
import gettext
import json
import os
import subprocess
import sys
import tempfile
import time

import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

# get_*_iface() are deprecated in newer libatspi but are what Debian 12 has.
warnings.filterwarnings("ignore", category=DeprecationWarning)

TIMEOUT = 20


def slowdown():
    """How many times longer to wait on this machine or build: the
    HAVEN_TEST_SLOWDOWN factor (1 to 100) that tests/haven-test-wait.c reads
    too, which CI sets for its slower sanitizer build."""
    try:
        factor = int(os.environ.get("HAVEN_TEST_SLOWDOWN", "1"))
    except ValueError:
        factor = 1
    return min(max(factor, 1), 100)


def scaled(seconds):
    """`seconds` to wait for a process, on this machine or build."""
    return seconds * slowdown()

FEED = os.path.join(os.environ.get("HAVEN_SOURCE_ROOT", ""), "data", "feed", "feed.json")


def wait_for(predicate, what, timeout=TIMEOUT):
    """Asks `predicate` until it answers something true, and returns that;
    after `timeout` seconds (times the slowdown), fails the test saying what
    it waited for."""
    limit = scaled(timeout)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.1)  # between two looks, not a wait for something
    raise AssertionError(f"timed out after {limit} s waiting for {what}")


def accessibility_bus_address():
    """The address the AT-SPI bus launcher of this D-Bus session gives out,
    or None while it has none (without starting one through D-Bus)."""
    try:
        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        reply = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                  None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NO_AUTO_START,
                                  1000, None)
        return reply.unpack()[0] or None
    except GLib.Error:
        return None


@contextlib.contextmanager
def accessibility_bus():
    """The AT-SPI bus inside this test's D-Bus session, started before any
    Haven and ready when the body starts. The launcher names its socket
    after the X display, in XDG_RUNTIME_DIR or else ~/.cache: a private
    directory keeps other test runs on the same machine and display number
    from taking it."""
    runtime = tempfile.TemporaryDirectory(prefix="haven-e2e-runtime-")
    os.environ["XDG_RUNTIME_DIR"] = runtime.name
    launcher = subprocess.Popen(
        ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(accessibility_bus_address, "the accessibility bus to start")
        yield
    finally:
        launcher.terminate()
        launcher.wait(timeout=scaled(10))
        runtime.cleanup()


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


def launch(haven, *args, lang=None, env=None, output=None):
    """Starts Haven offline; with `lang` (such as "de_DE.UTF-8") in that
    locale alone, whatever the test's own environment says; with `env`, these
    variables set too; with `output` (a file), its output kept there."""
    full_env = app_env()
    if lang is not None:
        for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            full_env.pop(name, None)
        full_env["LANG"] = lang
    full_env.update(env or {})
    if output is None:
        return subprocess.Popen([haven, CLOSED_FEED_URL, *args], env=full_env)
    return subprocess.Popen([haven, CLOSED_FEED_URL, *args], env=full_env,
                            stdout=output, stderr=subprocess.STDOUT)


def bundled_feed():
    """The feed Haven ships, as the tests compare with what it shows."""
    with open(FEED, encoding="utf-8") as f:
        return json.load(f)


def translated(text, language):
    """`text` as Haven says it in `language` (such as "ar"), from this
    build's translations: HAVEN_LOCALEDIR (tests/meson.build sets it). In
    English, or without a translation, the text itself: a test that needs
    the translation compares the two."""
    catalog = gettext.translation("haven", localedir=os.environ["HAVEN_LOCALEDIR"],
                                  languages=[language], fallback=True)
    return catalog.gettext(text)


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
    # A node the app takes away while it is being walked (a list updated as
    # the reader types) ends its part of the walk: libatspi then says its
    # application "no longer exists". A predicate asks again 0.1 s later.
    try:
        children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
    except GLib.Error:
        return
    for child in children:
        yield from walk(child, depth + 1)


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


def text_of(node):
    """The text of a label, entry or text area, or None."""
    iface = node.get_text_iface()
    # GTK 4.8's entries answer nothing for an end offset of -1. Through
    # Atspi.Text: libatspi 2.56 (Debian 13) gives Atspi.Accessible a
    # get_text() of its own that takes no offsets and hides the interface's.
    return Atspi.Text.get_text(iface, 0, Atspi.Text.get_character_count(iface)) \
        if iface is not None else None


def _said_through(node, own, relation_type):
    """`own` text of the node, or else what the labels its `relation_type`
    relation points at say, as a screen reader reads them: GTK 4.18 leaves
    a menu item's name and a row's description empty and points at labels."""
    if own:
        return own
    for relation in node.get_relation_set() or []:
        if relation.get_relation_type() != relation_type:
            continue
        parts = [name_of_label(relation.get_target(i)) for i in range(relation.get_n_targets())]
        return " ".join(part for part in parts if part)
    return own


def name_of(node):
    """The accessible name, as a screen reader says it (labelled-by on GTK
    4.18, the item's own name on GTK 4.8)."""
    return _said_through(node, node.get_name(), Atspi.RelationType.LABELLED_BY)


def description_of(node):
    """The accessible description, as a screen reader says it (described-by
    on GTK 4.18, the subtitle)."""
    return _said_through(node, node.get_description(), Atspi.RelationType.DESCRIBED_BY)


def name_of_label(node):
    if node is None:
        return None
    return node.get_name() or text_of(node)


def y_of(node):
    return node.get_component_iface().get_extents(Atspi.CoordType.WINDOW).y


def matching(root, role=None, name=None, showing=None, name_prefix=None, text=None,
             actionable=False):
    """The nodes below `root` (itself included), one by one as the walk
    finds them, that have the `role` (one, or a tuple of roles), accessible
    `name`, a name that starts with `name_prefix`, the `text`, an action
    (with `actionable`), and are on screen or not (with `showing` True or
    False); None asks nothing. Every question is a call over D-Bus: the
    cheap ones come first."""
    roles = None
    if role is not None:
        roles = role if isinstance(role, tuple) else (role,)
        # GTK 4.8 shows a group (a card, a box with a name) as a panel,
        # GTK 4.18 as a grouping: asking for one finds either.
        if Atspi.Role.PANEL in roles:
            roles += (Atspi.Role.GROUPING,)
        # GTK 4.8 shows a toggle button (Search) as a push button, GTK 4.18
        # as a toggle button.
        if Atspi.Role.PUSH_BUTTON in roles:
            roles += (Atspi.Role.TOGGLE_BUTTON,)
    for node in walk(root):
        try:
            if roles is not None and node.get_role() not in roles:
                continue
            # GTK 4.18 names a flow box's cells (table cells) after what they
            # hold and gives them an action; what a person presses is the
            # button inside, as GTK 4.8 shows it alone.
            if actionable and role is None and node.get_role() == Atspi.Role.TABLE_CELL:
                continue
            if name is not None and name_of(node) != name:
                continue
            if name_prefix is not None and not (name_of(node) or "").startswith(name_prefix):
                continue
            if text is not None and text_of(node) != text:
                continue
            if actionable and node.get_action_iface() is None:
                continue
            if showing is not None and is_showing(node) != showing:
                continue
        except GLib.Error:  # a node that went away while walking
            continue
        yield node


def find_all(root, **criteria):
    """Every node that matching() finds."""
    return list(matching(root, **criteria))


def find(root, **criteria):
    """The first node that matching() finds, or None."""
    return next(matching(root, **criteria), None)


def matching_text(root, text, showing=True):
    """The labels (or any text) whose accessible name or text is exactly
    `text`, one by one."""
    for node in walk(root):
        try:
            if showing and not is_showing(node):
                continue
            if node.get_name() == text:
                yield node
                continue
            if text_of(node) == text:
                yield node
        except GLib.Error:
            continue


def find_all_text(root, text, showing=True):
    """Every label (or any text) whose accessible name or text is exactly `text`."""
    return list(matching_text(root, text, showing))


def find_text(root, text, showing=True):
    """A label (or any text) whose accessible name or text is exactly `text`."""
    return next(matching_text(root, text, showing), None)


def frames(app):
    """Haven's windows and dialogs."""
    return [app.get_child_at_index(i) for i in range(app.get_child_count())
            if app.get_child_at_index(i).get_role() in (Atspi.Role.FRAME, Atspi.Role.DIALOG)]


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
    status = proc.wait(timeout=scaled(60))
    assert status == 0, f"Haven exited with status {status}"


def current_view(app):
    """The title of the view the switcher marks selected, as Orca announces it."""
    for node in walk(app):
        try:
            if (node.get_role() == Atspi.Role.PAGE_TAB and
                    node.get_state_set().contains(Atspi.StateType.SELECTED)):
                return node.get_name()
        except GLib.Error:
            continue
    return None


def click(node):
    action = node.get_action_iface()
    assert action is not None, f"{node.get_name()} has no action"
    action.do_action(0)


# Key symbols, as GDK names them.
KEY_TAB = 0xff09
KEY_RETURN = 0xff0d


def press(keysym):
    """Presses and releases a key, as the keyboard would."""
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)


def has_focus(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.FOCUSED)
    except GLib.Error:  # a node that went away
        return False


def choice(root, name):
    """A choice row on screen named `name`, as a screen reader lists it: an
    AdwActionRow is a list item named by its title."""
    return find(root, role=Atspi.Role.LIST_ITEM, name=name, showing=True)


def list_row(root, name_prefix):
    """A row on screen whose name starts with `name_prefix`, as a screen
    reader lists it: an explainer's row is a list item named by its title
    and reading time."""
    return find(root, role=Atspi.Role.LIST_ITEM, name_prefix=name_prefix, showing=True)


def choose(node, max_tabs=120):
    """Chooses `node` as a keyboard user does: Tab until it has the focus,
    then Return. GTK 4.8's list rows (AdwActionRow) offer no AT-SPI action
    to press, so a screen reader user reaches them this way too. Each Tab
    waits for the focus to move, which GTK says with a focus event."""
    moves = []

    def on_focus(event):
        if event.detail1:
            moves.append(event.source)

    listener = Atspi.EventListener.new(on_focus)
    listener.register("object:state-changed:focused")

    def moved(seen):
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass
        return len(moves) > seen

    try:
        for _ in range(max_tabs):
            if has_focus(node):
                press(KEY_RETURN)
                return
            seen = len(moves)
            press(KEY_TAB)
            wait_for(lambda: moved(seen), "the focus to move on Tab", timeout=5)
        raise AssertionError(f"Tab never reached “{node.get_name()}”")
    finally:
        listener.deregister("object:state-changed:focused")


def dump(root):
    lines = []
    for node in walk(root):
        try:
            lines.append(f"{node.get_role_name()} {node.get_name()!r} showing={is_showing(node)}")
        except GLib.Error:
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
            proc.wait(timeout=scaled(10))
    wait_for(lambda: not applications(), "Haven to leave the accessibility bus")


@contextlib.contextmanager
def haven_window(haven, *args, lang=None, env=None, output=None, on_failure=None):
    """A test of one Haven, started offline as launch() starts it: the body
    gets (app, proc) once Haven is on the accessibility bus. When the body
    ends well, the window is closed as a person would close it (unless the
    body ended Haven itself), and in any case as running() says."""
    proc = launch(haven, *args, lang=lang, env=env, output=output)
    with running(proc, on_failure):
        app = wait_for(find_application, "Haven on the accessibility bus")
        yield app, proc
        if proc.poll() is None:
            close_window(app, proc, lang.split("_")[0] if lang is not None else None)
