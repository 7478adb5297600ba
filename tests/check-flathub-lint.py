#!/usr/bin/env python3
# check-flathub-lint.py: the Flatpak manifest passes Flathub's linter rules
# (build-aux/flathub-lint.py), and those rules catch what a reviewer would.
#
#   check-flathub-lint.py SOURCE_ROOT
#
# TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import importlib.util
import json
import os
import sys
import tempfile

source_root = sys.argv[1]
APP_ID = "io.github.havenwellbeing.Haven"
manifest_path = os.path.join(source_root, "flatpak", APP_ID + ".json")
metainfo_path = os.path.join(source_root, "data", APP_ID + ".metainfo.xml.in")

spec = importlib.util.spec_from_file_location(
    "flathub_lint", os.path.join(source_root, "build-aux", "flathub-lint.py"))
flathub_lint = importlib.util.module_from_spec(spec)
spec.loader.exec_module(flathub_lint)

results = []


def check(ok, what, detail=""):
    results.append((ok, what, detail))


report = flathub_lint.lint(manifest_path, metainfo_path)
check(not report.errors, "the release manifest has no error", json.dumps(report.as_dict()))
check(not report.warnings, "the release manifest has no warning", json.dumps(report.as_dict()))

with open(manifest_path, encoding="utf-8") as f:
    good = json.load(f)
haven_module = next(m for m in good["modules"] if m["name"] == "haven")
check(haven_module["sources"][0].get("tag") == "v0.1.0"
      and len(haven_module["sources"][0].get("commit", "")) == 40
      and haven_module["sources"][0].get("url") == "https://github.com/havenwellbeing/haven.git",
      "the release manifest builds the tag v0.1.0 from GitHub, pinned to its commit")


def lint_variant(change, new_submission=False):
    manifest = copy.deepcopy(good)
    change(manifest)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, APP_ID + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(manifest, f)
        return flathub_lint.lint(path, metainfo_path, new_submission=new_submission)


def module(manifest, name):
    return next(m for m in manifest["modules"] if m["name"] == name)


variants = [
    ("the whole host's files", "finish-args-host-filesystem-access",
     lambda m: m["finish-args"].append("--filesystem=host")),
    ("X11 with no Wayland", "finish-args-fallback-x11-without-wayland",
     lambda m: m["finish-args"].remove("--socket=wayland")),
    ("X11 beside its fallback", "finish-args-contains-both-x11-and-fallback",
     lambda m: m["finish-args"].append("--socket=x11")),
    ("a download with no sha256", "haven-module-qrencode-source-no-sha256",
     lambda m: module(m, "qrencode")["sources"][0].pop("sha256")),
    ("a git source with neither tag nor commit", "module-haven-source-git-no-tag-commit-branch",
     lambda m: [module(m, "haven")["sources"][0].pop(k) for k in ("tag", "commit")]),
    ("a local folder as the app's source", "module-haven-source-dir-not-allowed",
     lambda m: module(m, "haven").update(sources=[{"type": "dir", "path": ".."}])),
    ("warnings as errors in the build", "haven-module-haven-werror",
     lambda m: module(m, "haven").update({"config-opts": ["-Dwerror=true"]})),
    ("another app id", "appid-filename-mismatch",
     lambda m: m.update(id=APP_ID + ".Devel")),
]
for what, finding, change in variants:
    found = lint_variant(change)
    check(finding in found.errors, f"the linter refuses {what} ({finding})",
          json.dumps(found.as_dict()))

def unpinned(m):
    module(m, "haven")["sources"][0].pop("commit")


check("module-haven-source-git-no-commit-with-tag" in lint_variant(unpinned).warnings,
      "a tag without its commit is a warning, as on Flathub")
check("module-haven-source-git-no-commit-with-tag" in lint_variant(unpinned, new_submission=True).errors,
      "for a new submission, a tag without its commit is an error, as on Flathub")

print(f"1..{len(results)}")
for number, (ok, what, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} {what}")
    if not ok and detail:
        print(f"# {detail}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
