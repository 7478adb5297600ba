# run-benchmarks.py: Haven's speed and memory as ratios against a floor
# measured in the same run. Prints one line per figure: `name value unit ratio`.
#
#   run-benchmarks.py BUILDDIR [--runs N]
#
# Needs a display and a session bus (build-aux/dev bench provides both).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import pathlib
import socket
import statistics
import subprocess
import tempfile
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument("builddir", type=pathlib.Path)
parser.add_argument("--runs", type=int, default=7)
args = parser.parse_args()

build = args.builddir.resolve()
# Haven with the first-frame report, which the installed binary does not have.
haven = build / "tests" / "bench" / "haven-bench"
baseline = build / "tests" / "bench" / "baseline"
feed_parse = build / "tests" / "bench" / "bench-feed-parse"
explainer_filter = build / "tests" / "bench" / "bench-explainer-filter"
FRAME_MS = 16.0


# The GL driver's shader cache outlives every start, as it does on a
# reader's machine: with a new cache each time, every start (Haven's and the
# baseline's alike) would spend a second compiling shaders, and that constant
# would hide Haven's own start-up cost in the ratios. The warm-up fills it.
shader_cache = tempfile.TemporaryDirectory()


def start_once(program, *options):
    """Starts a program as a person would and returns (µs to first frame, peak kB,
    what the frame showed). Each start gets settings, data and caches of its
    own, so Haven starts from its bundled feed every time."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ,
                   MESA_SHADER_CACHE_DIR=shader_cache.name,
                   HAVEN_BENCH_FIRST_FRAME="1",
                   GSETTINGS_BACKEND="memory",
                   GSETTINGS_SCHEMA_DIR=str(build / "data"),
                   XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CACHE_HOME=os.path.join(home, "cache"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"))
        started = time.monotonic_ns() // 1000
        out = subprocess.run([str(program), *options], env=env, capture_output=True,
                             text=True, timeout=120, check=True).stdout
    values = dict(line.split()[:2] for line in out.splitlines() if " " in line)
    return (int(values["first-frame"]) - started, int(values["peak-rss"]),
            values.get("shown"))


def median_starts(starts):
    """Medians of (ms to first frame, peak MB) for each start in `starts`, a
    dict of name: (program, options, what the frame must show or None). The
    starts take turns, run after run, so a machine that slows down or speeds
    up during the benchmark weighs on every figure alike."""
    runs = {name: [] for name in starts}
    for program, options, _ in starts.values():
        start_once(program, *options)  # warm-up: caches, fontconfig
    for _ in range(args.runs):
        for name, (program, options, _) in starts.items():
            runs[name].append(start_once(program, *options))
    medians = {}
    for name, (_, _, shown) in starts.items():
        if shown is not None:
            missing = sum(1 for r in runs[name] if r[2] != shown)
            if missing:
                print(f"# {missing} of {len(runs[name])} first frames of {name} lacked {shown}",
                      flush=True)
        medians[name] = (statistics.median(r[0] for r in runs[name]) / 1000.0,
                         statistics.median(r[1] for r in runs[name]) / 1024.0)
    return medians


class StallingServer:
    """Accepts connections on 127.0.0.1 and never answers."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.held = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


def line(name, value, unit, ratio):
    print(f"{name} {value:.2f} {unit} {ratio:.2f}", flush=True)


# A server that accepts the feed request and never answers: Haven must not
# wait for it before its first frame.
server = StallingServer()
try:
    starts = median_starts({
        "baseline": (baseline, [], None),
        "home": (haven, ["--offline"], None),
        # The frame counts only if it holds the emergency number and first crisis line.
        "help": (haven, ["--offline", "--help-now", "--region=GB"], "help=1"),
        "stalled": (haven, [f"--feed-url=http://127.0.0.1:{server.port}/feed.json"], None),
    })
finally:
    server.close()

base_ms, base_mb = starts["baseline"]
home_ms, home_mb = starts["home"]
help_ms, _ = starts["help"]
stalled_ms, _ = starts["stalled"]
line("baseline-first-frame", base_ms, "ms", 1.0)
line("home-first-frame", home_ms, "ms", home_ms / base_ms)
line("help-now-first-frame", help_ms, "ms", help_ms / base_ms)
line("home-first-frame-stalled-server", stalled_ms, "ms", stalled_ms / home_ms)

out = subprocess.run([str(feed_parse)], capture_output=True, text=True, timeout=600,
                     check=True).stdout
for row in out.splitlines():
    if row.startswith("parse-validate-"):
        name, value, unit, ratio = row.split()
        line(name, float(value), unit, float(ratio))
    elif row.startswith("growth-100x-vs-1x"):
        name, ratio = row.split()
        line(name, float(ratio), "x", float(ratio))

out = subprocess.run([str(explainer_filter)], capture_output=True, text=True, timeout=600,
                     env=dict(os.environ, GSETTINGS_BACKEND="memory",
                              GSETTINGS_SCHEMA_DIR=str(build / "data"))).stdout
for row in out.splitlines():
    if row.startswith("Slowest update:"):
        worst = float(row.split()[2])
        line("explainer-filter-100x", worst, "ms", worst / FRAME_MS)

line("home-peak-rss-above-baseline", home_mb - base_mb, "MB", home_mb / base_mb)
