# test_leave_quickly.py: Leave Quickly is in the header bar, on screen
# without scrolling, on Home and in an open explainer, wide and narrow, and
# it ends Haven at once; driven through AT-SPI.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import tempfile

from havenatspi import (Atspi, accessibility_bus, applications, choose, click, current_view, find, find_all,
                        find_text, haven_window, list_row, scaled, wait_for)

HOME_TITLE = "World Mental Health Day 2026"  # a campaign card on Home


def leave_button(app):
    """The header bar's Leave Quickly: a button with that name, whole
    inside the window, on the window's first row of controls. (Get Help
    has a Leave Quickly of its own further down.)"""
    frame = find(app, role=Atspi.Role.FRAME)
    # Against the frame's own extents: in window coordinates GTK 4.8 puts
    # the frame at 0, 0, GTK 4.18 (under Xvfb) at -5, -5, with the header
    # bar's buttons at -5 too.
    window = frame.get_component_iface().get_extents(Atspi.CoordType.WINDOW)
    get_help_now = find(app, role=Atspi.Role.PUSH_BUTTON, name="Get Help Now", showing=True)
    if get_help_now is None:
        return None
    header = get_help_now.get_component_iface().get_extents(Atspi.CoordType.WINDOW)
    for button in find_all(app, role=Atspi.Role.PUSH_BUTTON, name="Leave Quickly", showing=True):
        extents = button.get_component_iface().get_extents(Atspi.CoordType.WINDOW)
        if (window.y <= extents.y < header.y + header.height and
                extents.y + extents.height <= window.y + window.height and
                extents.width > 0):
            return button
    return None


def open_explainer(app, prefix):
    tab = wait_for(lambda: find(app, role=Atspi.Role.PAGE_TAB, name="Explainers", showing=True),
                   "the Explainers switcher")
    click(tab)
    row = wait_for(lambda: list_row(app, prefix), f"the {prefix} row")
    choose(row)
    wait_for(lambda: find(app, name="Save for Later", showing=True),
             "the explainer's reader")


def shown_on_home_and_explainer_and_leaves(haven, settings, number, width):
    with haven_window(haven, env=settings) as (app, proc):
        wait_for(lambda: find_text(app, HOME_TITLE), "the Home view")
        assert current_view(app) == "Home", current_view(app)
        frame = find(app, role=Atspi.Role.FRAME)
        shown = frame.get_component_iface().get_extents(Atspi.CoordType.WINDOW).width
        # The window's size, shadows aside: the test is of the width asked for.
        assert width - 20 <= shown <= width + 120, f"the window is {shown} px wide, not {width}"
        wait_for(lambda: leave_button(app), "Leave Quickly in the header bar on Home")
        print(f"ok {number} - at {width} px Leave Quickly is on screen on Home")

        open_explainer(app, "Anxiety.")
        button = wait_for(lambda: leave_button(app), "Leave Quickly in the header bar in the explainer")
        print(f"ok {number + 1} - at {width} px Leave Quickly is on screen in an open explainer")

        click(button)
        status = proc.wait(timeout=scaled(20))
        assert status == 0, f"Haven exited with status {status}"
        wait_for(lambda: not applications(), "Haven to leave the accessibility bus")
        print(f"ok {number + 2} - at {width} px activating Leave Quickly ends Haven")


def main():
    haven = sys.argv[1]
    print("1..6")
    with accessibility_bus(), tempfile.TemporaryDirectory() as config:
        # The window opens at the size the settings remember.
        settings = {"XDG_CONFIG_HOME": config, "GSETTINGS_BACKEND": "keyfile"}
        keyfile = os.path.join(config, "glib-2.0", "settings", "keyfile")
        os.makedirs(os.path.dirname(keyfile))
        for number, width in ((1, 1280), (4, 360)):
            with open(keyfile, "w", encoding="utf-8") as f:
                f.write(f"[io/github/havenwellbeing/Haven]\nwindow-size=({width}, 720)\n")
            shown_on_home_and_explainer_and_leaves(haven, settings, number, width)


if __name__ == "__main__":
    main()
