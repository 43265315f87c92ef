#!/bin/bash
# cli-report-plan.sh: "report plan FILE --pdf OUT [--year Y]" - the commissioning plan of the
# demo workspace, with its overdue milestone, latest progress and demand figures; a year with no
# plan; a malformed year refused with exit 2 and no file.
# $1 is the commissioner-cli to test; the environment is the test environment (COMMISSIONER_TODAY).
set -eu

source "$(dirname "$0")/common.sh"

DEMO="$WORK/demo.commissioner"
run 0 "$CLI" demo "$DEMO"

run 0 "$CLI" report --list
grep -qx plan "$WORK/out" || fail "--list lacks plan: $(cat "$WORK/out")"

run 0 "$CLI" report plan "$DEMO" --pdf "$WORK/plan.pdf"
grep -q '^Wrote “Commissioning plan 2026-27” ([0-9]* pages) to ' "$WORK/out" || fail "plan said: $(cat "$WORK/out")"
head -c 5 "$WORK/plan.pdf" | grep -q '%PDF-' || fail "plan.pdf is not a PDF"
run 0 "$CLI" report plan "$DEMO" --pdf "$WORK/plan-next.pdf" --year 27/28
run 0 "$CLI" report plan "$DEMO" --pdf "$WORK/plan-empty.pdf" --year 2031-32

if command -v pdftotext >/dev/null; then
  text=$(pdftotext -layout "$WORK/plan.pdf" -)
  grep -q "Overdue by 12 days" <<<"$text" || fail "the overdue milestone is not in the plan PDF"
  grep -q "Re-tender the young carers service" <<<"$text" || fail "an intention is missing"
  grep -q "Five bids received" <<<"$text" || fail "the latest progress is missing"
  grep -q "Contacts for Services *12,045 *11,006 *9,128 *10,010 *-16.9%" <<<"$text" || fail "demand figures: $text"
  pdftotext -layout "$WORK/plan-next.pdf" - | grep -q "Re-procure the supported lodgings service" \
    || fail "next year's plan lacks its intention"
  pdftotext -layout "$WORK/plan-empty.pdf" - | grep -q "no commissioning intentions for 2031-32" \
    || fail "an empty year does not say so"
fi

run 2 "$CLI" report plan "$DEMO" --pdf "$WORK/bad.pdf" --year 2026-28
[ ! -e "$WORK/bad.pdf" ] || fail "a PDF was written for a bad year"
grep -q "2026-28" "$WORK/err" || fail "the bad year is not quoted: $(cat "$WORK/err")"
echo "ok"
