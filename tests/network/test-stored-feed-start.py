# test-stored-feed-start.py: Haven starts at once whatever sits at the stored feed's path
#
# A FIFO, a link to /dev/zero, a folder or a huge file where Haven keeps its
# copy of the feed once made every start wait for ever (even
# `--offline --help-now`). `haven --update-feed` reads the copy as the
# window does, before it asks the server: it must answer promptly, say that
# it shows the bundled feed instead, and fail only because this test's own
# server on 127.0.0.1 answers 404.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading

haven = sys.argv[1]

# HAVEN_FEED_MAX_SIZE in src/feed/haven-feed-scan.h
FEED_MAX_SIZE = 8 * 1024 * 1024


class NotFound(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_error(404)

    def log_message(self, *args):
        pass


def make_fifo(folder):
    os.mkfifo(os.path.join(folder, "feed.json"))


def make_dev_zero(folder):
    os.symlink("/dev/zero", os.path.join(folder, "feed.json"))


def make_folder(folder):
    os.mkdir(os.path.join(folder, "feed.json"))


def make_huge(folder):
    with open(os.path.join(folder, "feed.json"), "wb") as f:
        f.truncate(FEED_MAX_SIZE * 128)  # sparse: no disk, 1 GiB of zeros


def make_metadata_fifo(folder):
    os.mkfifo(os.path.join(folder, "feed.ini"))


cases = [
    ("a FIFO at feed.json", make_fifo, True),
    ("a link to /dev/zero at feed.json", make_dev_zero, True),
    ("a folder at feed.json", make_folder, True),
    ("a 1 GiB file at feed.json", make_huge, True),
    ("a FIFO at feed.ini", make_metadata_fifo, False),
]

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotFound)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}/feed.json"

print(f"1..{len(cases)}")
failed = False
for number, (name, make, says_bundled) in enumerate(cases, 1):
    work = tempfile.mkdtemp(prefix="haven-start-")
    try:
        folder = os.path.join(work, "haven")
        os.makedirs(folder, mode=0o700)
        make(folder)
        # The feed-url setting, as an administrator sets it (a --feed-url
        # run keeps a copy of its own, elsewhere).
        settings = os.path.join(work, "config", "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w") as f:
            f.write(f"[io/github/havenwellbeing/Haven]\nfeed-url='{url}'\n")
        env = dict(os.environ)
        env.update({"XDG_DATA_HOME": work, "XDG_CONFIG_HOME": os.path.join(work, "config"),
                    "XDG_CACHE_HOME": os.path.join(work, "cache"), "LANG": "C.UTF-8",
                    "GSETTINGS_BACKEND": "keyfile", "no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"})
        for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
            env.pop(proxy, None)
        try:
            result = subprocess.run([haven, "--update-feed"],
                                    capture_output=True, text=True, timeout=60, env=env)
        except subprocess.TimeoutExpired:
            print(f"not ok {number} - {name}: haven --update-feed still runs after 60 s")
            failed = True
            continue
        problems = []
        if result.returncode != 1 or not result.stdout.startswith("failed: "):
            problems.append(f"exit {result.returncode}, printed {result.stdout!r}")
        if says_bundled and "showing the bundled one" not in result.stderr:
            problems.append(f"no word of the bundled feed in {result.stderr!r}")
        if problems:
            print(f"not ok {number} - {name}: " + "; ".join(problems))
            failed = True
        else:
            print(f"ok {number} - {name}: Haven starts at once, from the bundled feed")
    finally:
        shutil.rmtree(work, ignore_errors=True)

server.shutdown()
sys.exit(1 if failed else 0)
