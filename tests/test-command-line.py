# test-command-line.py: what `haven --version`, `--help` and bad options print.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess
import sys

haven = sys.argv[1]


def run(*args):
    return subprocess.run([haven, *args], capture_output=True, text=True, timeout=30,
                          env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})


print("1..3")

version = run("--version")
assert version.returncode == 0, version
assert version.stdout.startswith("haven ") and version.stdout.strip().split()[1][0].isdigit(), version.stdout
print("ok 1 - --version prints the version")

help_text = run("--help")
assert help_text.returncode == 0, help_text
for option in ("--help-now", "--region=CC", "--feed-url=URL", "--offline", "--version"):
    assert option in help_text.stdout, f"{option} missing from --help:\n{help_text.stdout}"
print("ok 2 - --help lists every option")

bad = run("--region=Germany")
assert bad.returncode == 1, bad
assert "not a region code" in bad.stderr, bad.stderr
print("ok 3 - a bad --region is refused with a message")
