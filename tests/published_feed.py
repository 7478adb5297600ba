# published_feed.py: the bundled feed as a server publishes it, for the
# Python tests that serve feeds (network, signing, end-to-end).
#
# Test feeds are dated from the bundled feed, which every update is compared
# with, and never more than two days after it: Haven refuses feeds dated
# further ahead of today, and the bundled feed may be today's. The C tests
# do the same with network_test_date().
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import re


def bundled(source_root):
    """The bundled feed's text with its images over https://, since only
    the bundled feed may point into Haven's resources."""
    with open(os.path.join(source_root, "data", "feed", "feed.json"), encoding="utf-8") as f:
        return f.read().replace("resource:///io/github/havenwellbeing/Haven/feed/images/",
                                "https://havenwellbeing.github.io/feed/v1/images/")


def date_after(text, days):
    """The date `days` after the feed's `generated` date (negative: before)."""
    assert days <= 2, "Haven refuses feeds dated more than two days ahead"
    generated = re.search(r'"generated": "([0-9-]+)"', text).group(1)
    return (datetime.date.fromisoformat(generated) + datetime.timedelta(days=days)).isoformat()


def dated(text, date):
    """The feed dated `date`, no checked or reviewed date after it."""
    text, n = re.subn(r'"generated": "[0-9-]+"', f'"generated": "{date}"', text, count=1)
    assert n == 1
    return re.sub(r'"(checked|emergency_checked|reviewed)": "([0-9-]+)"',
                  lambda m: f'"{m.group(1)}": "{min(m.group(2), date)}"', text)
