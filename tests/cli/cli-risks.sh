#!/bin/bash
# cli-risks.sh: "import risks FILE IN.csv --register NAME" (preview, all-or-nothing, --accept-good, --rejects,
# --dry-run, --scale, --map), "export risks FILE --csv OUT [--register NAME]" and
# "report risks FILE --register NAME --pdf OUT", with the demo's registers and every bad input.
# $1 is the commissioner-cli to test; the environment is the test environment (COMMISSIONER_TODAY).
set -eu

source "$(dirname "$0")/common.sh"

out_has () { grep -qF -- "$1" "$WORK/out" || fail "stdout lacks '$1': $(cat "$WORK/out")"; }
err_has () { grep -qF -- "$1" "$WORK/err" || fail "stderr lacks '$1': $(cat "$WORK/err")"; }

WS="$WORK/ws.commissioner"
run 0 "$CLI" new "$WS"

# A Low / Medium / High register with ranges, created by the import.
cat >"$WORK/yc.csv" <<'CSV'
Risk ref,Risk,Risk owner,Likelihood,Impact,Mitigation,Residual likelihood,Residual impact,Date raised,Status
YC1,Incumbent provider exits early,Jo Smith,M/H,H,Early engagement,M,M/H,01/06/2026,Open
YC2,Low market interest,Jo Smith,L/M,Medium,Market event,L,M,2026-06-01,open
YC3,Panel availability,,Low,Low,,,,2026-06-01,closed
CSV
run 0 "$CLI" import risks "$WS" "$WORK/yc.csv" --register "Young Carers re-tender" --scale lmh --dry-run
out_has "will be created, on the Low / Medium / High scale"
out_has "New: 3, updated: 0, unchanged: 0, rejected: 0"
out_has "Dry run: nothing was written."
run 0 "$CLI" export risks "$WS" --csv -
[ "$(wc -l <"$WORK/out")" -eq 1 ] || fail "the dry run wrote risks: $(cat "$WORK/out")"
run 0 "$CLI" import risks "$WS" "$WORK/yc.csv" --register "Young Carers re-tender" --scale lmh
out_has "Imported 3 new and 0 updated risks into “Young Carers re-tender”."
run 0 "$CLI" export risks "$WS" --csv "$WORK/out.csv" --register "young carers re-tender"
out_has "Wrote 3 risks to"
grep -q '^YC1,Incumbent provider exits early,,,Jo Smith,,M/H,H,H,Early engagement,treat,M,M/H,M/H,' "$WORK/out.csv" ||
  fail "the export lacks YC1 as imported: $(cat "$WORK/out.csv")"
# Again: unchanged.
run 0 "$CLI" import risks "$WS" "$WORK/yc.csv" --register "Young Carers re-tender"
out_has "unchanged: 3"

# Bad input: every row reported with line, column, cell and reason; nothing written (exit 1).
cat >"$WORK/bad.csv" <<'CSV'
Title,Owner,Likelihood,Impact,Raised
Good one,Ann,L,M,2026-01-01
Reversed,Ann,H/L,M,2026-01-01
Unknown scale value,Ann,Very high,M,2026-01-01
No owner on a high risk,,H,H,2026-01-01
CSV
run 1 "$CLI" import risks "$WS" "$WORK/bad.csv" --register "Young Carers re-tender" --rejects "$WORK/rejected.csv"
out_has "rejected: 3"
# the rejected rows, to put right and import again: the header and cells as read, then the problem
head -1 "$WORK/rejected.csv" | grep -qF "Title,Owner,Likelihood,Impact,Raised,Problem" || fail "rejects header: $(cat "$WORK/rejected.csv")"
[ "$(wc -l <"$WORK/rejected.csv")" -eq 4 ] || fail "rejects: $(cat "$WORK/rejected.csv")"
grep -qF "Reversed,Ann,H/L,M,2026-01-01,\"Line 3: " "$WORK/rejected.csv" || fail "rejects: $(cat "$WORK/rejected.csv")"
! grep -qF "Good one" "$WORK/rejected.csv" || fail "a good row in the rejects: $(cat "$WORK/rejected.csv")"
out_has "Rejected: line 3, Likelihood “H/L”: “H/L” is a reversed range"
out_has "Rejected: line 4, Likelihood “Very high”: “Very high” is not a likelihood on a Low / Medium / High scale"
out_has "Rejected: line 5, Owner “”: Risk “No owner on a high risk” is rated high, so it needs an owner"
out_has "Nothing was written"
run 0 "$CLI" export risks "$WS" --csv - --register "Young Carers re-tender"
[ "$(wc -l <"$WORK/out")" -eq 4 ] || fail "a rejected import wrote rows: $(cat "$WORK/out")"
run 0 "$CLI" import risks "$WS" "$WORK/bad.csv" --register "Young Carers re-tender" --accept-good
out_has "Imported 1 new and 0 updated risks"

# Likelihood 6 on a 5 x 5 register, with columns mapped by hand.
printf 'Risk,Chance,Harm,Who\nSix,6,3,Sam\nFine,2,3,Sam\n' >"$WORK/five.csv"
run 1 "$CLI" import risks "$WS" "$WORK/five.csv" --register "Five" --scale 5x5 \
  --map 'Chance=inherent-likelihood' --map 'Harm=Inherent impact' --map 'Who=owner'
out_has "Rejected: line 2, Chance “6”: 6 is not a likelihood on a 5 x 5 scale: use 1 to 5."

# Whole-file and usage problems: exit 2.
run 2 "$CLI" import risks "$WS" "$WORK/yc.csv" --register "Young Carers re-tender" --scale 5x5
err_has "uses the Low / Medium / High scale, not 5 x 5"
run 2 "$CLI" import risks "$WS" "$WORK/yc.csv" --register "X" --scale 7x7
err_has "--scale is"
run 2 "$CLI" import risks "$WS" "$WORK/yc.csv"
err_has "--register NAME"
run 2 "$CLI" import risks "$WS" "$WORK/five.csv" --register "X" --map 'Chance=chance'
err_has "does not name a risk field"
run 2 "$CLI" export risks "$WS" --csv - --register "No such register"
err_has "There is no risk register called “No such register”."

# The demo's registers, exported and reported.
DEMO="$WORK/demo.commissioner"
run 0 "$CLI" demo "$DEMO"
run 0 "$CLI" export risks "$DEMO" --csv "$WORK/all.csv"
out_has "Wrote 25 risks to"
run 0 "$CLI" export risks "$DEMO" --csv - --register "Early Help Programme 2026-27"
[ "$(tr -d '\r' <"$WORK/out" | grep -c ',Yes$')" -eq 5 ] || fail "the programme register should list 5 rolled-up risks: $(cat "$WORK/out")"
[ "$(tr -d '\r' <"$WORK/out" | grep -c ',No$')" -eq 15 ] || fail "the programme register should list its 15 risks"
run 0 "$CLI" report risks "$DEMO" --register "Early Help Programme 2026-27" --pdf "$WORK/risks.pdf"
out_has "Wrote “Risk register: Early Help Programme 2026-27” ("
head -c 5 "$WORK/risks.pdf" | grep -q '%PDF-' || fail "risks.pdf is not a PDF"
if command -v pdftotext >/dev/null; then
  pdftotext -layout "$WORK/risks.pdf" - >"$WORK/risks.txt"
  grep -q "Heat maps of the open risks" "$WORK/risks.txt" || fail "no heat maps heading"
  grep -q "Inherent (20 open risks)" "$WORK/risks.txt" || fail "no inherent map title"
  grep -q "Recruitment of family support workers" "$WORK/risks.txt" || fail "a risk is missing"
  grep -q "(overdue)" "$WORK/risks.txt" || fail "no overdue review shown"
fi
run 2 "$CLI" report risks "$DEMO" --pdf "$WORK/none.pdf"
err_has "--register NAME"
[ ! -e "$WORK/none.pdf" ] || fail "a failed report wrote a file"
run 2 "$CLI" report risks "$DEMO" --register "Nope" --pdf "$WORK/none.pdf"
err_has "There is no risk register called “Nope”."
echo "ok"
