# test_safety_plan.py: the safety plan from the main menu, filled in, kept
# across a restart, and kept out of the logs, driven through AT-SPI.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import stat
import sys
import tempfile

from havenatspi import Atspi, accessibility_bus, click, find, haven_window, matching_text, text_of, wait_for, walk

PLAN_TITLE = "My Safety Plan"
WARNING_SIGNS = "My warning signs"
WRITTEN = "I stop replying to messages and stay in my room"


def logged_window(haven, log, log_path, data_home):
    """Haven with every debug message on, its output kept to check later
    (and shown if the test fails)."""
    return haven_window(haven, "--region=GB", env={"G_MESSAGES_DEBUG": "all", "XDG_DATA_HOME": data_home},
                        output=log, on_failure=lambda: show_log(log_path))


def open_plan(app):
    """Main Menu, then My Safety Plan, as a keyboard or screen reader user would."""
    menu = wait_for(lambda: find(app, name="Main Menu", showing=True), "the Main Menu button")
    # GTK 4.18 gives the menu button an action of its own that opens
    # nothing; the toggle button inside opens the menu on 4.8 and 4.18.
    toggle = find(menu, role=Atspi.Role.TOGGLE_BUTTON) or \
        next(node for node in walk(menu)
             if node.get_action_iface() is not None and node.get_action_iface().get_n_actions() > 0)
    click(toggle)
    item = wait_for(lambda: find(app, role=Atspi.Role.MENU_ITEM, name=PLAN_TITLE, showing=True),
                    "“My Safety Plan” in the main menu")
    click(item)
    return wait_for(lambda: find(app, role=Atspi.Role.FRAME, name=PLAN_TITLE, showing=True),
                    "the My Safety Plan window")


def warning_signs(frame):
    return wait_for(lambda: find(frame, role=Atspi.Role.TEXT, name=WARNING_SIGNS),
                    "a text area named “My warning signs”")


def find_shown_text(frame, text):
    """A person or service's row shows its number under its name."""
    return next(matching_text(frame, text), None)


def close_frame(frame):
    close = find(frame, role=Atspi.Role.PUSH_BUTTON, name="Close")
    assert close is not None, "the plan window has no Close button"
    click(close)


def show_log(log_path):
    with open(log_path) as log:
        print("Haven's output:\n" + log.read()[-4000:], file=sys.stderr)


def main():
    haven = sys.argv[1]
    data = tempfile.mkdtemp(prefix="haven-e2e-plan-")
    plan_path = os.path.join(data, "haven", "safety-plan.ini")
    log_path = os.path.join(data, "haven.log")

    print("1..4")
    try:
        with accessibility_bus():
            with open(log_path, "w") as log:
                with logged_window(haven, log, log_path, data) as (app, proc):
                    frame = open_plan(app)
                    print("ok 1 - the main menu opens My Safety Plan")

                    # A new plan starts with GB's crisis line from the feed.
                    wait_for(lambda: find_shown_text(frame, "116 123"),
                             "the region's crisis line among the professionals and services")
                    # Its row offers the number to copy, named for a screen reader.
                    wait_for(lambda: find(frame, role=Atspi.Role.PUSH_BUTTON, name="Copy number 116 123"),
                             "a button named “Copy number 116 123”")
                    view = warning_signs(frame)
                    wait_for(lambda: view.get_state_set().contains(Atspi.StateType.EDITABLE) and
                             view.get_state_set().contains(Atspi.StateType.SENSITIVE),
                             "the warning signs to be editable")
                    assert view.get_editable_text_iface().insert_text(0, WRITTEN, len(WRITTEN.encode()))
                    wait_for(lambda: text_of(view) == WRITTEN, "the typed text in the warning signs")
                    wait_for(lambda: os.path.exists(plan_path), "the plan to be saved as you type")
                    mode = stat.S_IMODE(os.stat(plan_path).st_mode)
                    assert mode == 0o600, f"the plan file has mode {oct(mode)}"
                    print("ok 2 - typing saves the plan, readable only by its owner")

                    close_frame(frame)
                    wait_for(lambda: find(app, role=Atspi.Role.FRAME, name=PLAN_TITLE) is None,
                             "the plan window to close")

            with open(log_path, "a") as log:
                with logged_window(haven, log, log_path, data) as (app, proc):
                    frame = open_plan(app)
                    view = warning_signs(frame)
                    wait_for(lambda: text_of(view) == WRITTEN, "the warning signs written before the restart")
                    wait_for(lambda: find_shown_text(frame, "116 123"), "the services kept with the plan")
                    print("ok 3 - after a restart the plan shows what was written")
                    close_frame(frame)
                    wait_for(lambda: find(app, role=Atspi.Role.FRAME, name=PLAN_TITLE) is None,
                             "the plan window to close")

            with open(log_path) as log:
                output = log.read()
            assert WRITTEN not in output and "stay in my room" not in output, \
                "the plan's words appeared in Haven's log"
            print("ok 4 - nothing written in the plan appears in the log, even with debug messages on")
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
