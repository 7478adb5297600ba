# test_get_help.py: the Get Help view shows the right numbers at once for the
# reader's locale or --region, refines by topic, copies a number, leaves
# quickly and opens the safety plan; driven through AT-SPI as a screen
# reader would.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess
import sys

from havenatspi import (Atspi, accessibility_bus, choice, choose, click, current_view, description_of, find,
                        find_all_text, find_text, frames, haven_window, is_showing, scaled, text_of, wait_for,
                        walk)


def LTR(number):
    """A number as Haven writes it inside a sentence: in a left-to-right
    isolate, so a right-to-left language cannot reorder its digit groups."""
    return f"\u2066{number}\u2069"


def ancestor_named(node, name):
    while node is not None:
        if node.get_name() == name:
            return node
        node = node.get_parent()
    return None


def run(haven, number, description, check, lang="en_GB.UTF-8", args=()):
    with haven_window(haven, "--help-now", *args, lang=lang) as (app, proc):
        wait_for(lambda: current_view(app) is not None, "the window")
        check(app, proc)
    print(f"ok {number} - {description}")


def first_screen_shows(*numbers):
    def check(app, proc):
        for number in numbers:
            wait_for(lambda: find_all_text(app, number), f"{number} on the first screen")
    return check


def norway(app, proc):
    wait_for(lambda: find_all_text(app, "116 123"), "Mental Helse on the first screen")
    shown = find_all_text(app, "113")
    assert len(shown) == 1, f"113 is shown {len(shown)} times"
    assert ancestor_named(shown[0], "Emergency numbers") is not None, "113 is shown outside the emergency numbers"
    card = ancestor_named(shown[0], "Emergency numbers")
    assert find_text(card, "Medical emergencies") is not None, "113 is not said to be for medical emergencies"
    # And no crisis line's card carries it.
    for name in ("Mental Helse Hjelpetelefonen", "Kirkens SOS"):
        row = find(app, role=Atspi.Role.PANEL, name=name) or find(app, name=name)
        assert row is not None, f"{name} is missing"
        for node in walk(row):
            assert text_of(node) != "113", f"{name} shows 113"


def actionable(app, name):
    """A button named `name`, as a screen reader user would press it. (A
    button's name is its title, then its subtitle.)"""
    return find(app, role=Atspi.Role.PUSH_BUTTON, name=name, showing=True)


def eating_problems_ranks_beat_first(app, proc):
    row = wait_for(lambda: choice(app, "What’s Going On?"), "the “What’s going on?” row")
    assert description_of(row) == "Optional: see the services for it first", description_of(row)
    choose(row)
    topic = wait_for(lambda: choice(app, "Eating problems"), "the eating problems choice")
    choose(topic)
    skip = wait_for(lambda: actionable(app, "Any Way Is Fine"), "skipping the reach step")
    click(skip)
    results = wait_for(lambda: find(app, name="Services, best match first"), "the results")
    wait_for(lambda: results.get_child_count() == 5, "five services in the results")
    order = [results.get_child_at_index(i).get_name() for i in range(results.get_child_count())]
    assert order[0] == "Beat", f"first result is {order[0]}, expected Beat: {order}"
    assert is_showing(results.get_child_at_index(0)), "the results are not on screen"
    # The emergency number stays on the results page, and Back leads back.
    assert find_all_text(app, "999"), "the emergency number left the results page"
    back = find(app, role=Atspi.Role.PUSH_BUTTON, name="Back", showing=True)
    assert back is not None, "no Back on the results page"


def safety_plan_opens(app, proc):
    row = wait_for(lambda: choice(app, "My Safety Plan"), "“My Safety Plan” in Get Help")
    assert description_of(row) == "Open your plan, or start one", description_of(row)
    choose(row)
    plan = wait_for(lambda: find(app, role=Atspi.Role.FRAME, name="My Safety Plan", showing=True),
                    "the My Safety Plan window")
    # With no plan yet, the window is where one is started.
    wait_for(lambda: find(plan, role=Atspi.Role.TEXT, name="My warning signs"),
             "a place to start the plan")
    close = find(plan, role=Atspi.Role.PUSH_BUTTON, name="Close")
    assert close is not None, "the plan window has no Close button"
    click(close)
    wait_for(lambda: find(app, role=Atspi.Role.FRAME, name="My Safety Plan") is None,
             "the plan window to close")


def read_clipboard():
    script = (
        "import gi\n"
        "gi.require_version('Gtk', '4.0')\n"
        "from gi.repository import Gtk, GLib\n"
        "Gtk.init()\n"
        "from gi.repository import Gdk\n"
        "cb = Gdk.Display.get_default().get_clipboard()\n"
        "loop = GLib.MainLoop()\n"
        "out = []\n"
        "def done(c, res):\n"
        "    out.append(c.read_text_finish(res))\n"
        "    loop.quit()\n"
        "cb.read_text_async(None, done)\n"
        "GLib.timeout_add_seconds(5, loop.quit)\n"
        "loop.run()\n"
        "print(out[0] if out and out[0] is not None else '', end='')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=scaled(30))
    return result.stdout


def button_starting(app, prefix):
    """GTK 4.8 appends the visible label to a button's accessible label."""
    return find(app, role=Atspi.Role.PUSH_BUTTON, name_prefix=prefix, showing=True)


def copy_number(app, proc):
    button = wait_for(lambda: button_starting(app, "Copy number 116 123"), "Copy Number for 116 123")
    click(button)
    # The toast goes after a few seconds; look for it before the slower clipboard read.
    wait_for(lambda: find_text(app, f"Copied {LTR('116 123')}"), "a toast saying the number was copied")
    wait_for(lambda: read_clipboard() == "116 123", "116 123 on the clipboard")


def no_dialer(app, proc):
    # The test session has no app registered for tel: links: no Call button
    # that cannot work, but the number to dial from a phone and its QR code.
    wait_for(lambda: find_text(app, f"Dial {LTR('116 123')} from any phone"),
             "“Dial 116 123 from any phone”")
    assert button_starting(app, "Call 116 123") is None, "a Call button on a computer that cannot call"
    qr = wait_for(lambda: find(app, name="QR code to call 116 123 from a phone", showing=True),
                  "a QR code of the number")
    assert qr.get_role() == Atspi.Role.IMAGE, qr.get_role_name()
    assert button_starting(app, "Copy number 116 123") is not None, "no Copy Number for 116 123"


def leave_quickly(app, proc):
    wait_for(lambda: find_all_text(app, "116 123"), "the first screen")
    # A second and a third window, opened through the application's actions.
    for action in ("preferences", "shortcuts"):
        subprocess.run(["gdbus", "call", "--session", "--dest", "io.github.havenwellbeing.Haven",
                        "--object-path", "/io/github/havenwellbeing/Haven",
                        "--method", "org.gtk.Actions.Activate", action, "[]", "{}"],
                       check=True, capture_output=True, timeout=scaled(10))
    wait_for(lambda: len(frames(app)) >= 3, "three Haven windows")
    button = wait_for(lambda: find(app, role=Atspi.Role.PUSH_BUTTON, name="Leave Quickly"),
                      "the Leave Quickly button")
    click(button)
    status = proc.wait(timeout=scaled(20))
    assert status == 0, f"Haven exited with status {status}"


def main():
    haven = sys.argv[1]
    print("1..9")
    with accessibility_bus():
        run(haven, 1, "LANG=en_GB.UTF-8 haven --help-now shows 999 and 116 123 at once",
            first_screen_shows("999", "116 123"))
        run(haven, 2, "LANG=de_DE.UTF-8 shows 112 and TelefonSeelsorge's 0800 111 0 111",
            first_screen_shows("112", "0800 111 0 111"), lang="de_DE.UTF-8")
        run(haven, 3, "--region=FR shows 3114", first_screen_shows("112", "3114"), args=("--region=FR",))
        run(haven, 4, "--region=NO shows 113 only as the medical emergency number", norway,
            args=("--region=NO",))
        run(haven, 5, "refining by eating problems in GB ranks Beat first", eating_problems_ranks_beat_first)
        run(haven, 6, "Copy Number puts the number on the clipboard", copy_number)
        run(haven, 7, "Leave Quickly closes every window at once", leave_quickly)
        run(haven, 8, "without a dialer, no Call; dial from any phone, with a QR code", no_dialer)
        run(haven, 9, "“My Safety Plan” in Get Help opens the plan", safety_plan_opens)


if __name__ == "__main__":
    main()
