#!/usr/bin/env python3
# check-man-pages.py: `man haven` and `man haven-feed-check` after an install,
# and every option each command's --help lists is in its page.
#
#   check-man-pages.py BUILDDIR HAVEN HAVEN_FEED_CHECK VERSION
#
# Installs the build into a temporary DESTDIR, as a packager does, and reads
# the pages through man with MANPATH pointing there. TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import re
import subprocess
import sys
import tempfile

builddir, haven, feed_check, version = sys.argv[1:5]
results = []


def check(ok, what, detail=""):
    results.append((ok, what, detail))


def options_of(command):
    """The long and short options --help lists, GTK's own aside."""
    env = dict(os.environ, LC_ALL="C")
    out = subprocess.run([command, "--help"], capture_output=True, text=True, env=env,
                         timeout=60).stdout
    options = set()
    for line in out.splitlines():
        match = re.match(r"^\s+((?:-\w, )?--[\w-]+)", line)
        if match:
            options.update(re.findall(r"--?[\w-]+", match.group(1)))
    return options, out


def render(env, *args):
    """A page as man shows it, in plain ASCII without overstriking."""
    env = dict(env, LC_ALL="C", MANWIDTH="100", MAN_KEEP_FORMATTING="")
    proc = subprocess.run(["man", "-P", "cat", *args], capture_output=True, text=True, env=env,
                          timeout=60)
    return proc.returncode, re.sub(r".\x08", "", proc.stdout), proc.stderr


with tempfile.TemporaryDirectory(prefix="haven-man-") as destdir:
    install = subprocess.run(["meson", "install", "-C", builddir, "--no-rebuild", "--quiet",
                              "--destdir", destdir],
                             capture_output=True, text=True,
                             env=dict(os.environ, DESTDIR=destdir))
    check(install.returncode == 0, "meson install --destdir succeeds",
          install.stdout + install.stderr)
    mandirs = glob.glob(os.path.join(destdir, "**", "man1"), recursive=True)
    check(len(mandirs) == 1, "the pages are installed in one man1 folder", str(mandirs))
    manpath = os.path.dirname(mandirs[0]) if mandirs else destdir
    env = dict(os.environ, MANPATH=manpath)

    for page, command in (("haven", haven), ("haven-feed-check", feed_check)):
        status, text, errors = render(env, page)
        check(status == 0 and re.search(rf"^NAME\s*\n\s*{page} - ", text, re.M) is not None,
              f"man {page} finds the installed page and shows its name", errors + text[:400])
        check(f"Haven {version}" in text, f"man {page} names version {version}")
        options, help_text = options_of(command)
        check(len(options) >= 3, f"{page} --help lists its options", help_text)
        for option in sorted(options):
            # An option is written as itself, or as --name=VALUE.
            found = re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None
            check(found, f"man {page} describes {option}")

print(f"1..{len(results)}")
for number, (ok, what, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} {what}")
    if not ok and detail:
        for line in detail.splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
