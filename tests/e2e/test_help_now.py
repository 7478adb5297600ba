# test_help_now.py: Get Help Now from the header bar, from `haven --help-now`,
# and from a second invocation, driven through AT-SPI.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess
import sys

from havenatspi import (Atspi, accessibility_bus, applications, click, current_view, find, find_text,
                        frames, haven_window, scaled, wait_for)

HELP_TITLE = "You Are Not Alone"
HOME_TITLE = "World Mental Health Day 2026"  # a campaign card on Home


def header_button_opens_help(haven):
    with haven_window(haven) as (app, proc):
        wait_for(lambda: find_text(app, HOME_TITLE), "the Home view")
        assert current_view(app) == "Home", current_view(app)
        assert find_text(app, HELP_TITLE) is None, "Get Help is showing before it was asked for"

        button = wait_for(lambda: find(app, role=Atspi.Role.PUSH_BUTTON, name="Get Help Now", showing=True),
                          "a button named exactly “Get Help Now”")
        click(button)
        wait_for(lambda: current_view(app) == "Get Help", "the Get Help view after activating the button")
        assert find_text(app, HELP_TITLE) is not None, "the Get Help view shows no help"
        print("ok 1 - the Get Help Now button opens the Get Help view")


def command_line_and_second_instance(haven):
    with haven_window(haven, "--help-now") as (app, proc):
        wait_for(lambda: current_view(app) == "Get Help", "`haven --help-now` to open at Get Help")
        assert find_text(app, HELP_TITLE) is not None, "the Get Help view shows no help"
        print("ok 2 - haven --help-now opens at the Get Help view")

        # Back to Home, then a second invocation must reuse this instance.
        home = wait_for(lambda: find(app, name="Home", showing=True), "the Home switcher")
        click(home)
        wait_for(lambda: current_view(app) == "Home", "the Home view")

        second = subprocess.run([haven, "--help-now"], timeout=scaled(30))
        assert second.returncode == 0, f"second invocation exited with {second.returncode}"
        assert proc.poll() is None, "the first instance went away"
        wait_for(lambda: current_view(app) == "Get Help", "the running window to show Get Help")
        assert len(applications()) == 1, "a second Haven instance appeared"
        windows = [frame for frame in frames(app) if frame.get_role() == Atspi.Role.FRAME]
        assert len(windows) == 1, f"expected one window, found {len(windows)}"
        print("ok 3 - a second haven --help-now reuses the running window")


def main():
    haven = sys.argv[1]
    print("1..3")
    with accessibility_bus():
        header_button_opens_help(haven)
        command_line_and_second_instance(haven)


if __name__ == "__main__":
    main()
