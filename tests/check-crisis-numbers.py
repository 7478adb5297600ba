#!/usr/bin/env python3
# check-crisis-numbers.py: the bundled feed against the crisis-contact
# reference. The numbers below are copied from the reference (first wave
# checked 2026-11-25, second wave 2026-12-02) so that a clone of Haven alone
# can run this: the test fails when the feed lacks a number the reference
# confirms (HIGH or MED), or carries one it rules out (DO NOT SHIP, CLOSED,
# or not a crisis line there).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re
import sys

# region: (emergency numbers, crisis and support line numbers)
EXPECTED = {
    "US": ("911", "988 741741 1-866-488-7386"),
    "CA": ("911", "988 1-800-668-6868 686868 1-866-633-4220"),
    "GB": ("999", "116123 85258 08001111 08000684141 08088010677"),
    "IE": ("112 999", "116123 50808 1800247247 51444"),
    "AU": ("000", "131114 0477131114 1800551800 1800334673"),
    "NZ": ("111", "1737 0800543354 4357 0800376633 234"),
    "DE": ("112", "08001110111 08001110222 116111"),
    "AT": ("112 144", "142 147"),
    "CH": ("112 144", "143 147"),
    "FR": ("112 15", "3114 0972394050 0800235236"),
    "ES": ("112", "024 900202010 717003717"),
    "IT": ("112", "0223272327"),
    "NL": ("112", "113 08000113"),
    "BE": ("112", "1813"),
    "SE": ("112", "90101"),
    "NO": ("112 113", "116123 22400040"),
    "DK": ("112", "70201201"),
    "FI": ("112", "0925250111 0925250112 0925250113"),
    "PL": ("112", "116123 116111"),
    "PT": ("112", "1411 808242424"),
    "BR": ("192 190", "188"),
    "MX": ("911", "8009112000"),
    "AR": ("911", "08009990091 135 01152751135"),
    "IN": ("112", "14416 18008914416 1098"),
    "JP": ("119 110", "0120279338 0120279226"),
    "KR": ("119 112", "109 1388"),
    "PH": ("911", "1553 09178998727"),
    "ZA": ("112 10111 10177", ""),
    # Second wave.
    "EG": ("123 122", "08008880700"),
    "AE": ("999 998", "8008877 8001717"),
    "SA": ("997 911 999", "116111"),
    "IL": ("101 100", "1201"),
    "TR": ("112", ""),
    "LB": ("140 125", "1564"),
    "JO": ("911", "110"),
    "QA": ("999", "16000"),
    "KW": ("112", ""),
    "IQ": ("911", ""),
    "MA": ("15 19 112", ""),
    "TN": ("190 197 198", "80105050"),
    "DZ": ("14 17", ""),
    "UA": ("103 102 112", "7333 116111 0800100102"),
    "CZ": ("112 155", "116123 116111"),
    "SK": ("112", "116111 0800500333 0800800566"),
    "HU": ("112", "116123"),
    "RO": ("112", "116111"),
    "GR": ("112", "1018 10306 1056"),
    "BG": ("112", "116111"),
    "HR": ("112", "116111"),
    "SI": ("112", "116123 116111"),
    "LT": ("112", "080028888 116123 116111"),
    "LV": ("112 113", "116123 116111"),
    "EE": ("112", "116123 116111"),
    "IS": ("112", "1717"),
    "LU": ("112 113", "454545 116111"),
    "MT": ("112", "1579 179"),
    "CY": ("112", "1466 80007773"),
    "CN": ("120 110", "12356"),
    "HK": ("999", "18111 28960000 91012012"),
    "TW": ("119 110", "1925 1995"),
    "SG": ("995 999", "1771 6566691771 1767 6591511767"),
    "MY": ("999 112", "15555"),
    "ID": ("112 119", "08001500119"),
    "TH": ("1669 191", "1323"),
    "BD": ("999", ""),
    "LK": ("1990", "1333 1926"),
    "NG": ("112", "08000787746"),
    "KE": ("999", "1199"),
    "GH": ("112", ""),
    "CO": ("123", "106 573007548933"),
    "CL": ("131", "*4141 6003607777"),
    "PE": ("106", "113"),
    "UY": ("911 105", "08000767 *0767"),
    "CR": ("911", ""),
}

# region: numbers that must never be offered as a line there.
FORBIDDEN = {
    "CA": "18334564566",           # replaced by 988
    "NO": "113",                   # Norway's medical emergency number, never a crisis line
    "PL": "800702222",             # Centrum Wsparcia: unconfirmed since its closure
    "EG": "16328 0220816831",
    "AE": "8004673",
    "SA": "920033360 937 1919",
    "TR": "182",
    "TN": "80101919 81100300",
    "KW": "777",
    "IQ": "122",
    "UA": "116123",                # La Strada's domestic-violence line, not emotional support
    "CZ": "284016666",             # closed 2023-12-31
    "SK": "0800193193",
    "HU": "116111",
    "RO": "0800801200",
    "BG": "116123",
    "HR": "0800123123",
    "LT": "1801",
    "MT": "1770",
    "CY": "1410 1401",
    "CN": "8008101117",
    "TW": "0800788995",
    "SG": "18002214444 63892222",
    "ID": "500454",
    "GH": "0800678678",
}


def normalise(number):
    return re.sub(r"[^0-9*]", "", number)


def main(path):
    feed = json.load(open(path, encoding="utf-8"))
    regions = {r["code"]: r for r in feed["regions"]}
    lines = {}
    for contact in feed["contacts"]:
        for channel in contact["channels"]:
            if channel["type"] in ("phone", "sms", "whatsapp"):
                lines.setdefault(contact["region"], set()).add(normalise(channel["value"]))

    checks = []
    for code, (emergency, numbers) in EXPECTED.items():
        region = regions.get(code)
        if region is None:
            checks.append((False, f"{code}: region missing"))
            continue
        have = {normalise(e["number"]) for e in region["emergency_numbers"]}
        missing = [n for n in emergency.split() if normalise(n) not in have]
        checks.append((not missing, f"{code}: emergency numbers {emergency}"
                       + (f" (missing {' '.join(missing)})" if missing else "")))
        missing = [n for n in numbers.split() if normalise(n) not in lines.get(code, set())]
        checks.append((not missing, f"{code}: lines {numbers or '(none)'}"
                       + (f" (missing {' '.join(missing)})" if missing else "")))
    for code, numbers in FORBIDDEN.items():
        found = [n for n in numbers.split() if normalise(n) in lines.get(code, set())]
        checks.append((not found, f"{code}: never offers {numbers}"
                       + (f" (found {' '.join(found)})" if found else "")))
    unexpected = sorted(set(regions) - set(EXPECTED))
    checks.append((not unexpected, "every region is one the reference confirms"
                   + (f" (also {' '.join(unexpected)})" if unexpected else "")))

    print(f"1..{len(checks)}")
    for i, (ok, text) in enumerate(checks, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {text}")
    return 0 if all(ok for ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
