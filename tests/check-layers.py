# check-layers.py: the layers only point down (STYLE.md):
# model <- feed <- ui <- application. A model file includes no GTK, network or
# JSON; a feed file no GTK; a widget never talks to libsoup; and no file
# includes a header of a layer above its own.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import re
import sys

src = pathlib.Path(sys.argv[1])
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)

layers = ["model", "feed", "ui"]
headers = {layer: {p.name for p in (src / layer).glob("*.h")} for layer in layers}
headers["app"] = {p.name for p in src.glob("*.h")}
order = layers + ["app"]

libraries = {
    "model": ("gtk/", "gdk/", "adwaita.h", "libsoup/", "json-glib/"),
    "feed": ("gtk/", "gdk/", "adwaita.h"),
    "ui": ("libsoup/",),
}

print("1..1")
problems = []
for index, layer in enumerate(layers):
    above = set().union(*(headers[upper] for upper in order[index + 1:]))
    for path in sorted((src / layer).glob("*.[ch]")):
        for header in INCLUDE.findall(path.read_text()):
            if header.startswith(libraries[layer]):
                problems.append(f"{path.relative_to(src)} includes {header}")
            elif header in above:
                problems.append(f"{path.relative_to(src)} includes {header} from a layer above")

if problems:
    print("not ok 1 - layering broken:")
    for problem in problems:
        print(f"#   {problem}")
    sys.exit(1)
print("ok 1 - model, feed and ui include only what lies below them")
