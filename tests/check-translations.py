# check-translations.py: each translation in po/LINGUAS covers at least 95%
# of the interface's current strings with no fuzzy entries, declares the
# plural forms its language has, and never uses wording the safe-messaging
# rules forbid (the equivalent of "committed suicide").
#
#   check-translations.py SOURCE-ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import re
import subprocess
import sys
import tempfile

root = pathlib.Path(sys.argv[1])
po = root / "po"
MINIMUM = 0.95

# gettext's plural rules, as GNOME's teams use them.
PLURALS = {
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;",
    "de": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
}

# Wording that blames or sensationalises (../shared/reference/safe-messaging.md).
FORBIDDEN = {
    "ar": ["ارتكب الانتحار", "ارتكاب الانتحار", "ارتكبت الانتحار"],
    "de": ["selbstmord begangen", "selbstmord begehen", "freitod", "erfolgreicher suizid"],
    "es": ["cometió suicidio", "cometer suicidio", "cometido suicidio", "suicidio exitoso"],
    "fr": ["commis un suicide", "commettre un suicide", "suicide réussi"],
    "pt_BR": ["cometeu suicídio", "cometer suicídio", "suicídio bem-sucedido"],
}
ENGLISH_FORBIDDEN = ["committed suicide", "commit suicide", "successful suicide",
                     "failed attempt", "successful attempt"]

# The keywords of meson's "glib" gettext preset, which builds haven.pot.
XGETTEXT_KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3",
                     "g_dpgettext2:2c,3"]

languages = (po / "LINGUAS").read_text().split()
failures = []
tests = 0


def check(ok, message):
    global tests
    tests += 1
    print(f"{'ok' if ok else 'not ok'} {tests} - {message}")
    if not ok:
        failures.append(message)


def entries(path):
    """(msgid, msgstr) pairs of a po file, msgstr joining every plural form."""
    text = path.read_text()
    out = []
    for block in re.split(r"\n\s*\n", text):
        ids = re.findall(r'^msgid(?:_plural)? ((?:".*"\n?)+)', block, re.M)
        strs = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block, re.M)
        join = lambda parts: "".join(re.findall(r'"(.*)"', "".join(parts)))
        out.append((join(ids), join(strs)))
    return out


with tempfile.TemporaryDirectory() as scratch:
    # The template of the strings in the sources now, not a stored copy that
    # may be older.
    pot = pathlib.Path(scratch) / "haven.pot"
    subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments", "--package-name=haven",
                    *[f"--keyword={k}" for k in XGETTEXT_KEYWORDS],
                    "--directory", str(root), "--files-from", str(po / "POTFILES.in"),
                    "--output", str(pot)], check=True)
    for language in languages:
        path = po / f"{language}.po"
        # Against the current template, as `ninja haven-update-po` would merge it.
        merged = pathlib.Path(scratch) / f"{language}.po"
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", str(merged),
                        str(path), str(pot)], check=True)
        stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null",
                                str(merged)], capture_output=True, text=True)
        numbers = {kind: int(n) for n, kind in
                   re.findall(r"(\d+) (translated|fuzzy|untranslated)", stats.stderr)}
        total = sum(numbers.values())
        share = numbers.get("translated", 0) / total if total else 0
        check(stats.returncode == 0 and share >= MINIMUM and not numbers.get("fuzzy"),
              f"{language}: {share:.1%} of {total} strings translated, "
              f"{numbers.get('fuzzy', 0)} fuzzy (msgfmt --check: {stats.returncode})")

        # The header's strings joined, as msgfmt reads them.
        header_text = entries(path)[0][1].replace("\\n", "\n")
        header = re.search(r"^Plural-Forms: (.*)$", header_text, re.M)
        expected = PLURALS.get(language)
        check(expected is not None and header is not None and
              header.group(1).replace(" ", "") == expected.replace(" ", ""),
              f"{language}: plural forms are {header.group(1) if header else None!r}")

        bad = [(msgid, word) for msgid, msgstr in entries(path)
               for word in FORBIDDEN.get(language, []) if word in msgstr.lower()]
        check(language in FORBIDDEN and not bad,
              f"{language}: no forbidden wording {bad[:3] if bad else ''}".rstrip())

    bad = [(msgid, word) for msgid, _ in entries(pot) for word in ENGLISH_FORBIDDEN
           if word in msgid.lower()]
    check(not bad, f"English source: no forbidden wording {bad[:3] if bad else ''}".rstrip())

print(f"1..{tests}")
sys.exit(1 if failures else 0)
