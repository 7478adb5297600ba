# test-update-feed-nginx.py: `haven --update-feed` against a real nginx on 127.0.0.1
#
# nginx serves the feed as a static file, with the ETag and Last-Modified it
# makes itself. The administrator points Haven at it with the feed-url
# setting. The first update stores it, the second is answered 304, and a
# third with nginx gone fails without touching the stored copy. A test feed
# fetched for one run with --feed-url, newer than the real one, neither
# replaces the reader's copy nor makes the real feed's next version look older.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

haven = sys.argv[1]
source_root = os.environ["HAVEN_SOURCE_ROOT"]

nginx = shutil.which("nginx", path="/usr/sbin:/usr/bin:/sbin:/bin")
if nginx is None:
    print("1..0 # SKIP nginx is not installed (build-aux/install-deps --tests)")
    sys.exit(77)

print("1..6")

work = tempfile.mkdtemp(prefix="haven-nginx-")
os.chmod(work, 0o755)  # nginx's workers may run as another user
root = os.path.join(work, "www")
os.makedirs(root)
os.chmod(root, 0o755)
data_home = os.path.join(work, "data")

# The bundled feed as a server publishes it: images over https://, since only
# the bundled feed may point into Haven's resources.
with open(os.path.join(source_root, "data", "feed", "feed.json"), encoding="utf-8") as f:
    feed = f.read().replace("resource:///io/github/havenwellbeing/Haven/feed/images/",
                            "https://havenwellbeing.github.io/feed/v1/images/")
feed_path = os.path.join(root, "feed.json")
with open(feed_path, "w", encoding="utf-8") as f:
    f.write(feed)
os.chmod(feed_path, 0o644)

# A port that was free on 127.0.0.1 a moment ago.
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]

access_log = os.path.join(work, "access.log")
config = os.path.join(work, "nginx.conf")
with open(config, "w") as f:
    f.write(f"""
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 16; }}
http {{
  access_log {access_log};
  client_body_temp_path {work}/body;
  proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi;
  scgi_temp_path {work}/scgi;
  types {{ application/json json; }}
  server {{
    listen 127.0.0.1:{port};
    root {root};
    add_header Cache-Control "max-age=3600";
  }}
}}
""")

server = subprocess.Popen([nginx, "-p", work, "-c", config, "-e", os.path.join(work, "error.log"),
                           "-g", "daemon off;"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_for_port():
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"Bail out! nginx exited: {server.stderr.read().decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    sys.exit("Bail out! nginx did not start")


url = f"http://127.0.0.1:{port}/feed.json"
test_url = f"http://127.0.0.1:{port}/test-feed.json"

# The feed-url setting, as an administrator sets it: a keyfile settings
# backend in a configuration folder of the test's own.
config_home = os.path.join(work, "config")
os.makedirs(os.path.join(config_home, "glib-2.0", "settings"))
with open(os.path.join(config_home, "glib-2.0", "settings", "keyfile"), "w") as f:
    f.write(f"[io/github/havenwellbeing/Haven]\nfeed-url='{url}'\n")

env = dict(os.environ)
env.update({"XDG_DATA_HOME": data_home, "XDG_CACHE_HOME": os.path.join(work, "cache"),
            "XDG_CONFIG_HOME": config_home, "LANG": "C.UTF-8", "GSETTINGS_BACKEND": "keyfile",
            "no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"})
for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
    env.pop(name, None)


def update(*options):
    result = subprocess.run([haven, "--update-feed", *options],
                            capture_output=True, text=True, timeout=60, env=env)
    return result


def publish(name, generated):
    """The served feed again, dated `generated`."""
    text = feed.replace(f'"generated": "{bundled_generated}"', f'"generated": "{generated}"', 1)
    assert text != feed
    path = os.path.join(root, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(path, 0o644)
    return text


bundled_generated = feed.split('"generated": "', 1)[1].split('"', 1)[0]


try:
    wait_for_port()

    first = update()
    assert first.returncode == 0, first
    assert first.stdout == "updated\n", first.stdout
    stored_path = os.path.join(data_home, "haven", "feed.json")
    with open(stored_path, encoding="utf-8") as f:
        stored = f.read()
    assert stored == feed, "the stored copy is not what nginx served"
    print("ok 1 - the first update says updated and stores the feed")

    second = update()
    assert second.returncode == 0, second
    assert second.stdout == "not modified\n", second.stdout
    print("ok 2 - the second update says not modified")

    with open(access_log) as f:
        lines = [line for line in f if "/feed.json" in line]
    assert len(lines) == 2, lines
    assert '" 200 ' in lines[0], lines[0]
    assert '" 304 ' in lines[1], lines[1]
    assert "Haven/" in lines[1], lines[1]
    print("ok 3 - nginx's access log shows 200, then 304, for Haven's user agent")

    # A test feed for one run, dated after the real one's next version.
    publish("test-feed.json", "2026-11-30")
    with open(os.path.join(data_home, "haven", "feed.ini"), encoding="utf-8") as f:
        meta = f.read()
    trial = update(f"--feed-url={test_url}")
    assert trial.returncode == 0, trial
    assert trial.stdout == "updated\n", trial.stdout
    with open(stored_path, encoding="utf-8") as f:
        assert f.read() == stored, "the test feed replaced the reader's copy"
    with open(os.path.join(data_home, "haven", "feed.ini"), encoding="utf-8") as f:
        assert f.read() == meta
    print("ok 4 - a --feed-url test feed leaves the reader's copy as it was")

    newer = publish("feed.json", "2026-11-28")
    real = update()
    assert real.returncode == 0, real
    assert real.stdout == "updated\n", real.stdout
    with open(stored_path, encoding="utf-8") as f:
        stored = f.read()
    assert stored == newer, "the real feed's next version was not stored"
    print("ok 5 - the real feed's next version is not refused as older than the test feed")

    server.terminate()
    server.wait(timeout=10)
    with open(os.path.join(data_home, "haven", "feed.ini"), encoding="utf-8") as f:
        meta = f.read()
    third = update()
    assert third.returncode == 1, third
    assert third.stdout.startswith("failed: ") and third.stdout.count("\n") == 1, third.stdout
    with open(stored_path, encoding="utf-8") as f:
        assert f.read() == stored
    with open(os.path.join(data_home, "haven", "feed.ini"), encoding="utf-8") as f:
        assert f.read() == meta
    print("ok 6 - with nginx gone it prints one failed: line, exits 1 and keeps the copy")
finally:
    if server.poll() is None:
        server.terminate()
        server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)
