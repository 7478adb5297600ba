#!/usr/bin/env python3
# flathub-lint.py: the manifest and metainfo rules of Flathub's linter
# (flatpak-builder-lint), reimplemented so they run offline, on this
# machine, before a submission.
#
#   build-aux/flathub-lint.py [--new-submission] MANIFEST.json [METAINFO]
#
# METAINFO defaults to data/APPID.metainfo.xml.in beside the manifest's
# folder. Prints {"errors": [...], "warnings": [...], "info": [...]} as
# flatpak-builder-lint does, with the same names for the same findings;
# exits 1 when there is an error. --new-submission judges as Flathub's
# pipeline for a new app does (a git tag without its commit is an error
# there, a warning elsewhere).
#
# Rules from flatpak-builder-lint's checks (appid, toplevel, finish_args,
# modules, metainfo, screenshots) as of August 2026. Rules of our own,
# named haven-*, cover what Flathub reviewers ask for and the linter does
# not check: an archive without sha256, -Dwerror in the build, branding.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import re
import sys
import xml.etree.ElementTree as ElementTree


class Report:
    def __init__(self):
        self.errors = set()
        self.warnings = set()
        self.info = set()

    def as_dict(self):
        out = {}
        for name in ("errors", "warnings", "info"):
            values = sorted(getattr(self, name))
            if values:
                out[name] = values
        return out


def check_appid(report, manifest, path):
    appid = manifest.get("id") or manifest.get("app-id")
    if not appid:
        report.errors.add("appid-not-defined")
        return None
    basename = os.path.splitext(os.path.basename(path))[0]
    if appid != basename:
        report.errors.add("appid-filename-mismatch")
        report.info.add(f"appid-filename-mismatch: Appid is {appid} but Manifest filename is: {basename}")
    parts = appid.split(".")
    if len(parts) < 3:
        report.errors.add("appid-less-than-3-components")
        return appid
    if not all(re.match(r"^[A-Za-z_][\w\-]*$", part) for part in parts):
        report.errors.add("appid-component-wrong-syntax")
        return appid
    if len(parts) > 5:
        report.errors.add("appid-too-many-components-for-app")
    if parts[-1] == "desktop":
        report.errors.add("appid-ends-with-lowercase-desktop")
    domain, tld = parts[1].lower(), parts[0].lower()
    if domain in ("github", "gitlab") and tld != "io":
        report.errors.add("appid-uses-code-hosting-domain")
    elif domain in ("github", "gitlab", "codeberg") and len(parts) < 4:
        report.errors.add("appid-code-hosting-too-few-components")
    return appid


def check_toplevel(report, manifest):
    command = manifest.get("command")
    if not command:
        report.errors.add("toplevel-no-command")
    elif command.startswith("/"):
        report.errors.add("toplevel-command-is-path")
    if manifest.get("branch"):
        report.errors.add("toplevel-unnecessary-branch")
    for entry in manifest.get("cleanup", []):
        if entry == "/lib/debug" or entry.startswith("/lib/debug/"):
            report.errors.add("toplevel-cleanup-debug")
    if not manifest.get("modules"):
        report.errors.add("toplevel-no-modules")
    if "--share=network" in manifest.get("build-options", {}).get("build-args", []):
        report.errors.add("manifest-toplevel-build-network-access")
    # Ours: the runtime and its SDK come as a pair, at a version given as a
    # string ("51", not 51, which flatpak-builder refuses).
    runtime, sdk = manifest.get("runtime", ""), manifest.get("sdk", "")
    if runtime.endswith(".Platform") and sdk != runtime[: -len(".Platform")] + ".Sdk":
        report.errors.add("haven-runtime-sdk-mismatch")
    if not isinstance(manifest.get("runtime-version"), str):
        report.errors.add("haven-runtime-version-not-string")


def parse_finish_args(args):
    parsed = {key: set() for key in ("socket", "share", "device", "filesystem", "talk-name",
                                     "own-name", "system-talk-name", "system-own-name")}
    for arg in args:
        match = re.match(r"^--(socket|nosocket|share|unshare|device|nodevice|filesystem|"
                         r"talk-name|own-name|system-talk-name|system-own-name)=(.*)$", arg)
        if not match:
            continue
        kind, value = match.groups()
        if kind.startswith(("no", "un")) and kind not in ("own-name",):
            kind, value = kind[2:], "!" + value
        parsed.setdefault(kind, set()).add(value)
    return parsed


def check_finish_args(report, manifest, appid):
    fa = parse_finish_args(manifest.get("finish-args", []))
    sockets, shares = fa["socket"], fa["share"]
    if "inherit-wayland-socket" in sockets:
        report.errors.add("finish-args-contains-inherit-wayland-socket")
    if "x11" in sockets and "fallback-x11" in sockets:
        report.errors.add("finish-args-contains-both-x11-and-fallback")
    if "x11" in sockets and "wayland" in sockets:
        report.errors.add("finish-args-contains-both-x11-and-wayland")
    if ("x11" in sockets or "fallback-x11" in sockets) and "ipc" not in shares:
        report.errors.add("finish-args-x11-without-ipc")
    if "fallback-x11" in sockets and "wayland" not in sockets:
        report.errors.add("finish-args-fallback-x11-without-wayland")
    if "wayland" in sockets and not ({"x11", "fallback-x11"} & sockets):
        report.errors.add("finish-args-only-wayland")
    for name in ("gpg-agent", "ssh-auth"):
        if name in sockets:
            report.errors.add(f"finish-args-has-socket-{name}")
    for kind, prefix in (("socket", "nosocket"), ("share", "unshare"), ("device", "nodevice")):
        for value in fa[kind]:
            if value.startswith("!"):
                report.errors.add(f"finish-args-has-{prefix}-{value[1:]}")

    for fs in fa["filesystem"]:
        match = re.fullmatch(r"(home|host|host-root|host-etc|host-os|~/?)(:rw|:create|:ro)?", fs)
        if match:
            where = "home" if match.group(1) in ("~", "~/", "home") else match.group(1)
            suffix = "-ro" if match.group(2) == ":ro" else ""
            report.errors.add(f"finish-args-{where}{suffix}-filesystem-access")
        for xdg in ("xdg-data", "xdg-config", "xdg-cache"):
            if re.match(rf"^{xdg}(:(create|rw|ro)?)?$", fs):
                mode = fs.split(":", 1)[1] if ":" in fs else "rw"
                report.errors.add(f"finish-args-arbitrary-{xdg}-{mode}-access")
        for reserved in ("/.flatpak-info", "/app", "/bin", "/dev", "/etc", "/lib", "/lib32",
                         "/lib64", "/proc", "/root", "/run/flatpak", "/run/host", "/sbin", "/usr"):
            if re.match(rf"^{re.escape(reserved)}(?:/.*)?(?::(create|rw|ro))?$", fs):
                report.errors.add(f"finish-args-reserved-{reserved.lstrip('/')}")
        if re.match(r"^/tmp(?:/.*)?(?::(create|rw|ro))?$", fs):
            report.errors.add("finish-args-host-tmp-access")
        if re.match(r"^(~|home)/\.ssh(/.*)?(:(create|rw|ro))?$", fs):
            report.errors.add("finish-args-ssh-filesystem-access")

    for name in fa["own-name"]:
        if appid and (name == appid or name.startswith(appid + ".")):
            report.errors.add("finish-args-unnecessary-appid-own-name")
        else:
            report.errors.add(f"finish-args-own-name-{name}")
    for name in fa["talk-name"]:
        if appid and (name == appid or name.startswith(appid + ".")):
            report.errors.add("finish-args-unnecessary-appid-talk-name")
        if name in ("org.freedesktop.*", "org.gnome.*", "org.kde.*"):
            report.errors.add(f"finish-args-wildcard-{name.split('.')[1]}-talk-name")
        if name.startswith("org.freedesktop.portal."):
            report.errors.add("finish-args-portal-talk-name")
        if name == "ca.desrt.dconf" or name.startswith("ca.desrt.dconf."):
            report.errors.add("finish-args-dconf-talk-name")
        if name in ("org.freedesktop.Flatpak", "org.freedesktop.Flatpak.*"):
            report.errors.add("finish-args-flatpak-spawn-access")


def check_source(report, module, source, new_submission):
    kind = source.get("type")
    if "/" in source.get("dest-filename", ""):
        report.errors.add(f"module-{module}-source-dest-filename-is-path")
    if kind in ("archive", "file"):
        if source.get("sha1"):
            report.errors.add(f"module-{module}-source-sha1-deprecated")
        if source.get("md5"):
            report.errors.add(f"module-{module}-source-md5-deprecated")
        # Ours: a download is pinned by its sha256 (flatpak-builder would
        # otherwise fail late, at download time).
        if source.get("url") and not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
            report.errors.add(f"haven-module-{module}-source-no-sha256")
    if kind == "dir":
        # The real linter refuses it in Flathub's pipeline: a submission
        # builds published sources, never a local folder.
        report.errors.add(f"module-{module}-source-dir-not-allowed")
    if kind == "git":
        commit, branch, tag, url = (source.get(k) for k in ("commit", "branch", "tag", "url"))
        if not url:
            report.errors.add(f"module-{module}-source-git-no-url")
            return
        if not url.startswith(("http://", "https://")):
            report.errors.add(f"module-{module}-source-git-url-not-http")
        if not any((commit, branch, tag)):
            report.errors.add(f"module-{module}-source-git-no-tag-commit-branch")
            return
        if tag and not commit:
            finding = f"module-{module}-source-git-no-commit-with-tag"
            (report.errors if new_submission else report.warnings).add(finding)
            return
        if branch and not re.match(r"[a-f0-9]{4,40}", branch):
            report.errors.add(f"module-{module}-source-git-branch")


def check_module(report, module, new_submission):
    name = module.get("name")
    if "--share=network" in module.get("build-options", {}).get("build-args", []):
        report.errors.add(f"module-{name}-build-network-access")
    buildsystem = module.get("buildsystem", "autotools")
    options = module.get("config-opts", [])
    if buildsystem == "autotools":
        for opt in options:
            if opt.startswith("--enable-debug") and not opt.endswith("=no"):
                report.errors.add(f"module-{name}-autotools-non-release-build")
    # Ours: warnings as errors break a build on the runtime's newer
    # compiler for nothing a user would notice; CI builds with them.
    for opt in options + module.get("build-options", {}).get("cflags", "").split():
        if opt in ("-Dwerror=true", "--werror", "-Werror") or opt.startswith("-Dwerror=t"):
            report.errors.add(f"haven-module-{name}-werror")
    sources = module.get("sources", [])
    git_dests = {}
    for source in sources:
        if isinstance(source, str):
            continue
        if source.get("type") == "git" and source.get("url"):
            git_dests.setdefault(source.get("dest", "."), []).append(source["url"])
        check_source(report, name, source, new_submission)
    if any(len(urls) > 1 for urls in git_dests.values()):
        report.errors.add(f"module-{name}-multiple-git-sources-stacked")
    for entry in module.get("cleanup", []):
        if entry == "/lib/debug" or entry.startswith("/lib/debug/"):
            report.errors.add(f"module-{name}-cleanup-debug")
    for nested in module.get("modules", []):
        if isinstance(nested, dict):
            check_module(report, nested, new_submission)


def check_metainfo(report, path, appid):
    if not os.path.exists(path):
        report.errors.add("appstream-metainfo-missing")
        return
    root = ElementTree.parse(path).getroot()
    if root.tag != "component":
        report.errors.add("metainfo-missing-component-tag")
        return
    if root.findtext("id") != appid:
        report.errors.add("haven-metainfo-id-mismatch")
    launchables = [l.text for l in root.findall("launchable") if l.get("type") == "desktop-id"]
    if f"{appid}.desktop" not in launchables:
        report.errors.add("metainfo-launchable-tag-wrong-value" if launchables
                          else "metainfo-missing-launchable-tag")
    images = [i.text or "" for i in root.findall("screenshots/screenshot/image")]
    if root.get("type") in ("desktop", "desktop-application") and not images:
        report.errors.add("metainfo-missing-screenshots")
    if any(i.endswith((".svg", ".svgz")) for i in images):
        report.errors.add("metainfo-svg-screenshots")
    # Ours, from Flathub's quality guidelines: pictures pinned to a tag or
    # commit, never to a branch that moves.
    for image in images:
        if re.search(r"/(main|master|HEAD)/", image):
            report.errors.add("haven-metainfo-screenshot-url-not-pinned")
    colors = {c.get("scheme_preference") for c in root.findall("branding/color")
              if c.get("type") == "primary"}
    if not {"light", "dark"} <= colors:
        report.errors.add("haven-metainfo-branding-light-and-dark")
    if not root.findtext("developer/name") and not root.findtext("developer_name"):
        report.errors.add("metainfo-missing-developer-name")
    if root.find("content_rating") is None:
        report.errors.add("metainfo-missing-content-rating")
    if root.find("releases/release") is None:
        report.errors.add("metainfo-missing-releases")


def lint(manifest_path, metainfo_path=None, new_submission=False):
    report = Report()
    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as error:
        report.errors.add("manifest-invalid-json")
        report.info.add(f"manifest-invalid-json: {error}")
        return report
    appid = check_appid(report, manifest, manifest_path)
    check_toplevel(report, manifest)
    check_finish_args(report, manifest, appid)
    for module in manifest.get("modules", []):
        if isinstance(module, dict):
            check_module(report, module, new_submission)
    if metainfo_path is None and appid:
        top = os.path.dirname(os.path.dirname(os.path.abspath(manifest_path)))
        metainfo_path = os.path.join(top, "data", f"{appid}.metainfo.xml.in")
    if metainfo_path:
        check_metainfo(report, metainfo_path, appid)
    return report


def main():
    parser = argparse.ArgumentParser(description="Flathub's linter rules, offline.")
    parser.add_argument("--new-submission", action="store_true")
    parser.add_argument("manifest")
    parser.add_argument("metainfo", nargs="?")
    args = parser.parse_args()
    report = lint(args.manifest, args.metainfo, args.new_submission)
    print(json.dumps(report.as_dict(), indent=4))
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
