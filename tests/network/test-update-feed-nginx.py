# test-update-feed-nginx.py: `haven --update-feed` against a real nginx on 127.0.0.1
#
# nginx serves the feed as a static file, with the ETag and Last-Modified it
# makes itself. The first update stores it, the second is answered 304, and
# a third with nginx gone fails without touching the stored copy. Under
# /gz/, `gzip_static on` sends a pre-compressed feed.json.gz instead, with
# Content-Encoding: gzip and the compressed size as Content-Length: that is
# stored too (decoded), and then answered 304 as well.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import gzip
import os
import re
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
gz_data_home = os.path.join(work, "data-gz")

# The bundled feed as a server publishes it: images over https://, since only
# the bundled feed may point into Haven's resources.
with open(os.path.join(source_root, "data", "feed", "feed.json"), encoding="utf-8") as f:
    feed = f.read().replace("resource:///io/github/havenwellbeing/Haven/feed/images/",
                            "https://havenwellbeing.github.io/feed/v1/images/")
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
subprocess.run([minisign, "-S", "-s", os.path.join(key_dir, "feed.key"), "-m", feed_path,
                "-t", "Haven feed, test"], check=True, capture_output=True)
os.chmod(feed_path + ".minisig", 0o644)
with open(os.path.join(key_dir, "feed.pub"), encoding="utf-8") as f:
    public_key = f.read().splitlines()[1]

# The same feed published the way many sites do, compressed ahead of time
# next to the plain file (`gzip -k feed.json`).
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


env = dict(os.environ)
env.update({"XDG_DATA_HOME": data_home, "LANG": "C.UTF-8", "GSETTINGS_BACKEND": "memory",
            "no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"})
for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
    env.pop(name, None)
url = f"http://127.0.0.1:{port}/feed.json"
gz_url = f"http://127.0.0.1:{port}/gz/feed.json"


def update(feed_url=url, home=data_home):
    run_env = dict(env, XDG_DATA_HOME=home)
    result = subprocess.run([haven, "--update-feed", f"--feed-url={feed_url}", f"--feed-key={public_key}"],
                            capture_output=True, text=True, timeout=60, env=run_env)
    return result


def log_lines(path):
    with open(access_log) as f:
        return [line for line in f if f'"GET {path} ' in line]


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

    gz_first = update(gz_url, gz_data_home)
    assert gz_first.returncode == 0, gz_first
    assert gz_first.stdout == "updated\n", gz_first.stdout
    with open(os.path.join(gz_data_home, "haven", "feed.json"), encoding="utf-8") as f:
        assert f.read() == feed, "the stored copy is not the decoded feed"
    gz_lines = log_lines("/gz/feed.json")
    assert len(gz_lines) == 1, gz_lines
    sent = re.search(r'" 200 (\d+) ', gz_lines[0])
    assert sent is not None, gz_lines[0]
    assert int(sent.group(1)) == gz_size, (gz_lines[0], gz_size)
    print("ok 4 - with gzip_static, nginx sends feed.json.gz and the update says updated")

    gz_second = update(gz_url, gz_data_home)
    assert gz_second.returncode == 0, gz_second
    assert gz_second.stdout == "not modified\n", gz_second.stdout
    gz_lines = log_lines("/gz/feed.json")
    assert len(gz_lines) == 2 and '" 304 ' in gz_lines[1], gz_lines
    print("ok 5 - the compressed copy is answered 304 the next time")

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
