#!/bin/bash
# cli-report.sh: "report NAME FILE --pdf OUT [--id REF] [--year Y]" and "report --list" - each
# report, each error with its exit code and message, and no file left behind by a failure.
# $1 is the commissioner-cli to test; the environment is the test environment (COMMISSIONER_TODAY).
set -eu

source "$(dirname "$0")/common.sh"

err_has () { grep -q -- "$1" "$WORK/err" || fail "stderr lacks '$1': $(cat "$WORK/err")"; }

DEMO="$WORK/demo.commissioner"
run 0 "$CLI" demo "$DEMO"

# --list: the names, one a line, nothing else (the register's reports first; each tab adds its own)
run 0 "$CLI" report --list
[ "$(head -n 3 "$WORK/out")" = $'register\nperformance\ncontract' ] || fail "--list printed: $(cat "$WORK/out")"
grep -qvE '^[a-z][a-z-]*$' "$WORK/out" && fail "--list printed more than names: $(cat "$WORK/out")"
[ ! -s "$WORK/err" ] || fail "--list wrote to stderr: $(cat "$WORK/err")"

have_pdftotext=1
command -v pdftotext >/dev/null || have_pdftotext=0

# Each report
run 0 "$CLI" report register "$DEMO" --pdf "$WORK/register.pdf"
grep -q '^Wrote “Contract register” ([0-9]* pages) to ' "$WORK/out" || fail "register said: $(cat "$WORK/out")"
head -c 5 "$WORK/register.pdf" | grep -q '%PDF-' || fail "register.pdf is not a PDF"
run 0 "$CLI" report register "$DEMO" --pdf "$WORK/register-year.pdf" --year 2027/28
run 0 "$CLI" report performance "$DEMO" --pdf "$WORK/performance.pdf"
ref=$("$CLI" export contracts "$DEMO" --csv - | sed -n 2p | cut -d, -f1)
run 0 "$CLI" report contract "$DEMO" --pdf "$WORK/contract.pdf" --id "$ref"
if [ $have_pdftotext = 1 ]; then
  pdftotext -layout "$WORK/register.pdf" - | grep -q "$ref" || fail "the register PDF lacks $ref"
  pdftotext -layout "$WORK/register-year.pdf" - | grep -q "2027-28" || fail "the year is not in the register PDF"
  pdftotext -layout "$WORK/performance.pdf" - | grep -q "Ratings of current contracts" || fail "performance PDF text"
  pdftotext -layout "$WORK/contract.pdf" - | grep -q "$ref" || fail "the fact sheet lacks $ref"
  pdftotext -layout "$WORK/contract.pdf" - | grep -q "Page 1 of" || fail "no page numbers"
fi
ls "$WORK" | grep -q 'tmp-' && fail "a temporary file was left: $(ls "$WORK")"

# Errors: exit 2, a message that says what, no file written
run 2 "$CLI" report nonsense "$DEMO" --pdf "$WORK/x.pdf"
err_has 'no report called “nonsense”'
err_has 'register, performance, contract'
run 2 "$CLI" report contract "$DEMO" --pdf "$WORK/x.pdf"
err_has 'give its reference with --id REF'
run 2 "$CLI" report contract "$DEMO" --pdf "$WORK/x.pdf" --id NO-SUCH-REF
err_has 'no contract with the reference “NO-SUCH-REF”'
run 2 "$CLI" report register "$DEMO" --pdf "$WORK/x.pdf" --year 2026-28
err_has -- '--year'
run 2 "$CLI" report register "$DEMO" --pdf "$WORK/x.pdf" --year soon
run 2 "$CLI" report performance "$DEMO" --pdf "$WORK/x.pdf" --year 2026-27
err_has 'leave the year out'
run 2 "$CLI" report register "$DEMO"
err_has 'say where to write the PDF with --pdf OUT'
run 2 "$CLI" report register
err_has 'missing argument'
run 2 "$CLI" report register "$WORK/missing.commissioner" --pdf "$WORK/x.pdf"
[ ! -e "$WORK/x.pdf" ] || fail "a failed report left x.pdf"

# Unwritable OUT: a folder that does not exist, a read-only folder, a folder as OUT
run 2 "$CLI" report register "$DEMO" --pdf "$WORK/no-such-folder/r.pdf"
err_has 'Could not write the PDF'
mkdir "$WORK/locked"
chmod a-w "$WORK/locked"
if [ ! -w "$WORK/locked" ]; then   # (root can write anyway)
  run 2 "$CLI" report register "$DEMO" --pdf "$WORK/locked/r.pdf"
  err_has 'Permission denied'
  [ -z "$(ls -A "$WORK/locked")" ] || fail "something was left in the read-only folder"
fi
run 2 "$CLI" report register "$DEMO" --pdf "$WORK/locked"

# An existing PDF is replaced whole
echo "old" > "$WORK/old.pdf"
run 0 "$CLI" report performance "$DEMO" --pdf "$WORK/old.pdf"
head -c 5 "$WORK/old.pdf" | grep -q '%PDF-' || fail "old.pdf was not replaced"

echo "cli-report: all passed"
