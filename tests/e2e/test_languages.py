# test_languages.py: Haven in the reader's language, driven through AT-SPI:
# the Get Help Now button carries its German and Arabic names, Arabic mirrors
# the header bar, and a German speaker in Switzerland gets Swiss crisis lines
# with German text while the service keeps its own name.
#
# Needs the locales and translations of this build: LOCPATH and
# HAVEN_LOCALEDIR (tests/meson.build sets both).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

from havenatspi import (Atspi, accessibility_bus, bundled_feed, current_view, find, find_text,
                        haven_window, translated, wait_for)


def centre_x(node):
    extents = node.get_component_iface().get_extents(Atspi.CoordType.WINDOW)
    return extents.x + extents.width / 2


def help_button_named(language, left_to_right):
    name = translated("Get Help Now", language)
    home = translated("Home", language)
    assert name != "Get Help Now", f"no {language} translation of “Get Help Now”"

    def check(app, proc):
        button = wait_for(lambda: find(app, role=Atspi.Role.PUSH_BUTTON, name=name, showing=True),
                          f"a button named “{name}”")
        assert find(app, role=Atspi.Role.PUSH_BUTTON, name="Get Help Now") is None, \
            "the English name is still there"
        assert current_view(app) == home, f"the view is called {current_view(app)!r}, not {home!r}"
        # The button leads the header bar: at the left in German, and at the
        # right when Arabic mirrors the window.
        frame = find(app, role=Atspi.Role.FRAME)
        width = frame.get_component_iface().get_extents(Atspi.CoordType.WINDOW).width
        side = "left" if centre_x(button) < width / 2 else "right"
        assert side == ("left" if left_to_right else "right"), f"the button is at the {side}"
    return check


def with_haven(haven, lang, check, *args):
    with haven_window(haven, *args, lang=lang) as (app, proc):
        wait_for(lambda: current_view(app) is not None, "the window")
        check(app, proc)


def swiss_german(app, proc):
    contact = next(c for c in bundled_feed()["contacts"] if c["id"] == "ch-dargebotene-hand")
    wait_for(lambda: current_view(app) == translated("Get Help", "de"), "the Get Help view")
    wait_for(lambda: find_text(app, "143"), "the Swiss crisis line 143 on the first screen")
    assert find_text(app, contact["description"]["de"]) is not None, \
        "the Swiss line is not described in German"
    assert find_text(app, contact["description"]["en"], showing=False) is None, \
        "the English description is shown"
    assert find(app, name=contact["name"]) or find_text(app, contact["name"]), \
        f"the service's own name “{contact['name']}” is missing"


def main():
    haven = sys.argv[1]
    print("1..3")
    with accessibility_bus():
        with_haven(haven, "de_DE.UTF-8", help_button_named("de", True))
        print("ok 1 - LANG=de_DE.UTF-8: the button is called "
              f"“{translated('Get Help Now', 'de')}”")
        with_haven(haven, "ar_EG.UTF-8", help_button_named("ar", False))
        print("ok 2 - LANG=ar_EG.UTF-8: the button is called "
              f"“{translated('Get Help Now', 'ar')}” and the header bar is mirrored")
        with_haven(haven, "de_CH.UTF-8", swiss_german, "--help-now")
        print("ok 3 - LANG=de_CH.UTF-8: Swiss crisis lines with German text")


if __name__ == "__main__":
    main()
