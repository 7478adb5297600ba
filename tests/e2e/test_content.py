# test_content.py: content in the reader's language and over time, driven
# through AT-SPI: an explainer reads in Arabic under an Arabic locale, a
# campaign page in Portuguese under a Brazilian one, and a campaign that is
# over shows under Past Campaigns with its dates.
#
# The first two need the feed's Arabic and Portuguese (Brazil) texts: until
# they are in data/feed/feed.json they fail, saying which text is missing.
# HAVEN_E2E_FEED_URL points them at a local copy that has them (served
# unsigned, shown with --unsigned-preview) to check the tests themselves.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys

from havenatspi import (Atspi, accessibility_bus, bundled_feed, choose, click, find, find_text,
                        haven_window, list_row, translated, wait_for)


def feed_args():
    url = os.environ.get("HAVEN_E2E_FEED_URL")
    return [f"--feed-url={url}", "--unsigned-preview"] if url else []


def feed():
    path = os.environ.get("HAVEN_E2E_FEED_FILE")
    if path:
        import json
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    return bundled_feed()


def text_in(text, language):
    assert isinstance(text, dict) and language in text, \
        f"the feed has no {language} text for “{text['en'] if isinstance(text, dict) else text}”"
    return text[language]


def open_explainers(app, name):
    tab = wait_for(lambda: find(app, role=Atspi.Role.PAGE_TAB, name=name, showing=True),
                   f"the {name} switcher")
    click(tab)


def arabic_explainer(haven):
    """under LANG=ar_EG.UTF-8 an explainer's title and body are Arabic"""
    piece = next(e for e in feed()["explainers"] if e["id"] == "anxiety")
    title = text_in(piece["title"], "ar")
    paragraph = text_in(next(b for b in piece["body"] if b["type"] == "paragraph")["text"], "ar")
    with haven_window(haven, *feed_args(), lang="ar_EG.UTF-8") as (app, proc):
        open_explainers(app, translated("Explainers", "ar"))
        row = wait_for(lambda: list_row(app, title), f"the row “{title}”")
        choose(row)
        wait_for(lambda: find_text(app, paragraph), "the Arabic body")
        assert find_text(app, title) is not None, "the Arabic title is not shown"
        assert find_text(app, piece["title"]["en"]) is None, "the English title is shown"
        english = next(b for b in piece["body"] if b["type"] == "paragraph")["text"]["en"]
        assert find_text(app, english) is None, "the English body is shown"


def portuguese_campaign(haven):
    """under LANG=pt_BR.UTF-8 a campaign page is Portuguese"""
    campaign = next(c for c in feed()["campaigns"] if c["id"] == "online-pressure")
    title = text_in(campaign["title"], "pt-BR")
    description = text_in(campaign["description"], "pt-BR")
    env = {"HAVEN_TODAY": "2026-11-25", "LC_CTYPE": "C.UTF-8"}
    with haven_window(haven, *feed_args(), lang="pt_BR.UTF-8", env=env) as (app, proc):
        card = wait_for(lambda: find(app, name_prefix=title, actionable=True, showing=True),
                        f"the card “{title}”")
        click(card)
        wait_for(lambda: find_text(app, description), "the Portuguese description")
        assert find_text(app, campaign["description"]["en"]) is None, "the English description is shown"


def past_campaign(haven):
    """with HAVEN_TODAY=2026-12-02 World Mental Health Day is under Past Campaigns, with its dates"""
    campaign = next(c for c in bundled_feed()["campaigns"] if c["id"] == "world-mental-health-day-2026")
    title = campaign["title"]["en"]
    with haven_window(haven, env={"HAVEN_TODAY": "2026-12-02"}) as (app, proc):
        heading = wait_for(lambda: find_text(app, "Past Campaigns"), "the Past Campaigns heading")
        card = wait_for(lambda: find(app, name_prefix=title, actionable=True), f"the card “{title}”")
        assert "1–31 October 2026" in card.get_name(), f"the card says {card.get_name()!r}"
        assert "Until" not in card.get_name(), card.get_name()

        def top(node):
            return node.get_component_iface().get_extents(Atspi.CoordType.WINDOW).y
        assert top(card) > top(heading), "the card is not below Past Campaigns"
        running = find(app, name_prefix=campaign_title("online-pressure"), actionable=True)
        assert running is not None and top(running) < top(heading), \
            "a running campaign is not above Past Campaigns"


def campaign_title(campaign_id):
    return next(c for c in bundled_feed()["campaigns"] if c["id"] == campaign_id)["title"]["en"]


def main():
    haven = sys.argv[1]
    tests = [
        (past_campaign, "with HAVEN_TODAY=2026-12-02 World Mental Health Day is a past campaign, with its dates"),
        (arabic_explainer, "under ar_EG an explainer's title and body are Arabic"),
        (portuguese_campaign, "under pt_BR a campaign page is Portuguese"),
    ]
    print(f"1..{len(tests)}")
    failed = False
    with accessibility_bus():
        for number, (test, description) in enumerate(tests, 1):
            try:
                test(haven)
                print(f"ok {number} - {description}")
            except AssertionError as e:
                failed = True
                print(f"not ok {number} - {description}: {e}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
