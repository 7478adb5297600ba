# test_reading.py: campaigns, explainers, content notes, the crisis call-out
# in search and the remembered text size, driven through AT-SPI.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys
import tempfile

from havenatspi import (Atspi, applications, click, close_window, dump, find,
                        find_application, find_text, is_showing, launch,
                        start_accessibility_bus, wait_for, walk)

import gi

FEED = os.path.join(os.environ["HAVEN_SOURCE_ROOT"], "data", "feed", "feed.json")


def load_feed():
    with open(FEED, encoding="utf-8") as f:
        return json.load(f)


def en(text):
    return text["en"] if isinstance(text, dict) else text


def activatable(app, prefix):
    """A showing element with an action whose accessible name starts with
    `prefix`, as a screen reader user finds a card or a row."""
    for node in walk(app):
        try:
            name = node.get_name() or ""
            if name.startswith(prefix) and node.get_action_iface() is not None and is_showing(node):
                return node
        except gi.repository.GLib.Error:
            continue
    return None


def showing_all(app, role, name):
    found = []
    for node in walk(app):
        try:
            if node.get_role() == role and node.get_name() == name and is_showing(node):
                found.append(node)
        except gi.repository.GLib.Error:
            continue
    return found


def y_of(node):
    return node.get_component_iface().get_extents(Atspi.CoordType.WINDOW).y


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


class Run:
    """One Haven process and its accessible application."""

    def __init__(self, haven, *args):
        self.proc = launch(haven, *args)
        self.app = wait_for(find_application, "Haven on the accessibility bus")

    def close(self):
        close_window(self.app, self.proc)
        wait_for(lambda: not applications(), "Haven to leave the accessibility bus")

    def kill(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def campaign_shows_explainers_and_chart(haven):
    """a campaign card opens a page with its explainers and chart values"""
    feed = load_feed()
    campaign = next(c for c in feed["campaigns"] if c["id"] == "world-mental-health-day-2026")
    explainers = {e["id"]: e for e in feed["explainers"]}
    title = en(campaign["title"])
    run = Run(haven)
    try:
        card = wait_for(lambda: activatable(run.app, title), f"the card “{title}”")
        assert card.get_role() == Atspi.Role.PUSH_BUTTON, card.get_role_name()
        assert card.get_name().startswith(title), card.get_name()
        click(card)

        wait_for(lambda: find_text(run.app, en(campaign["description"])), "the campaign's description")
        for explainer_id in campaign["explainers"]:
            name = en(explainers[explainer_id]["title"])
            assert activatable(run.app, name) is not None, f"the explainer “{name}” is not on the page"
        insight = campaign["insights"][0]
        assert find_text(run.app, en(insight["title"])) is not None, "the chart has no title"
        for figure in insight["figures"]:
            value = "%.12g %s" % (figure["value"], en(figure["unit"])) if "unit" in figure else "%.12g" % figure["value"]
            assert find_text(run.app, en(figure["label"])) is not None, f"no label {en(figure['label'])}"
            assert find_text(run.app, value) is not None, f"the value “{value}” is not written out"
        assert find_text(run.app, en(insight["source"]["title"])) is not None, "the chart names no source"

        # Back returns to the cards, with the card still there.
        back = wait_for(lambda: find(run.app, role=Atspi.Role.PUSH_BUTTON, name="Back", showing=True), "Back")
        click(back)
        wait_for(lambda: activatable(run.app, title), "the cards again")
        run.close()
    finally:
        run.kill()


def sensitive_explainer_opens_on_note(haven):
    """a sensitive explainer opens on its content note, and ends with help"""
    feed = load_feed()
    piece = next(e for e in feed["explainers"] if e["id"] == "self-harm")
    first_heading = en(next(b for b in piece["body"] if b["type"] == "heading")["text"])
    run = Run(haven)
    try:
        open_explainers(run.app)
        row = wait_for(lambda: activatable(run.app, en(piece["title"]) + "."), "the Self-harm row")
        click(row)

        wait_for(lambda: find_text(run.app, "Content Note"), "the content note")
        assert find_text(run.app, en(piece["content_note"])) is not None, "the note's text is missing"
        for label in ("Continue Reading", "Go Back"):
            assert find(run.app, role=Atspi.Role.PUSH_BUTTON, name=label, showing=True), f"no “{label}”"
        assert len(showing_all(run.app, Atspi.Role.PUSH_BUTTON, "Get Help Now")) >= 2, \
            "the note offers no Get Help Now of its own"
        assert find_text(run.app, first_heading) is None, "the piece shows before the reader chose to go on"
        print("ok 2 - a sensitive explainer opens on its content note first")

        click(find(run.app, role=Atspi.Role.PUSH_BUTTON, name="Continue Reading", showing=True))
        wait_for(lambda: find_text(run.app, first_heading), "the explainer after Continue Reading")
        wait_for(lambda: find_text(run.app, "Content Note") is None, "the note to go away")
        wait_for(lambda: find_text(run.app, "Talk to Someone"), "the help call-out")
        assert len(showing_all(run.app, Atspi.Role.PUSH_BUTTON, "Get Help Now")) >= 2, \
            "the help call-out has no Get Help Now button"
        run.close()
    finally:
        run.kill()


def crisis_search_puts_help_first(haven):
    """searching “suicide” shows the crisis call-out above the results"""
    run = Run(haven)
    try:
        open_explainers(run.app)
        search = wait_for(lambda: find(run.app, role=Atspi.Role.PUSH_BUTTON, name="Search", showing=True),
                          "the Search button")
        click(search)
        entry = wait_for(lambda: next((n for n in walk(run.app)
                                       if n.get_role() in (Atspi.Role.ENTRY, Atspi.Role.TEXT) and
                                       n.get_editable_text_iface() is not None and is_showing(n)), None),
                         "the search entry")
        type_text(entry, "suicide")

        help_buttons = wait_for(lambda: [b for b in showing_all(run.app, Atspi.Role.PUSH_BUTTON, "Get Help Now")
                                         if y_of(b) > 60], "Get Help Now in the results")
        results = find(run.app, role=Atspi.Role.LIST, name="Explainers", showing=None)
        assert results is not None, "no result list"
        assert y_of(help_buttons[0]) < y_of(results), "the crisis call-out is not above the results"
        run.close()
    finally:
        run.kill()


def text_size_kept_after_restart(haven):
    """the text size chosen in the reader is kept after a restart"""
    def open_anxiety(run):
        open_explainers(run.app)
        click(wait_for(lambda: activatable(run.app, "Anxiety."), "the Anxiety row"))
        wait_for(lambda: find(run.app, role=Atspi.Role.PUSH_BUTTON, name="Larger Text", showing=True),
                 "the reader's text size buttons")

    with tempfile.TemporaryDirectory() as config:
        os.environ["XDG_CONFIG_HOME"] = config
        os.environ["GSETTINGS_BACKEND"] = "keyfile"
        run = Run(haven)
        try:
            open_anxiety(run)
            assert find_text(run.app, "100%") is not None, "the text does not start at 100%"
            larger = find(run.app, role=Atspi.Role.PUSH_BUTTON, name="Larger Text", showing=True)
            click(larger)
            wait_for(lambda: find_text(run.app, "110%"), "110%")
            click(larger)
            wait_for(lambda: find_text(run.app, "120%"), "120%")
            run.close()
        finally:
            run.kill()

        run = Run(haven)
        try:
            open_anxiety(run)
            wait_for(lambda: find_text(run.app, "120%"), "the text size of the last run")
            run.close()
        finally:
            run.kill()


def main():
    haven = sys.argv[1]
    print("1..5")
    # The bus launcher names its socket after the X display, in
    # XDG_RUNTIME_DIR or else ~/.cache: a private directory keeps other
    # test runs on the same machine and display number from taking it.
    runtime = tempfile.TemporaryDirectory()
    os.environ["XDG_RUNTIME_DIR"] = runtime.name
    bus = start_accessibility_bus()
    try:
        campaign_shows_explainers_and_chart(haven)
        print("ok 1 - a campaign card opens a page with its explainers and chart values")
        sensitive_explainer_opens_on_note(haven)
        print("ok 3 - Continue Reading shows the explainer, ending with the help call-out")
        crisis_search_puts_help_first(haven)
        print("ok 4 - searching “suicide” shows Get Help Now above the results")
        text_size_kept_after_restart(haven)
        print("ok 5 - the text size is kept after a restart")
    except AssertionError:
        app = find_application()
        if app is not None:
            print(dump(app), file=sys.stderr)
        raise
    finally:
        bus.terminate()
        runtime.cleanup()


if __name__ == "__main__":
    main()
