#!/usr/bin/env python3
# check-metainfo.py: the metainfo as software centres and Flathub read it.
#
#   check-metainfo.py METAINFO SOURCE_ROOT VERSION
#
# METAINFO is the built file (translations merged). Checks that
# `appstreamcli validate --pedantic --no-net` finds no error or warning, that
# the summary fits a store tile, and that the screenshots are the ones in
# data/screenshots, pinned to the release tag, framed and within Flathub's
# size. TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

# What `validate --pedantic` may still say, and why it is fine:
ACCEPTED = {
    # Pedantic only: the app id names the project as GitHub spells it, and
    # changing it would lose every installed user's settings and plan.
    "cid-contains-uppercase-letter",
    # An info from AppStream before 1.0 (Debian 12 has 0.16), which does not
    # know <developer> yet; <developer_name> is there for it.
    "unknown-tag developer",
    # An info from AppStream 1.0 and later, the other side of the same
    # choice: the deprecated tag stays while stores still read it.
    "developer-name-tag-deprecated",
}
MAX_SUMMARY = 35
MAX_SIZE = (1000, 700)

metainfo, source_root, version = sys.argv[1:4]
results = []


def check(ok, what, detail=""):
    results.append((ok, what, detail))


def png_info(path):
    """Width, height and whether it has an alpha channel, from the header."""
    with open(path, "rb") as f:
        head = f.read(26)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    width, height = struct.unpack(">II", head[16:24])
    color_type = head[25]
    return width, height, color_type in (4, 6)


validation = subprocess.run(["appstreamcli", "validate", "--pedantic", "--no-net", metainfo],
                            capture_output=True, text=True)
issues = []
for line in validation.stdout.splitlines():
    match = re.match(r"^([EWIP]): [^:]+:(?:\d+:)? (.*)$", line)
    if match:
        severity, text = match.groups()
        if not any(text.startswith(accepted) for accepted in ACCEPTED):
            issues.append(line)
        elif severity in ("E", "W"):
            issues.append(line)
check(validation.returncode == 0 and not issues,
      "appstreamcli validate --pedantic --no-net passes with nothing but the accepted notes",
      validation.stdout)

root = ElementTree.parse(metainfo).getroot()
summary = root.findtext("summary") or ""
check(0 < len(summary) <= MAX_SUMMARY, f"the summary has at most {MAX_SUMMARY} characters",
      f"{len(summary)}: {summary}")
check(bool(root.findtext("developer/name")) and bool(root.findtext("developer_name")),
      "the developer is named both as AppStream 1.0 and as older AppStream read it")
check(root.find(f"releases/release[@version='{version}']") is not None
      and len(root.findall(f"releases/release[@version='{version}']/description//li")) >= 3,
      f"release {version} is described in several points")
provided = {b.text for b in root.findall("provides/binary")}
check({"haven", "haven-feed-check"} <= provided, "both commands are provided", str(provided))

screenshots = root.findall("screenshots/screenshot")
check(len(screenshots) >= 5 and screenshots[0].get("type") == "default"
      and all(s.get("type") != "default" for s in screenshots[1:]),
      "five or more screenshots, the first one the default")
pinned = f"https://raw.githubusercontent.com/havenwellbeing/haven/v{version}/data/screenshots/"
names = []
for shot in screenshots:
    url = shot.findtext("image") or ""
    name = url[len(pinned):] if url.startswith(pinned) else None
    check(name is not None, f"the screenshot at {url} is pinned to the tag v{version}")
    check(bool((shot.findtext("caption") or "").strip()), f"the screenshot {url} has a caption")
    if name is None:
        continue
    names.append(name)
    path = os.path.join(source_root, "data", "screenshots", name)
    info = png_info(path) if os.path.exists(path) else None
    check(info is not None, f"data/screenshots/{name} is in the repository, as a PNG")
    if info is not None:
        width, height, alpha = info
        check(width <= MAX_SIZE[0] and height <= MAX_SIZE[1],
              f"{name} is at most {MAX_SIZE[0]}x{MAX_SIZE[1]}", f"{width}x{height}")
        check(alpha, f"{name} has a transparent canvas round the window's shadow")

with open(os.path.join(source_root, "README.md"), encoding="utf-8") as f:
    readme = f.read()
shown = set(re.findall(r"\]\(data/screenshots/([\w.-]+\.png)\)", readme))
check(shown == set(names), "the README shows the same pictures as the metainfo",
      f"README {sorted(shown)}, metainfo {sorted(names)}")

print(f"1..{len(results)}")
for number, (ok, what, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} {what}")
    if not ok and detail:
        for line in detail.splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
