# test-feed-schema.py: docs/feed.schema.json against the bundled feed, the
# valid fixtures and every hostile fixture, with Debian's python3-jsonschema.
#
# The schema is for publishers' own CI: it may accept more than
# haven-feed-check (limits a schema cannot express stay the checker's), but
# never less. So every hostile feed the schema rejects must be rejected by
# haven-feed-check too, and every valid fixture must pass the schema. The
# hostile fixtures are whatever files are in tests/feed/hostile (and its
# subfolders), plus any folder named in HAVEN_HOSTILE_EXTRA_DIRS
# (colon-separated), such as a generated set.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys

import jsonschema

check = sys.argv[1]
source_root = os.environ["HAVEN_SOURCE_ROOT"]
schema_path = os.path.join(source_root, "docs", "feed.schema.json")


def feeds_under(directory):
    for folder, _, names in os.walk(directory):
        for name in sorted(names):
            if name.endswith(".json"):
                yield os.path.join(folder, name)


def schema_errors(validator, path):
    """The schema's verdict: a list of problems, empty when it accepts."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        return [f"not JSON: {e.__class__.__name__}"]
    return [e.message for e in validator.iter_errors(document)]


def checker_accepts(path, *flags):
    result = subprocess.run([check, *flags, path], capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, LC_ALL="C.UTF-8"))
    assert result.returncode in (0, 1), (path, result)
    return result.returncode == 0, result.stdout


print("1..4")

with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", schema["$schema"]
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
print("ok 1 - docs/feed.schema.json is a valid draft 2020-12 schema")

bundled = os.path.join(source_root, "data", "feed", "feed.json")
problems = schema_errors(validator, bundled)
assert not problems, problems[:5]
print("ok 2 - the bundled feed is valid against the schema")

valid = list(feeds_under(os.path.join(source_root, "tests", "feed", "valid")))
assert valid, "no valid fixtures found"
for path in valid:
    accepted, out = checker_accepts(path)
    assert accepted, out
    problems = schema_errors(validator, path)
    assert not problems, (path, problems[:5])
print(f"ok 3 - the schema is not stricter than haven-feed-check: {len(valid)} valid fixtures pass both")

hostile_dirs = [os.path.join(source_root, "tests", "feed", "hostile")]
hostile_dirs += [d for d in os.environ.get("HAVEN_HOSTILE_EXTRA_DIRS", "").split(":") if d]
hostile = [path for directory in hostile_dirs for path in feeds_under(directory)]
assert len(hostile) >= 40, f"only {len(hostile)} hostile fixtures found"
rejected_by_schema = 0
for path in hostile:
    problems = schema_errors(validator, path)
    if not problems:
        continue
    rejected_by_schema += 1
    accepted, out = checker_accepts(path)
    assert not accepted, f"{path}: the schema rejects it ({problems[0]}) but haven-feed-check accepts it"
# The schema must do real work, not reject nothing.
assert rejected_by_schema >= len(hostile) // 3, (rejected_by_schema, len(hostile))
print(f"ok 4 - all {rejected_by_schema} of {len(hostile)} hostile fixtures the schema rejects are "
      f"rejected by haven-feed-check; the other {len(hostile) - rejected_by_schema} are the checker's alone")
