# test-update-feed-nginx.py: `haven --update-feed` against a real nginx on 127.0.0.1
#
# nginx serves the feed as a static file, with the ETag and Last-Modified it
# makes itself, and its minisign signature beside it. The administrator
# points Haven at it with the feed-url setting. The first update stores it,
# the second is answered 304, and a last one with nginx gone fails without
# touching the stored copy. Under /gz/, `gzip_static on` sends a
# pre-compressed feed.json.gz instead, with Content-Encoding: gzip and the
# compressed size as Content-Length: that is stored too (decoded), and then
# answered 304 as well. A test feed fetched for one run with --feed-url,
# newer than the real one, neither replaces the reader's copy nor makes the
# real feed's next version look older.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import gzip
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import published_feed  # noqa: E402

haven = sys.argv[1]
source_root = os.environ["HAVEN_SOURCE_ROOT"]

nginx = shutil.which("nginx", path="/usr/sbin:/usr/bin:/sbin:/bin")
if nginx is None:
    print("1..0 # SKIP nginx is not installed (build-aux/install-deps --tests)")
    sys.exit(77)

print("1..8")

work = tempfile.mkdtemp(prefix="haven-nginx-")
os.chmod(work, 0o755)  # nginx's workers may run as another user
root = os.path.join(work, "www")
os.makedirs(root)
os.chmod(root, 0o755)
data_home = os.path.join(work, "data")

feed = published_feed.bundled(source_root)
feed_path = os.path.join(root, "feed.json")
with open(feed_path, "w", encoding="utf-8") as f:
    f.write(feed)
os.chmod(feed_path, 0o644)

# Signed as a publisher signs it (docs/publishing-a-feed.md), with a key made
# now; Haven trusts it for each run with --feed-key.
minisign = os.environ.get("HAVEN_MINISIGN", "minisign")
key_dir = os.path.join(work, "key")
os.makedirs(key_dir)
subprocess.run([minisign, "-G", "-W", "-p", os.path.join(key_dir, "feed.pub"),
                "-s", os.path.join(key_dir, "feed.key")], check=True, capture_output=True)
with open(os.path.join(key_dir, "feed.pub"), encoding="utf-8") as f:
    public_key = f.read().splitlines()[1]


def sign(path):
    subprocess.run([minisign, "-S", "-s", os.path.join(key_dir, "feed.key"), "-m", path,
                    "-t", "Haven feed, test"], check=True, capture_output=True)
    os.chmod(path + ".minisig", 0o644)


sign(feed_path)

# The same feed published the way many sites do, compressed ahead of time
# next to the plain file (`gzip -k feed.json`), signed as published.
gz_root = os.path.join(root, "gz")
os.makedirs(gz_root)
os.chmod(gz_root, 0o755)
with open(feed_path + ".minisig", "rb") as f:
    signature = f.read()
for name, data in (("feed.json", feed.encode("utf-8")),
                   ("feed.json.gz", gzip.compress(feed.encode("utf-8"), compresslevel=9)),
                   ("feed.json.minisig", signature)):
    path = os.path.join(gz_root, name)
    with open(path, "wb") as f:
        f.write(data)
    os.chmod(path, 0o644)
gz_size = os.path.getsize(os.path.join(gz_root, "feed.json.gz"))
assert gz_size < len(feed.encode("utf-8")) // 2

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
    location /gz/ {{ gzip_static on; }}
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
gz_url = f"http://127.0.0.1:{port}/gz/feed.json"

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
    result = subprocess.run([haven, "--update-feed", f"--feed-key={public_key}", *options],
                            capture_output=True, text=True, timeout=60, env=env)
    return result


def publish(name, generated):
    """The served feed again, dated `generated`."""
    text = published_feed.dated(feed, generated)
    assert text != feed
    path = os.path.join(root, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(path, 0o644)
    # nginx's ETag is the file's time and size, and a new date keeps the
    # size: a later time makes it a new version for certain.
    later = os.stat(path).st_mtime + 60
    os.utime(path, (later, later))
    sign(path)
    return text


def log_lines(path):
    with open(access_log) as f:
        return [line for line in f if f'"GET {path} ' in line]


def days_after_bundled(days):
    return published_feed.date_after(feed, days)


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

    lines = log_lines("/feed.json")
    assert len(lines) == 2, lines
    assert '" 200 ' in lines[0], lines[0]
    assert '" 304 ' in lines[1], lines[1]
    assert "Haven/" in lines[1], lines[1]
    print("ok 3 - nginx's access log shows 200, then 304, for Haven's user agent")

    # A test feed for one run, dated after the real one's next version.
    publish("test-feed.json", days_after_bundled(2))
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

    newer = publish("feed.json", days_after_bundled(1))
    real = update()
    assert real.returncode == 0, real
    assert real.stdout == "updated\n", real.stdout
    with open(stored_path, encoding="utf-8") as f:
        stored = f.read()
    assert stored == newer, "the real feed's next version was not stored"
    print("ok 5 - the real feed's next version is not refused as older than the test feed")

    # --feed-url keeps its own copy, under the cache.
    gz_store = os.path.join(work, "cache", "haven", "feed-url",
                            hashlib.sha256(gz_url.encode("utf-8")).hexdigest())
    gz_first = update(f"--feed-url={gz_url}")
    assert gz_first.returncode == 0, gz_first
    assert gz_first.stdout == "updated\n", gz_first.stdout
    with open(os.path.join(gz_store, "feed.json"), encoding="utf-8") as f:
        assert f.read() == feed, "the stored copy is not the decoded feed"
    gz_lines = log_lines("/gz/feed.json")
    assert len(gz_lines) == 1, gz_lines
    sent = re.search(r'" 200 (\d+) ', gz_lines[0])
    assert sent is not None, gz_lines[0]
    assert int(sent.group(1)) == gz_size, (gz_lines[0], gz_size)
    print("ok 6 - with gzip_static, nginx sends feed.json.gz and the update says updated")

    gz_second = update(f"--feed-url={gz_url}")
    assert gz_second.returncode == 0, gz_second
    assert gz_second.stdout == "not modified\n", gz_second.stdout
    gz_lines = log_lines("/gz/feed.json")
    assert len(gz_lines) == 2 and '" 304 ' in gz_lines[1], gz_lines
    print("ok 7 - the compressed copy is answered 304 the next time")

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
    print("ok 8 - with nginx gone it prints one failed: line, exits 1 and keeps the copy")
finally:
    if server.poll() is None:
        server.terminate()
        server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)
