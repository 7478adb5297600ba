# test_unknown_region.py: `haven --help-now --region=XZ`, a region the feed
# has no lines for, is not a dead end: Get Help says it has no lines for XZ
# yet, shows what works anywhere and the feed's directory of helplines, and
# lists every region of the feed in the page; choosing one shows its
# emergency number. Driven through AT-SPI as a screen reader would.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

from havenatspi import (Atspi, GLib, accessibility_bus, bundled_feed, click, current_view, find,
                        find_all_text, find_text, haven_window, text_of, wait_for, walk)

HEADING = "Haven has no crisis lines for XZ yet"
ANYWHERE = ("If you or someone else is in danger now, call your local emergency number.",
            "112 works from mobile phones in many countries.")
SEARCH = "Search countries and regions"
LIST = "Countries and regions"


def says_could_not_tell(app):
    for node in walk(app):
        try:
            if "could not tell" in (node.get_name() or "") or "could not tell" in (text_of(node) or ""):
                return True
        except GLib.Error:  # a node that went away while walking
            continue
    return False


TAB, DOWN, RETURN = 0xff09, 0xff54, 0xff0d


def press(keysym):
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)


def is_focused(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.FOCUSED)
    except GLib.Error:  # the node went away
        return False


def tab_to(app, target, most=40):
    """Presses Tab until `target`, or what it holds (an entry's text), has
    the keyboard focus, as a keyboard user would."""
    def reached():
        return any(is_focused(node) for node in walk(target))
    for _ in range(most):
        if reached():
            return
        press(TAB)
        try:
            wait_for(lambda: any(is_focused(node) for node in walk(app)), "the focus to land", timeout=5)
        except AssertionError:
            pass
    assert reached(), f"{most} presses of Tab never reach “{target.get_name()}”"


def main():
    haven = sys.argv[1]
    feed = bundled_feed()
    directory = feed["directory"]["title"]["en"]
    names = sorted(region["name"]["en"] for region in feed["regions"])

    print("1..3")
    with accessibility_bus():
        with haven_window(haven, "--help-now", "--region=XZ", lang="en_GB.UTF-8") as (app, proc):
            wait_for(lambda: current_view(app) == "Get Help", "`--help-now` to open at Get Help")
            wait_for(lambda: find_text(app, HEADING), f"“{HEADING}”")
            for text in ANYWHERE:
                assert find_text(app, text) is not None, f"“{text}” is not on screen"
            link = find(app, role=Atspi.Role.LINK, name=directory, showing=True)
            assert link is not None, f"no link named “{directory}”, the feed's directory"
            assert not says_could_not_tell(app), "Get Help says it could not tell, though it was told XZ"
            print("ok 1 - --region=XZ says Haven has no lines for XZ yet, with help for anywhere and the directory")

            assert find(app, name=SEARCH, showing=True) is not None, "no region search in the page"
            regions = wait_for(lambda: find(app, name=LIST, showing=True), "the region list in the page")
            wait_for(lambda: regions.get_child_count() == len(names),
                     f"{len(names)} regions in the list, found {regions.get_child_count()}")
            shown = [regions.get_child_at_index(i).get_name() for i in range(regions.get_child_count())]
            # In the order of the interface language's collation, which is not Python's.
            assert sorted(shown) == names, f"the list shows {shown}, not the feed's regions by name"
            print("ok 2 - every region of the feed is listed by name in the page")

            # By keyboard alone: Tab to the search, type, Down into the
            # rows and Enter on the match.
            search = find(app, name=SEARCH, showing=True)
            tab_to(app, search)
            Atspi.generate_keyboard_event(0, "norw", Atspi.KeySynthType.STRING)
            wait_for(lambda: regions.get_child_count() == 1 and regions.get_child_at_index(0).get_name() == "Norway",
                     "typing to leave only Norway in the list")
            press(DOWN)
            wait_for(lambda: is_focused(regions.get_child_at_index(0)), "Down to move into the Norway row")
            press(RETURN)
            # In Norway 113 is the medical emergency number.
            wait_for(lambda: find_all_text(app, "113"), "Norway's emergency numbers after choosing it")
            wait_for(lambda: find_text(app, "Norway"), "“Norway” as the region Get Help shows")
            assert find_text(app, HEADING) is None, "the fallback stays after a region was chosen"
            print("ok 3 - by keyboard, typing filters the list and Down, Enter choose; Get Help shows its emergency numbers")


if __name__ == "__main__":
    main()
