# test-search-provider.py: GNOME Shell's search finds crisis lines over D-Bus.
# Runs inside its own `dbus-run-session` (see tests/meson.build).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

APP_ID = "io.github.havenwellbeing.Haven"
PATH = "/io/github/havenwellbeing/Haven/SearchProvider"
IFACE = "org.gnome.Shell.SearchProvider2"


def call(method, *args):
    result = subprocess.run(
        ["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", PATH,
         "--method", f"{IFACE}.{method}", *args],
        capture_output=True, text=True, timeout=10)
    assert result.returncode == 0, f"{method} failed: {result.stderr}"
    return result.stdout.strip()


def on_bus():
    result = subprocess.run(
        ["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus", "--object-path",
         "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID],
        capture_output=True, text=True, timeout=10)
    return "true" in result.stdout


def main():
    haven = sys.argv[1]
    env = dict(os.environ)
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(name, None)
    # The reader's region comes from the locale's territory, as on a desktop.
    env["LANG"] = "en_GB.UTF-8"
    print("1..3")
    proc = subprocess.Popen([haven, "--gapplication-service"], env=env)
    try:
        deadline = time.monotonic() + 20
        while not on_bus():
            assert time.monotonic() < deadline, "Haven did not take its bus name"
            assert proc.poll() is None, f"Haven exited with {proc.returncode}"
            time.sleep(0.1)

        start = time.monotonic()
        found = call("GetInitialResultSet", "['samaritans']")
        elapsed = time.monotonic() - start
        assert found == "(['gb-samaritans'],)", found
        print(f"ok 1 - “samaritans” finds the GB Samaritans ({elapsed * 1000:.0f} ms with gdbus)")

        found = call("GetInitialResultSet", "['116']")
        assert found.startswith("(['gb-samaritans'"), found
        found = call("GetSubsearchResultSet", "['gb-samaritans']", "['116', '123']")
        assert found == "(['gb-samaritans'],)", found
        print("ok 2 - “116” finds the GB Samaritans")

        metas = call("GetResultMetas", "['gb-samaritans']")
        assert "'name': <'Samaritans'>" in metas, metas
        assert "116 123" in metas, f"the number is not in the description: {metas}"
        assert "Open 24/7" in metas, metas
        print("ok 3 - the result names Samaritans with its number and hours")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
