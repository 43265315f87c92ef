#!/usr/bin/env python3
"""Counts test results from meson's testlog.json files and prints 'N passed, N failed'."""
import json
import os
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def main(build_dirs):
    passed = failed = skipped = 0
    for build in build_dirs:
        path = os.path.join(build, "meson-logs", "testlog.json")
        if not os.path.exists(path):
            print(f"test-summary: no test log in {build} (the build failed?)", file=sys.stderr)
            failed += 1
            continue
        with open(path, encoding="utf-8") as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                result = json.loads(line).get("result", "")
                if result in PASSED:
                    passed += 1
                elif result in SKIPPED:
                    skipped += 1
                else:
                    failed += 1
    summary = f"{passed} passed, {failed} failed"
    if skipped:
        summary += f", {skipped} skipped"
    print(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["build"]))
