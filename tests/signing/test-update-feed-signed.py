# test-update-feed-signed.py: `haven --update-feed` against signed, tampered
# and unsigned feeds on a loopback server, as an administrator runs it.
#
# Keys and signatures are made here with the minisign tool. After every
# refusal Haven prints one `failed: REASON` line, exits 1, and the stored
# copy is unchanged byte for byte.
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

haven = sys.argv[1]
source_root = os.environ["HAVEN_SOURCE_ROOT"]
minisign = os.environ.get("HAVEN_MINISIGN", "minisign")

work = tempfile.mkdtemp(prefix="haven-signed-")
root = os.path.join(work, "www")
os.makedirs(root)
data_home = os.path.join(work, "data")

bundled = published_feed.bundled(source_root)


def feed_of(date):
    return published_feed.dated(bundled, date).encode("utf-8")


def dated(days):
    return published_feed.date_after(bundled, days)


def make_key(name):
    public = os.path.join(work, name + ".pub")
    secret = os.path.join(work, name + ".key")
    subprocess.run([minisign, "-G", "-W", "-p", public, "-s", secret], check=True, capture_output=True)
    with open(public, encoding="utf-8") as f:
        return f.read().splitlines()[1], secret


def sign(secret, data, legacy=False):
    path = os.path.join(work, "to-sign")
    with open(path, "wb") as f:
        f.write(data)
    args = [minisign, "-S", "-s", secret, "-m", path, "-x", path + ".minisig", "-t", "Haven feed"]
    if legacy:
        args.append("-l")
    subprocess.run(args, check=True, capture_output=True)
    with open(path + ".minisig", "rb") as f:
        return f.read()


published = []


def publish(feed, signature):
    with open(os.path.join(root, "feed.json"), "wb") as f:
        f.write(feed)
    # Each version a new Last-Modified: http.server answers 304 to an
    # If-Modified-Since in the same second.
    published.append(len(published))
    os.utime(os.path.join(root, "feed.json"), (1790000000 + 3600 * len(published),) * 2)
    sig_path = os.path.join(root, "feed.json.minisig")
    if signature is None:
        if os.path.exists(sig_path):
            os.unlink(sig_path)
    else:
        with open(sig_path, "wb") as f:
            f.write(signature)


def flip(data, offset):
    data = bytearray(data)
    data[offset] = ord("B") if data[offset] == ord("A") else ord("A")
    return bytes(data)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root))
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}/feed.json"
# --feed-url keeps a copy of its own, under the cache.
store_dir = os.path.join(work, "cache", "haven", "feed-url",
                         hashlib.sha256(url.encode("utf-8")).hexdigest())
stored_path = os.path.join(store_dir, "feed.json")
meta_path = os.path.join(store_dir, "feed.ini")

env = dict(os.environ)
env.update({"XDG_DATA_HOME": data_home, "XDG_CACHE_HOME": os.path.join(work, "cache"),
            "LANG": "C.UTF-8", "GSETTINGS_BACKEND": "memory",
            "no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1", "GIO_USE_PROXY_RESOLVER": "dummy"})
for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
    env.pop(name, None)


def update(*extra):
    return subprocess.run([haven, "--update-feed", f"--feed-url={url}", *extra],
                          capture_output=True, text=True, timeout=60, env=env)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def refused(number, what, result, words, stored):
    assert result.returncode == 1, result
    assert result.stdout.startswith("failed: ") and result.stdout.count("\n") == 1, result.stdout
    assert words in result.stdout, (words, result.stdout)
    assert read(stored_path) == stored[0] and read(meta_path) == stored[1], "the stored copy changed"
    print(f"ok {number} - {what}: {result.stdout.strip()}")


print("1..11")
try:
    key, secret = make_key("publisher")
    other_key, other_secret = make_key("stranger")

    first = feed_of(dated(0))
    publish(first, sign(secret, first))
    result = update(f"--feed-key={key}")
    assert result.returncode == 0 and result.stdout == "updated\n", result
    assert read(stored_path) == first
    stored = (read(stored_path), read(meta_path))
    print("ok 1 - a feed signed with the key given by --feed-key is stored")

    newer = feed_of(dated(1))
    publish(newer, sign(secret, newer))
    refused(2, "--feed-key trusts its key for that run only", update(), "does not trust", stored)

    tampered = flip(newer, newer.index(dated(1).encode()) + 3)
    publish(tampered, sign(secret, newer))
    refused(3, "one byte changed in the feed", update(f"--feed-key={key}"), "not what its publisher signed", stored)

    signature = sign(secret, newer)
    line = signature.index(b"\n") + 1
    publish(newer, flip(signature, line + 60))
    refused(4, "one byte changed in the signature", update(f"--feed-key={key}"), "not what its publisher signed", stored)

    comment = signature.index(b"Haven feed")
    publish(newer, flip(signature, comment + 1))
    refused(5, "one byte changed in the trusted comment", update(f"--feed-key={key}"), "trusted comment", stored)

    publish(newer, sign(other_secret, newer))
    refused(6, "signed with another key", update(f"--feed-key={key}"), "does not trust", stored)

    publish(newer, None)
    refused(7, "no .minisig beside the feed", update(f"--feed-key={key}"), "not signed", stored)

    publish(newer, b"<html>Sign in to the Wi-Fi</html>\n")
    refused(8, "a garbled .minisig", update(f"--feed-key={key}"), "damaged", stored)

    older = feed_of(dated(-3))
    publish(older, sign(secret, older, legacy=True))
    refused(9, "an older feed, correctly signed", update(f"--feed-key={key}"), "older", stored)

    publish(newer, None)
    refused(10, "--update-feed never stores an unsigned preview",
            update("--unsigned-preview"), "never keeps", stored)

    bad = subprocess.run([haven, f"--feed-key=RWQ-not-a-key", f"--feed-url={url}", "--update-feed"],
                         capture_output=True, text=True, timeout=30, env=env)
    assert bad.returncode == 1 and "minisign public key" in bad.stderr, bad
    assert read(stored_path) == stored[0]
    print("ok 11 - a --feed-key that is not a key is refused with a message")
finally:
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
