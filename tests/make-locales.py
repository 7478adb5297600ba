# make-locales.py: compiles the locales the tests start Haven in into a
# directory of the build, so LANG takes effect without root; tests point
# glibc at it with LOCPATH.
#
#   make-locales.py DIR STAMP NAME...     (NAME as in en_GB, compiled as UTF-8)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import subprocess
import sys

directory = pathlib.Path(sys.argv[1])
stamp = pathlib.Path(sys.argv[2])
directory.mkdir(parents=True, exist_ok=True)
for name in sys.argv[3:]:
    target = directory / f"{name}.UTF-8"
    if not (target / "LC_CTYPE").exists():
        subprocess.run(["localedef", "-i", name, "-f", "UTF-8", str(target)], check=True)
stamp.write_text(" ".join(sys.argv[3:]) + "\n")
