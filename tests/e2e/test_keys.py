# test_keys.py: Get Help by keyboard on a computer that can neither call nor
# send email, driven through AT-SPI as a screen reader would: F1 lands on
# the emergency number's first action, the numbers lead with dialling from
# a phone, a failed "Send an Email" gets Haven's own fallback and never
# GTK's error dialog, and Down then Enter choose in the region popover.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import tempfile

from havenatspi import (Atspi, GLib, accessibility_bus, click, current_view, find, find_all,
                        find_text, frames, has_focus, haven_window, press, wait_for, walk)

KEY_F1, KEY_DOWN, KEY_RETURN = 0xffbe, 0xff54, 0xff0d
HOME_TITLE = "World Mental Health Day 2026"  # a campaign card on Home
LTR = "\u2066{}\u2069".format


def focused(app):
    for node in walk(app):
        if has_focus(node):
            return node
    return None


def name_of(node):
    try:
        return node.get_name() if node is not None else None
    except GLib.Error:
        return None


def no_dialer_and_f1(app, proc):
    wait_for(lambda: find_text(app, HOME_TITLE), "the Home view")
    press(KEY_F1)
    wait_for(lambda: current_view(app) == "Get Help", "F1 to open Get Help")
    # No app here takes tel: links: the card leads with dialling from a
    # phone, and offers no Call button that cannot work.
    wait_for(lambda: find_text(app, f"Dial {LTR('999')} from any phone"), "“Dial 999 from any phone”")
    calls = [node for node in find_all(app, role=Atspi.Role.PUSH_BUTTON, showing=True)
             if (name_of(node) or "").startswith("Call")]
    assert not calls, f"Call buttons on a computer that cannot call: {[name_of(n) for n in calls]}"
    assert find(app, name="QR code to call 999 from a phone", showing=True) is not None, "no QR code for 999"
    print("ok 1 - without an app for tel: links, no Call button; “Dial 999 from any phone” and its QR code")

    # The focus is on the emergency number's first action, not in the header.
    wait_for(lambda: (name_of(focused(app)) or "").startswith("Copy number 999"),
             "F1 to put the focus on “Copy number 999”")
    print("ok 2 - F1 puts the focus on the emergency number's first action")


def dialog_titles(app):
    return [name_of(frame) for frame in frames(app)]


def email_fallback(app, proc):
    wait_for(lambda: current_view(app) == "Get Help", "`--help-now` to open at Get Help")
    # GTK 4.8 appends the visible label to a button's accessible label.
    email = wait_for(lambda: find(app, role=Atspi.Role.LINK, name_prefix="Send an Email", showing=True),
                     "“Send an Email”")
    click(email)
    wait_for(lambda: find_text(app, "Couldn’t open an email app. Address copied."),
             "Haven's own word that no email app opened")
    titles = dialog_titles(app)
    assert not any("Could not show link" in (title or "") for title in titles), f"GTK's error dialog: {titles}"
    assert find_text(app, "Operation not supported") is None, "raw error text on screen"
    print("ok 3 - a failed “Send an Email” copies the address and says so, with no GTK error dialog")


def region_popover(app, proc):
    # The region chooser says "Help where you are" over the region's name.
    wait_for(lambda: find_text(app, "Help where you are") and find_text(app, "United Kingdom"),
             "“United Kingdom” in the region chooser")
    # GTK 4.18 names both a menu button and the toggle button in it, and
    # only the inner one, the last button the walk finds, can be pressed.
    button = wait_for(lambda: find_all(app, role=Atspi.Role.PUSH_BUTTON, name="Change Region", showing=True),
                      "“Change Region”")[-1]
    click(button)
    search = wait_for(lambda: find(app, name="Search countries and regions", showing=True), "the region search")
    wait_for(lambda: any(has_focus(node) for node in walk(search)), "the focus in the region search")
    regions = wait_for(lambda: find(app, name="Countries and regions", showing=True), "the region list")
    second = wait_for(lambda: regions.get_child_at_index(1), "a second region")
    second_name = name_of(second)
    # Down from the search into the first row, Down to the second, Enter
    # there: the second is chosen, not the first the search would take.
    press(KEY_DOWN)
    wait_for(lambda: has_focus(regions.get_child_at_index(0)), "Down to move into the first row")
    press(KEY_DOWN)
    wait_for(lambda: has_focus(regions.get_child_at_index(1)), f"Down to move to the {second_name} row")
    press(KEY_RETURN)
    # Chosen, the popover closes, and its list with it: the name left on
    # screen is the chooser's.
    wait_for(lambda: find(app, name="Countries and regions", showing=True) is None and
             find_text(app, second_name), f"Enter to choose {second_name}")
    print(f"ok 4 - in the region popover, Down, Down and Enter choose the second region ({second_name})")


def main():
    haven = sys.argv[1]
    print("1..4")
    # No app for mailto: or tel: links, whatever this machine has: a data
    # folder with the system's MIME types, schemas and icons, and no apps.
    empty = tempfile.TemporaryDirectory(prefix="haven-e2e-no-apps-")
    for name in ("mime", "glib-2.0", "icons"):
        os.symlink(os.path.join("/usr/share", name), os.path.join(empty.name, name))
    env = {"XDG_DATA_DIRS": empty.name, "XDG_CONFIG_DIRS": empty.name,
           "XDG_CONFIG_HOME": os.path.join(empty.name, "config")}
    with accessibility_bus():
        with haven_window(haven, "--region=GB", env=env) as (app, proc):
            no_dialer_and_f1(app, proc)
        with haven_window(haven, "--help-now", "--region=GB", env=env) as (app, proc):
            email_fallback(app, proc)
            region_popover(app, proc)
    empty.cleanup()


if __name__ == "__main__":
    main()
