# test-feed-check-signed.py: `haven-feed-check --verify-key=KEY FEED` as a
# publisher runs it before publishing, with a key and signature made here.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile

check = sys.argv[1]
source_root = os.environ["HAVEN_SOURCE_ROOT"]
minisign = os.environ.get("HAVEN_MINISIGN", "minisign")
work = tempfile.mkdtemp(prefix="haven-check-signed-")
env = dict(os.environ, LC_ALL="C.UTF-8")


def run(*args):
    return subprocess.run([check, *args], capture_output=True, text=True, timeout=60, env=env)


def key(name):
    subprocess.run([minisign, "-G", "-W", "-p", os.path.join(work, name + ".pub"),
                    "-s", os.path.join(work, name + ".key")], check=True, capture_output=True)
    with open(os.path.join(work, name + ".pub"), encoding="utf-8") as f:
        return f.read().splitlines()[1]


print("1..6")
try:
    feed = os.path.join(work, "feed.json")
    shutil.copy(os.path.join(source_root, "data", "feed", "feed.json"), feed)
    public = key("publisher")
    key("stranger")
    subprocess.run([minisign, "-Sm", feed, "-s", os.path.join(work, "publisher.key"),
                    "-t", "Haven feed for a test"], check=True, capture_output=True)

    good = run("--bundled", f"--verify-key={public}", feed)
    assert good.returncode == 0, good
    assert "signature OK (trusted comment: Haven feed for a test)" in good.stdout, good.stdout
    assert ": OK (" in good.stdout, good.stdout
    print("ok 1 - a feed and its signature check together, with the key given as text")

    from_file = run("--bundled", "--verify-key=" + os.path.join(work, "publisher.pub"), feed)
    assert from_file.returncode == 0, from_file
    print("ok 2 - the key may be given as the .pub file minisign wrote")

    other = run("--bundled", "--verify-key=" + os.path.join(work, "stranger.pub"), feed)
    assert other.returncode == 1 and "does not trust" in other.stdout, other
    assert ": OK (" not in other.stdout, other.stdout
    print("ok 3 - another key is refused and the feed is not parsed")

    with open(feed, "rb") as f:
        data = bytearray(f.read())
    data[data.index(b"2026")] = ord("3")
    with open(feed, "wb") as f:
        f.write(data)
    changed = run("--bundled", f"--verify-key={public}", feed)
    assert changed.returncode == 1 and "not what its publisher signed" in changed.stdout, changed
    print("ok 4 - a feed changed after signing is refused")

    os.unlink(feed + ".minisig")
    missing = run("--bundled", f"--verify-key={public}", feed)
    assert missing.returncode == 1 and "no signature" in missing.stdout, missing
    print("ok 5 - a feed without its .minisig is refused")

    bad_key = run("--bundled", "--verify-key=RWQ-not-a-key", feed)
    assert bad_key.returncode == 2 and "minisign public key" in bad_key.stderr, bad_key
    print("ok 6 - a key that is not one is refused before any feed is read")
finally:
    shutil.rmtree(work, ignore_errors=True)
