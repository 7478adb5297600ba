# test_signed_feed.py: the window against a feed server whose feed was changed
# after signing, and an unsigned preview, driven through AT-SPI.
#
# Haven first stores a signed feed (haven --update-feed). Then the server
# offers a newer feed with a changed crisis number under the signature of the
# unchanged one: the window's status line says the feed does not match its
# signature and Get Help still shows the old number. An unsigned preview shows
# its banner and the previewed content, and leaves the stored copy as it was.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import published_feed  # noqa: E402

from havenatspi import (Atspi, app_env, click, close_window, current_view, find, find_application,
                        is_showing, running, accessibility_bus, scaled, text_of, wait_for, walk)

REFUSED = "Couldn’t update: the feed does not match its signature."
PREVIEW = ("Unsigned preview. This content is not signed by a trusted publisher and Haven "
           "does not keep it.")
OLD_NUMBER = "116 123"
TAMPERED_NUMBER = "116 124"


def texts_showing(app, text):
    for node in walk(app):
        try:
            if not is_showing(node):
                continue
            if text_of(node) == text or node.get_name() == text:
                return node
        except Exception:  # a node that went away while walking
            continue
    return None


def open_get_help(app):
    button = wait_for(lambda: find(app, role=Atspi.Role.PUSH_BUTTON, name="Get Help Now", showing=True),
                      "the Get Help Now button")
    click(button)
    wait_for(lambda: current_view(app) == "Get Help", "the Get Help view")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    haven = sys.argv[1]
    source_root = os.environ["HAVEN_SOURCE_ROOT"]
    minisign = os.environ.get("HAVEN_MINISIGN", "minisign")
    work = tempfile.mkdtemp(prefix="haven-e2e-signed-")
    root = os.path.join(work, "www")
    os.makedirs(root)

    bundled = published_feed.bundled(source_root)

    def dated(days):
        return published_feed.date_after(bundled, days)

    def feed_of(date):
        return published_feed.dated(bundled, date).encode()

    subprocess.run([minisign, "-G", "-W", "-p", os.path.join(work, "k.pub"), "-s", os.path.join(work, "k.key")],
                   check=True, capture_output=True)
    with open(os.path.join(work, "k.pub"), encoding="utf-8") as f:
        key = f.read().splitlines()[1]

    published = []

    def publish(data, signed_data):
        with open(os.path.join(root, "feed.json"), "wb") as f:
            f.write(data)
        # Each version a new Last-Modified: http.server answers 304 to an
        # If-Modified-Since in the same second.
        published.append(len(published))
        os.utime(os.path.join(root, "feed.json"), (1790000000 + 3600 * len(published),) * 2)
        sig = os.path.join(root, "feed.json.minisig")
        if os.path.exists(sig):
            os.unlink(sig)
        if signed_data is not None:
            path = os.path.join(work, "to-sign")
            with open(path, "wb") as f:
                f.write(signed_data)
            subprocess.run([minisign, "-S", "-s", os.path.join(work, "k.key"), "-m", path, "-x", sig,
                            "-t", "Haven feed"], check=True, capture_output=True)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/feed.json"

    env = app_env()
    env.update({"XDG_DATA_HOME": os.path.join(work, "data"), "XDG_CACHE_HOME": os.path.join(work, "cache"),
                "LANG": "en_GB.UTF-8", "GIO_USE_PROXY_RESOLVER": "dummy",
                "no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"})
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "http_proxy", "https_proxy", "HTTP_PROXY",
                 "HTTPS_PROXY", "all_proxy"):
        env.pop(name, None)
    # --feed-url keeps a copy of its own, under the cache.
    stored_path = os.path.join(work, "cache", "haven", "feed-url",
                               hashlib.sha256(url.encode("utf-8")).hexdigest(), "feed.json")

    print("1..3")
    with accessibility_bus():
        try:
            first = feed_of(dated(0))
            publish(first, first)
            update = subprocess.run([haven, "--update-feed", f"--feed-url={url}", f"--feed-key={key}"],
                                    capture_output=True, text=True, timeout=scaled(60), env=env)
            assert update.stdout == "updated\n", update
            with open(stored_path, "rb") as f:
                stored = f.read()
            print("ok 1 - haven --update-feed stores the signed feed")

            newer = feed_of(dated(1))
            tampered = newer.replace(OLD_NUMBER.encode(), TAMPERED_NUMBER.encode())
            assert tampered != newer
            publish(tampered, newer)
            # Not --help-now, which opens at once and leaves updating for later.
            proc = subprocess.Popen([haven, f"--feed-url={url}", f"--feed-key={key}", "--region=GB"], env=env)
            with running(proc):
                app = wait_for(find_application, "Haven on the accessibility bus")
                wait_for(lambda: texts_showing(app, REFUSED), "the status line to say the signature does not match")
                open_get_help(app)
                wait_for(lambda: texts_showing(app, OLD_NUMBER), f"the old number {OLD_NUMBER} on Get Help")
                assert texts_showing(app, TAMPERED_NUMBER) is None, "the tampered number is shown"
                with open(stored_path, "rb") as f:
                    assert f.read() == stored, "the stored copy changed"
                print("ok 2 - a feed changed after signing is refused in the status line; "
                      f"Get Help still shows {OLD_NUMBER}")
                close_window(app, proc)

            publish(tampered, None)
            proc = subprocess.Popen([haven, f"--feed-url={url}", "--unsigned-preview", "--region=GB"], env=env)
            with running(proc):
                app = wait_for(find_application, "Haven on the accessibility bus")
                wait_for(lambda: texts_showing(app, PREVIEW), "the Unsigned preview banner")
                open_get_help(app)
                wait_for(lambda: texts_showing(app, TAMPERED_NUMBER), "the previewed content")
                close_window(app, proc)
            with open(stored_path, "rb") as f:
                assert f.read() == stored, "the unsigned preview was stored"
            print("ok 3 - --unsigned-preview shows its banner and the previewed content, and stores nothing")
        finally:
            server.shutdown()
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
