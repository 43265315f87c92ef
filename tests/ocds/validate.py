#!/usr/bin/env python3
"""validate.py: the OCDS export validates against the OCDS 1.1 release package schema.

Usage: validate.py CLI SCHEMA_DIR [JSON...]
Creates the demo workspace with CLI, exports it with `export ocds`, and validates the package
(and any JSON files given) against SCHEMA_DIR/release-package-schema.json, whose $ref to the
release schema is resolved to SCHEMA_DIR/release-schema.json (no network). Also checks what the
schema cannot: date-times, unique ocids and release ids, amounts with two decimals.
Exit 0 valid, 1 invalid, 77 (skipped) without python3-jsonschema.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipped (tools/install-deps.sh installs it)")
    sys.exit(77)

RELEASE_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"
DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
AMOUNT = re.compile(rb'"amount":(-?\d+\.\d\d)[,}]')


def validator(schema_dir):
    with open(os.path.join(schema_dir, "release-package-schema.json"), encoding="utf-8") as f:
        package = json.load(f)
    with open(os.path.join(schema_dir, "release-schema.json"), encoding="utf-8") as f:
        release = json.load(f)
    assert release["id"] == RELEASE_URL, release["id"]
    try:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT4
        registry = Registry().with_resource(RELEASE_URL, Resource(release, specification=DRAFT4))
        return jsonschema.Draft4Validator(package, registry=registry)
    except ImportError:
        resolver = jsonschema.RefResolver.from_schema(package, store={RELEASE_URL: release})
        return jsonschema.Draft4Validator(package, resolver=resolver)


def check(path, validate):
    with open(path, "rb") as f:
        raw = f.read()
    data = json.loads(raw)
    errors = sorted(validate.iter_errors(data), key=lambda e: list(e.path))
    for error in errors[:20]:
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    if errors:
        return False

    problems = []
    releases = data["releases"]
    if data["version"] != "1.1":
        problems.append("version is not 1.1")
    dates = [data["publishedDate"]]
    for r in releases:
        dates.append(r["date"])
        for c in r.get("contracts", []) + r.get("awards", []):
            period = c.get("period") or c.get("contractPeriod") or {}
            dates += [period.get("startDate"), period.get("endDate")]
    problems += [f"bad date-time {d!r}" for d in dates if d is not None and not DATE_TIME.match(d)]
    ocids = [r["ocid"] for r in releases]
    if len(set(ocids)) != len(ocids):
        problems.append("ocids are not unique")
    if len({r["id"] for r in releases}) != len(releases):
        problems.append("release ids are not unique")
    if len(AMOUNT.findall(raw)) != raw.count(b'"amount":'):
        problems.append("an amount is not written with two decimals")
    for p in problems:
        print(f"{path}: {p}")
    print(f"{path}: {len(releases)} releases, valid" if not problems else f"{path}: invalid")
    return not problems


def main():
    cli, schema_dir, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    validate = validator(schema_dir)
    with tempfile.TemporaryDirectory() as work:
        workspace = os.path.join(work, "demo.commissioner")
        out = os.path.join(work, "demo.json")
        subprocess.run([cli, "demo", workspace], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([cli, "export", "ocds", workspace, "--json", out, "--ocid-prefix", "ocds-abc123",
                        "--authority", "Riverside County Council"], check=True, stdout=subprocess.DEVNULL)
        ok = check(out, validate)

        # The validator itself must reject a broken package, or the test proves nothing.
        with open(out, encoding="utf-8") as f:
            broken = json.load(f)
        broken["releases"][0]["tag"] = ["signed"]
        del broken["releases"][-1]["initiationType"]
        broken["releases"][1]["contracts"][0]["status"] = "live"
        if len(list(validate.iter_errors(broken))) != 3:
            print("the validator did not find the three faults put in a copy")
            ok = False
    for path in extra:
        ok = check(path, validate) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
