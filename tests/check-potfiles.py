# check-potfiles.py: fails when a file with translatable strings is missing
# from po/POTFILES.in, or when POTFILES.in names a file that does not exist.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = {line.strip() for line in (root / "po" / "POTFILES.in").read_text().splitlines()
          if line.strip() and not line.startswith("#")}

C_MARK = re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|ngettext)\s*\(')
UI_MARK = re.compile(r'translatable="yes"')

found = set()
for path in sorted(root.glob("src/**/*")) + sorted(root.glob("tools/**/*")):
    rel = path.relative_to(root).as_posix()
    if path.suffix == ".c" and C_MARK.search(path.read_text()):
        found.add(rel)
    elif path.suffix == ".ui" and UI_MARK.search(path.read_text()):
        found.add(rel)
for path in sorted(root.glob("data/*")):
    if path.name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
        found.add(path.relative_to(root).as_posix())

print("1..2")
missing = sorted(found - listed)
if missing:
    print("not ok 1 - files with translatable strings missing from po/POTFILES.in:")
    for name in missing:
        print(f"#   {name}")
else:
    print("ok 1 - every file with translatable strings is in po/POTFILES.in")

stale = sorted(name for name in listed if not (root / name).exists())
if stale:
    print("not ok 2 - po/POTFILES.in names files that do not exist:")
    for name in stale:
        print(f"#   {name}")
else:
    print("ok 2 - every file in po/POTFILES.in exists")

sys.exit(1 if missing or stale else 0)
