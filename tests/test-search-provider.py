# test-search-provider.py: GNOME Shell's search finds crisis lines over D-Bus.
# Runs inside its own `dbus-run-session` (see tests/meson.build), with the
# locales of the build (LOCPATH) so LANG takes effect.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import contextlib
import os
import subprocess
import sys
import tempfile
import time

APP_ID = "io.github.havenwellbeing.Haven"
PATH = "/io/github/havenwellbeing/Haven/SearchProvider"
IFACE = "org.gnome.Shell.SearchProvider2"
EMERGENCY = "haven:emergency"
GET_HELP_NOW = "haven:get-help-now"


def call(method, *args):
    result = subprocess.run(
        ["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", PATH,
         "--method", f"{IFACE}.{method}", *args],
        capture_output=True, text=True, timeout=10)
    assert result.returncode == 0, f"{method} failed: {result.stderr}"
    return result.stdout.strip()


def search(*terms):
    """The ids the Shell gets for @terms, one word each as the Shell passes them."""
    found = call("GetInitialResultSet", repr(list(terms)))
    # "(['a', 'b'],)" or "(@as [],)"
    inner = found[found.index("[") + 1:found.rindex("]")]
    return [item.strip().strip("'") for item in inner.split(",") if item.strip()]


def on_bus():
    result = subprocess.run(
        ["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus", "--object-path",
         "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID],
        capture_output=True, text=True, timeout=10)
    return "true" in result.stdout


def wait_for(condition, what, timeout=20):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def environment(lang, tz=None, **extra):
    env = dict(os.environ)
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "TZ"):
        env.pop(name, None)
    env["LANG"] = lang
    if tz is not None:
        env["TZ"] = tz
    env.update(extra)
    return env


@contextlib.contextmanager
def running_haven(haven, env):
    proc = subprocess.Popen([haven, "--gapplication-service"], env=env)
    try:
        def started():
            assert proc.poll() is None, f"Haven exited with {proc.returncode}"
            return on_bus()
        wait_for(started, "Haven to take its bus name")
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    wait_for(lambda: not on_bus(), "Haven to leave the bus")


class Tap:
    def __init__(self, total):
        self.n = 0
        print(f"1..{total}")

    def ok(self, description):
        self.n += 1
        print(f"ok {self.n} - {description}", flush=True)


def test_gb(haven, tap):
    # The reader's region comes from the locale's territory, as on a desktop.
    with running_haven(haven, environment("en_GB.UTF-8")):
        start = time.monotonic()
        found = call("GetInitialResultSet", "['samaritans']")
        elapsed = time.monotonic() - start
        assert found == "(['gb-samaritans'],)", found
        tap.ok(f"“samaritans” finds the GB Samaritans ({elapsed * 1000:.0f} ms with gdbus)")

        found = call("GetInitialResultSet", "['116']")
        assert found.startswith("(['gb-samaritans'"), found
        found = call("GetSubsearchResultSet", "['gb-samaritans']", "['116', '123']")
        assert found == "(['gb-samaritans'],)", found
        tap.ok("“116” finds the GB Samaritans")

        metas = call("GetResultMetas", "['gb-samaritans']")
        assert "'name': <'Samaritans'>" in metas, metas
        assert "116 123" in metas, f"the number is not in the description: {metas}"
        assert "Open 24/7" in metas, metas
        tap.ok("the result names Samaritans with its number and hours")

        # The Shell splits what the reader types into words.
        for terms in (["want", "to", "die"], ["self", "harm"], ["kill", "myself"]):
            found = search(*terms)
            assert found[:1] == ["gb-samaritans"], f"{terms}: {found}"
            assert "gb-beat" not in found, f"{terms}: {found}"
            assert EMERGENCY in found, f"{terms}: the emergency number is missing: {found}"
        assert search("want", "to") == [], search("want", "to")
        tap.ok("“want to die”, “self harm”, “kill myself” as separate words find Samaritans first")

        assert search("eating") == ["gb-beat"], search("eating")
        assert search("grief")[:1] == ["gb-samaritans"], search("grief")
        tap.ok("topics: “eating” finds Beat, “grief” finds Samaritans")

        found = search("999")
        assert found[:1] == [EMERGENCY], found
        metas = call("GetResultMetas", repr([EMERGENCY]))
        assert "999" in metas, f"the emergency number is not in the result: {metas}"
        assert "danger" in metas, metas
        assert search("112") == [], "another region's emergency number found something"
        tap.ok("“999” finds the emergency number")


def test_de(haven, tap):
    with running_haven(haven, environment("de_DE.UTF-8")):
        found = search("Suizid")
        assert found[:1] == ["de-telefonseelsorge"], found
        metas = call("GetResultMetas", "['de-telefonseelsorge']")
        assert "0800 111 0 111" in metas, metas
        assert "Rund um die Uhr geöffnet" in metas, f"the hours are not in German: {metas}"
        tap.ok("de_DE: “Suizid” finds TelefonSeelsorge, described in German")


def test_no_region(haven, tap):
    # Neither the locale nor the time zone names a region.
    with running_haven(haven, environment("C.UTF-8", tz="UTC")):
        assert search("crisis") == [GET_HELP_NOW], search("crisis")
        assert search("want", "to", "die") == [GET_HELP_NOW], search("want", "to", "die")
        metas = call("GetResultMetas", repr([GET_HELP_NOW]))
        assert "'name': <'Get Help Now'>" in metas, metas
        assert search("firefox") == [], search("firefox")
        tap.ok("C.UTF-8 with TZ=UTC: “crisis” finds Get Help Now only, “firefox” nothing")


def test_time_zone(haven, tap):
    # No territory in the locale: the time zone tells.
    with running_haven(haven, environment("C.UTF-8", tz="Europe/Berlin")):
        found = search("Suizid")
        assert found[:1] == ["de-telefonseelsorge"], found
        tap.ok("C.UTF-8 with TZ=Europe/Berlin: “Suizid” finds TelefonSeelsorge")


def test_chosen_region(haven, tap):
    with tempfile.TemporaryDirectory() as config:
        env = environment("en_GB.UTF-8", GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config)
        with running_haven(haven, env):
            assert search("telefonseelsorge") == [], search("telefonseelsorge")
            assert search("want", "to", "die")[:1] == ["gb-samaritans"]

            # The reader chooses Germany in Get Help: the setting changes.
            subprocess.run(["gsettings", "set", APP_ID, "region", "DE"], env=env, check=True)
            wait_for(lambda: search("want", "to", "die")[:1] == ["de-telefonseelsorge"],
                     "the chosen region to reach the search")
            assert search("telefonseelsorge") == ["de-telefonseelsorge"]
            assert search("samaritans") == [], search("samaritans")
            found = search("112")
            assert found[:1] == [EMERGENCY], found
            assert "112" in call("GetResultMetas", repr([EMERGENCY]))
            tap.ok("the region the reader chose (setting “region”) changes the results")

            # --region for this run beats the remembered choice.
            assert search("3114") == [], search("3114")
            subprocess.run([haven, "--region=FR"], env=env, check=True, timeout=20)
            wait_for(lambda: search("3114") == ["fr-3114"], "--region to reach the search")
            tap.ok("--region given to the running Haven changes the results")


def main():
    haven = sys.argv[1]
    tap = Tap(11)
    test_gb(haven, tap)
    test_de(haven, tap)
    test_no_region(haven, tap)
    test_time_zone(haven, tap)
    test_chosen_region(haven, tap)


if __name__ == "__main__":
    main()
