#!/usr/bin/python3
# store-screenshots.py: the screenshots of the metainfo and README, taken
# from the real Haven with its bundled content (`build-aux/screenshot --store`).
#
#   build-aux/store-screenshots.py [OUTDIR]
#
# Writes home, campaign, explainer (dark), get-help and safety-plan .png to
# OUTDIR (default data/screenshots): the window at WINDOW_SIZE, with rounded
# corners and a soft shadow on a transparent canvas, at most 1000x700.
#
# Each picture is one Haven started offline in a virtual X server with a
# private D-Bus session, settings, data and accessibility bus. Haven is
# driven by what it offers from outside: command-line options (--help-now,
# --region), its application actions over D-Bus (app.safety-plan), and, for
# what has neither (a campaign, an explainer), AT-SPI by accessible name, as
# a screen reader would: the names come from the bundled feed, so a change
# of layout does not break the tool.
#
# Uses the build in HAVEN_BUILDDIR (default _build).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# The system Python: AT-SPI's bindings (python3-pyatspi) are installed for it.
PYTHON = "/usr/bin/python3"
SRCDIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(SRCDIR, "tests", "e2e"))

APP_ID = "io.github.havenwellbeing.Haven"
WINDOW_SIZE = (936, 626)  # with the shadow's margins: 992x698
MAX_SIZE = (1000, 700)
SCREEN = "1280x800x24"
REGION = "GB"
CAMPAIGN = "world-mental-health-day-2026"
EXPLAINER = "sleep"
# After what a picture waits for is on screen: the page transition and the
# campaign art settle (libadwaita's transitions take 200 to 250 ms).
SETTLE_SECONDS = 1.2

# A plan as a reader might begin it, in the words of Haven's own examples:
# no numbers, no people who exist.
SAFETY_PLAN = """[Safety Plan]
Version=1
WarningSigns=Not sleeping, pulling away from friends, feeling that nothing will change.
Coping=A walk around the block, a warm shower, my favourite playlist, breathing slowly for a few minutes.
PeopleAndPlaces=The library, the café on the corner, an evening with my sister.
ReasonsForLiving=My sister and my dog. The sea in summer. The next season of my favourite show.
"""


def outer(outdir):
    """Starts the inner run in its own X server and D-Bus session."""
    builddir = os.environ.get("HAVEN_BUILDDIR", os.path.join(SRCDIR, "_build"))
    haven = os.path.join(builddir, "src", "haven")
    if not os.access(haven, os.X_OK):
        sys.exit(f"store-screenshots: no Haven built in {builddir} (set HAVEN_BUILDDIR)")
    os.makedirs(outdir, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="haven-shots-") as home:
        env = dict(os.environ)
        for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            env.pop(name, None)
        env.update({
            "LANG": "en_US.UTF-8" if "en_US.utf8" in locales() else "C.UTF-8",
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "GSETTINGS_BACKEND": "keyfile",
            "GSETTINGS_SCHEMA_DIR": os.path.join(builddir, "data"),
            "HAVEN_LOCALEDIR": os.path.join(builddir, "po"),
            "HAVEN_SOURCE_ROOT": SRCDIR,
        })
        # GNOME's default title-bar buttons and font.
        os.makedirs(os.path.join(home, "config", "gtk-4.0"))
        with open(os.path.join(home, "config", "gtk-4.0", "settings.ini"), "w") as f:
            f.write("[Settings]\ngtk-decoration-layout=appmenu:close\n"
                    "gtk-font-name=Cantarell 11\n")
        status = subprocess.call(
            ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN} -noreset",
             "dbus-run-session", "--", PYTHON, os.path.abspath(__file__),
             "--inner", haven, os.path.abspath(outdir)],
            env=env)
    return status


def locales():
    try:
        return subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    except OSError:
        return []


def inner(haven, outdir):
    import havenatspi as hv

    feed = hv.bundled_feed()
    en = lambda text: text["en"] if isinstance(text, dict) else text  # noqa: E731
    campaign = next(c for c in feed["campaigns"] if c["id"] == CAMPAIGN)
    explainer = next(e for e in feed["explainers"] if e["id"] == EXPLAINER)
    region = next(r for r in feed["regions"] if r["code"] == REGION)

    def settings(scheme):
        for key, value in (("window-size", "(%d, %d)" % WINDOW_SIZE),
                           ("color-scheme", scheme), ("region", "")):
            subprocess.run(["gsettings", "set", APP_ID, key, value], check=True)

    def activatable(app, prefix):
        return hv.find(app, name_prefix=prefix, actionable=True, showing=True)

    def open_home(app):
        title = en(campaign["title"])
        hv.wait_for(lambda: activatable(app, title), f"the card “{title}”")

    def open_campaign(app):
        title = en(campaign["title"])
        hv.click(hv.wait_for(lambda: activatable(app, title), f"the card “{title}”"))
        description = en(campaign["description"])
        hv.wait_for(lambda: hv.find_text(app, description), "the campaign's description")

    def list_row(app, prefix):
        return hv.list_row(app, prefix)

    def open_explainer(app):
        title = en(explainer["title"])
        open_home(app)
        # A campaign page lists its explainers, all of them on the page.
        by = next(c for c in feed["campaigns"] if EXPLAINER in c["explainers"])
        card = activatable(app, en(by["title"]))
        if card is not None:
            hv.click(card)
            row = hv.wait_for(lambda: list_row(app, title), f"the explainer “{title}”")
        else:
            # Else the explainers' own view, through its switcher (a tab,
            # a button or a row), whatever widget it is now.
            switcher = hv.wait_for(lambda: hv.find(app, name="Explainers", actionable=True,
                                                   showing=True),
                                   "a way to the explainers")
            hv.click(switcher)
            row = hv.wait_for(lambda: list_row(app, title), f"the explainer “{title}”")
        # Explainer rows are list rows: chosen with the keyboard.
        hv.choose(row)
        heading = en(next(b for b in explainer["body"] if b["type"] == "heading")["text"])
        hv.wait_for(lambda: hv.find_text(app, heading), "the explainer's first heading")

    def open_help(app):
        number = region["emergency_numbers"][0]["number"]
        hv.wait_for(lambda: hv.find(app, name_prefix=number, showing=True)
                    or hv.find_text(app, number), f"the emergency number {number}")

    def open_plan(app):
        open_home(app)
        activate_action("safety-plan")
        hv.wait_for(lambda: len(hv.frames(app)) >= 2, "the safety plan window")
        words = "My sister and my dog."
        hv.wait_for(lambda: any(words in (hv.text_of(n) or "") for n in hv.walk(app)
                                if safe_role(n)), "the plan's own words")

    shots = [
        ("home", "default", [], open_home, "Haven"),
        ("campaign", "default", [], open_campaign, "Haven"),
        ("explainer", "force-dark", [], open_explainer, "Haven"),
        ("get-help", "default", ["--help-now"], open_help, "Haven"),
        ("safety-plan", "default", [], open_plan, "My Safety Plan"),
    ]

    plan_dir = os.path.join(os.environ["XDG_DATA_HOME"], "haven")
    os.makedirs(plan_dir, exist_ok=True)
    with open(os.path.join(plan_dir, "safety-plan.ini"), "w") as f:
        f.write(SAFETY_PLAN)

    with hv.accessibility_bus():
        for name, scheme, args, drive, title in shots:
            settings(scheme)
            env = hv.app_env()
            proc = subprocess.Popen([haven, "--offline", f"--region={REGION}", *args], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                app = hv.wait_for(hv.find_application, "Haven on the accessibility bus")
                drive(app)
                time.sleep(SETTLE_SECONDS)
                raw = os.path.join(outdir, f".{name}-raw.png")
                capture(title, raw)
                frame(raw, os.path.join(outdir, f"{name}.png"), dark=(scheme == "force-dark"))
                os.unlink(raw)
                print(f"store-screenshots: {name}.png")
            finally:
                proc.terminate()
                proc.wait(timeout=10)
            hv.wait_for(lambda: not hv.applications(), "Haven to leave the accessibility bus")
    return 0


def safe_role(node):
    try:
        return node.get_text_iface() is not None
    except Exception:  # a node that went away
        return False


def activate_action(action):
    """Activates one of Haven's application actions over D-Bus, as
    `gapplication action` does, without needing Haven's .desktop file."""
    path = "/" + APP_ID.replace(".", "/")
    subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", path,
                    "--method", "org.gtk.Actions.Activate", action, "[]", "{}"],
                   check=True, stdout=subprocess.DEVNULL)


def capture(title, out):
    """The pixels of the top-level X window named `title`, the newest one
    when there are several (with no window manager, the newest is on top)."""
    tree = subprocess.run(["xwininfo", "-root", "-children"], capture_output=True,
                          text=True, check=True).stdout
    ids = re.findall(r"^\s+(0x[0-9a-f]+) \"%s\": .* (\d+)x(\d+)\+" % re.escape(title), tree, re.M)
    ids = [i for i in ids if (int(i[1]), int(i[2])) == WINDOW_SIZE] or ids
    if not ids:
        raise AssertionError(f"no window named “{title}”:\n{tree}")
    window = max(ids, key=lambda i: int(i[0], 16))[0]
    subprocess.run(["import", "-window", window, out], check=True)


def frame(raw, out, dark):
    """Rounds the corners as libadwaita's windows are (12 px; the window has
    square ones without a compositor) and puts a soft shadow under it."""
    radius = 12
    width, height = image_size(raw)
    shape = f"roundrectangle 0,0 {width - 1},{height - 1} {radius},{radius}"
    outline = f"roundrectangle 0.5,0.5 {width - 1.5},{height - 1.5} {radius},{radius}"
    subprocess.run(
        ["convert", raw, "-alpha", "set",
         "(", "+clone", "-alpha", "transparent", "-fill", "white", "-draw", shape, ")",
         "-compose", "DstIn", "-composite",
         # A hairline round the window, as libadwaita's window outline.
         "-compose", "Over", "-fill", "none",
         "-stroke", "rgba(255,255,255,0.12)" if dark else "rgba(0,0,0,0.18)",
         "-strokewidth", "1", "-draw", outline,
         "(", "+clone", "-background", "black", "-shadow", "45x12+0+4", ")",
         "+swap", "-background", "none", "-layers", "merge", "+repage",
         out],
        check=True)
    width, height = image_size(out)
    if width > MAX_SIZE[0] or height > MAX_SIZE[1]:
        raise AssertionError(f"{out} is {width}x{height}, more than {MAX_SIZE[0]}x{MAX_SIZE[1]}")


def image_size(path):
    size = subprocess.run(["identify", "-format", "%w %h", path], capture_output=True,
                          text=True, check=True).stdout.split()
    return int(size[0]), int(size[1])


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--inner":
        return inner(sys.argv[2], sys.argv[3])
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(SRCDIR, "data", "screenshots")
    return outer(outdir)


if __name__ == "__main__":
    sys.exit(main())
