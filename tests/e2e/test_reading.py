# test_reading.py: campaigns, explainers, content notes, the crisis call-out
# in search and the remembered text size, driven through AT-SPI.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys
import tempfile

from havenatspi import (Atspi, accessibility_bus, bundled_feed, choose, click, find, find_all, find_text,
                        haven_window, is_showing, list_row, wait_for, walk, y_of)

import gi


def en(text):
    return text["en"] if isinstance(text, dict) else text


def activatable(app, prefix):
    """A showing element with an action whose accessible name starts with
    `prefix`, as a screen reader user finds a card or a row."""
    return find(app, name_prefix=prefix, actionable=True, showing=True)


def open_explainers(app):
    tab = wait_for(lambda: find(app, role=Atspi.Role.PAGE_TAB, name="Explainers", showing=True),
                   "the Explainers switcher")
    click(tab)


def type_text(entry, text):
    """Types into the entry: through its editable text where GTK offers it,
    else as key presses (the search bar focuses its entry when it opens)."""
    try:
        editable = entry.get_editable_text_iface()
        if editable is not None and editable.insert_text(0, text, len(text.encode())):
            return
    except gi.repository.GLib.Error:
        pass
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)


def campaign_shows_explainers_and_chart(haven):
    """a campaign card opens a page with its explainers and chart values"""
    feed = bundled_feed()
    campaign = next(c for c in feed["campaigns"] if c["id"] == "world-mental-health-day-2026")
    explainers = {e["id"]: e for e in feed["explainers"]}
    title = en(campaign["title"])
    with haven_window(haven) as (app, proc):
        card = wait_for(lambda: activatable(app, title), f"the card “{title}”")
        assert card.get_role() == Atspi.Role.PUSH_BUTTON, card.get_role_name()
        assert card.get_name().startswith(title), card.get_name()
        click(card)

        wait_for(lambda: find_text(app, en(campaign["description"])), "the campaign's description")
        for explainer_id in campaign["explainers"]:
            name = en(explainers[explainer_id]["title"])
            assert list_row(app, name) is not None, f"the explainer “{name}” is not on the page"
        insight = campaign["insights"][0]
        assert find_text(app, en(insight["title"])) is not None, "the chart has no title"
        for figure in insight["figures"]:
            value = "%.12g %s" % (figure["value"], en(figure["unit"])) if "unit" in figure else "%.12g" % figure["value"]
            assert find_text(app, en(figure["label"])) is not None, f"no label {en(figure['label'])}"
            assert find_text(app, value) is not None, f"the value “{value}” is not written out"
        assert find_text(app, en(insight["source"]["title"])) is not None, "the chart names no source"

        # Back returns to the cards, with the card still there.
        back = wait_for(lambda: find(app, role=Atspi.Role.PUSH_BUTTON, name="Back", showing=True), "Back")
        click(back)
        wait_for(lambda: activatable(app, title), "the cards again")


def sensitive_explainer_opens_on_note(haven):
    """a sensitive explainer opens on its content note, and ends with help"""
    feed = bundled_feed()
    piece = next(e for e in feed["explainers"] if e["id"] == "self-harm")
    first_heading = en(next(b for b in piece["body"] if b["type"] == "heading")["text"])
    with haven_window(haven) as (app, proc):
        open_explainers(app)
        row = wait_for(lambda: list_row(app, en(piece["title"]) + "."), "the Self-harm row")
        choose(row)

        wait_for(lambda: find_text(app, "Content Note"), "the content note")
        assert find_text(app, en(piece["content_note"])) is not None, "the note's text is missing"
        for label in ("Continue Reading", "Go Back"):
            assert find(app, role=Atspi.Role.PUSH_BUTTON, name=label, showing=True), f"no “{label}”"
        assert len(find_all(app, role=Atspi.Role.PUSH_BUTTON, name="Get Help Now", showing=True)) >= 2, \
            "the note offers no Get Help Now of its own"
        assert find_text(app, first_heading) is None, "the piece shows before the reader chose to go on"
        print("ok 2 - a sensitive explainer opens on its content note first")

        click(find(app, role=Atspi.Role.PUSH_BUTTON, name="Continue Reading", showing=True))
        wait_for(lambda: find_text(app, first_heading), "the explainer after Continue Reading")
        wait_for(lambda: find_text(app, "Content Note") is None, "the note to go away")
        wait_for(lambda: find_text(app, "Talk to Someone"), "the help call-out")
        assert len(find_all(app, role=Atspi.Role.PUSH_BUTTON, name="Get Help Now", showing=True)) >= 2, \
            "the help call-out has no Get Help Now button"


def crisis_search_puts_help_first(haven):
    """searching “suicide” shows the crisis call-out above the results"""
    with haven_window(haven) as (app, proc):
        open_explainers(app)
        search = wait_for(lambda: find(app, role=Atspi.Role.PUSH_BUTTON, name="Search", showing=True),
                          "the Search button")
        click(search)
        entry = wait_for(lambda: next((n for n in walk(app)
                                       if n.get_role() in (Atspi.Role.ENTRY, Atspi.Role.TEXT) and
                                       n.get_editable_text_iface() is not None and is_showing(n)), None),
                         "the search entry")
        type_text(entry, "suicide")

        help_buttons = wait_for(lambda: [b for b in find_all(app, role=Atspi.Role.PUSH_BUTTON, name="Get Help Now", showing=True)
                                         if y_of(b) > 60], "Get Help Now in the results")
        results = find(app, role=Atspi.Role.LIST, name="Explainers", showing=None)
        assert results is not None, "no result list"
        assert y_of(help_buttons[0]) < y_of(results), "the crisis call-out is not above the results"


def text_size_kept_after_restart(haven):
    """the text size chosen in the main menu is kept after a restart"""
    def open_anxiety_and_menu(app):
        open_explainers(app)
        choose(wait_for(lambda: list_row(app, "Anxiety."), "the Anxiety row"))
        # The piece's controls are in the header bar: Save for Later, and
        # the text size in the main menu.
        wait_for(lambda: find(app, name="Save for Later", showing=True), "the explainer's Save for Later")
        menu = wait_for(lambda: find(app, name="Main Menu", showing=True), "the main menu button")
        # GTK 4.8 names the menu button; its inner toggle button acts.
        action = menu.get_action_iface()
        click(menu if action is not None and action.get_n_actions() > 0 else menu.get_child_at_index(0))
        return wait_for(lambda: find(app, role=Atspi.Role.PUSH_BUTTON, name="Larger Text", showing=True),
                        "the text size buttons in the main menu")

    with tempfile.TemporaryDirectory() as config:
        settings = {"XDG_CONFIG_HOME": config, "GSETTINGS_BACKEND": "keyfile"}
        with haven_window(haven, env=settings) as (app, proc):
            larger = open_anxiety_and_menu(app)
            assert find_text(app, "100%") is not None, "the text does not start at 100%"
            click(larger)
            wait_for(lambda: find_text(app, "110%"), "110%")
            click(larger)
            wait_for(lambda: find_text(app, "120%"), "120%")

        with haven_window(haven, env=settings) as (app, proc):
            open_anxiety_and_menu(app)
            wait_for(lambda: find_text(app, "120%"), "the text size of the last run")


def main():
    haven = sys.argv[1]
    print("1..5")
    with accessibility_bus():
        campaign_shows_explainers_and_chart(haven)
        print("ok 1 - a campaign card opens a page with its explainers and chart values")
        sensitive_explainer_opens_on_note(haven)
        print("ok 3 - Continue Reading shows the explainer, ending with the help call-out")
        crisis_search_puts_help_first(haven)
        print("ok 4 - searching “suicide” shows Get Help Now above the results")
        text_size_kept_after_restart(haven)
        print("ok 5 - the text size is kept after a restart")


if __name__ == "__main__":
    main()
