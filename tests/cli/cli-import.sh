#!/bin/bash
# cli-import.sh: "import contracts FILE IN.csv" - every flag and exit code.
# $1 is the commissioner-cli to test; COMM_TEST_SRCDIR points at tests/.
set -eu

source "$(dirname "$0")/common.sh"
DATA=${COMM_TEST_SRCDIR:-$(dirname "$0")/..}/data/import

has () { grep -qF -- "$1" "$WORK/out" || fail "output lacks '$1': $(cat "$WORK/out")"; }
contracts () { sqlite3 "$WS" 'SELECT count(*) FROM contracts'; }
audit () { sqlite3 "$WS" 'SELECT count(*) FROM audit_log'; }

WS="$WORK/ws.commissioner"
run 0 "$CLI" new "$WS"

# Rejected rows: report, nothing written, exit 1 - with or without --dry-run
run 1 "$CLI" import contracts "$WS" "$DATA/mixed.csv"
has "Read as UTF-8, separated by comma."
has "New: 3, updated: 0, unchanged: 0, rejected: 4, flagged: 1"
has "Rejected: line 4, Contract value (£) “£143,00”: “£143,00” is not an amount of money"
has "Flagged: line 5, Supplier “УMCA Devon”: The provider’s name mixes Latin letters"
has "Rejected: line 6, Contract ref “fs-001”: The reference “fs-001” is already used on line 2"
has "Rejected: line 7: This line has 3 cells but the header has 8."
has "Rejected: line 8, Start “31/02/2026”: “31/02/2026” is not a real date."
has "Nothing was written"
[ "$(contracts)" -eq 0 ] || fail "rows were written despite rejections"
before=$(audit)
run 0 "$CLI" import contracts "$WS" "$DATA/mixed.csv" --dry-run --accept-good --save-preset never
has "Dry run: nothing was written."
[ "$(contracts)" -eq 0 ] && [ "$(audit)" -eq "$before" ] || fail "--dry-run wrote something"

# --rejects writes the rejected rows with a Problem column (even when nothing is imported)
run 1 "$CLI" import contracts "$WS" "$DATA/mixed.csv" --rejects "$WORK/rejects.csv"
head -1 "$WORK/rejects.csv" | grep -q ',Problem' || fail "rejects header: $(head -1 "$WORK/rejects.csv")"
[ "$(wc -l < "$WORK/rejects.csv")" -eq 5 ] || fail "rejects file has $(wc -l < "$WORK/rejects.csv") lines"
grep -q '^FS-003,Bad money,.*Line 4: ' "$WORK/rejects.csv" || fail "rejects file lacks FS-003"

# --accept-good imports the good rows; the same file again changes nothing
run 0 "$CLI" import contracts "$WS" "$DATA/mixed.csv" --accept-good
has "Imported 3 new and 0 updated contracts."
[ "$(contracts)" -eq 3 ] || fail "$(contracts) contracts after --accept-good"
before=$(audit)
run 0 "$CLI" import contracts "$WS" "$DATA/mixed.csv" --accept-good
has "New: 0, updated: 0, unchanged: 3, rejected: 4, flagged: 1"
[ "$(audit)" -eq "$before" ] || fail "re-importing an unchanged file wrote audit rows"

# --map, --skip-lines, --separator, --date-format, --encoding, --save-preset, --preset
printf 'Register\nCode|Name|Who|Money|From|To\n' > "$WORK/odd.csv"
printf 'P-1|Parenting|Home-Start|"£1,000"|01/04/2026|31/03/2027\n' >> "$WORK/odd.csv"
sed -i 's/|/;/g' "$WORK/odd.csv"
run 2 "$CLI" import contracts "$WS" "$WORK/odd.csv" --skip-lines 1
grep -q "holds the contract reference" "$WORK/err" || fail "no reference column: $(cat "$WORK/err")"
run 0 "$CLI" import contracts "$WS" "$WORK/odd.csv" --skip-lines 1 --separator ';' --date-format dmy \
  --encoding utf-8 --map 'Code=reference' --map 'Name=title' --map 'Who=provider' --map 'Money=value' \
  --map 'From=start-date' --map 'To=end-date' --save-preset "Odd file"
has "New: 1, updated: 0"
[ "$(sqlite3 "$WS" "SELECT start_date FROM contracts WHERE reference = 'P-1'")" = 2026-04-01 ] || fail "P-1 not imported"
sqlite3 "$WS" "SELECT value FROM settings WHERE key = 'import-preset:Odd file'" | grep -q '^map.reference=Code$' \
  || fail "preset not saved"
sed -i 's/Parenting/Parenting programme/' "$WORK/odd.csv"
run 0 "$CLI" import contracts "$WS" "$WORK/odd.csv" --preset "Odd file"
has "New: 0, updated: 1, unchanged: 0"
[ "$(sqlite3 "$WS" "SELECT title FROM contracts WHERE reference = 'P-1'")" = "Parenting programme" ] || fail "update"
run 2 "$CLI" import contracts "$WS" "$WORK/odd.csv" --preset "No such preset"
grep -q "no import preset called" "$WORK/err" || fail "missing preset: $(cat "$WORK/err")"
run 1 "$CLI" import contracts "$WS" "$WORK/odd.csv" --preset "Odd file" --date-format iso
has "Rejected: line 3, From “01/04/2026”"
run 2 "$CLI" import contracts "$WS" "$WORK/odd.csv" --preset "Odd file" --encoding latin-9
run 2 "$CLI" import contracts "$WS" "$WORK/odd.csv" --preset "Odd file" --map 'Code'
run 2 "$CLI" import contracts "$WS" "$WORK/odd.csv" --skip-lines -5

# Windows-1252 is detected and said
run 0 "$CLI" import contracts "$WS" "$DATA/windows-1252.csv"
has "Read as Windows-1252, separated by semicolon."
[ "$(sqlite3 "$WS" "SELECT title FROM contracts WHERE reference = 'W-001'")" = "Café drop-in" ] || fail "1252"

# Whole-file problems exit 2 and write nothing
n=$(contracts)
for f in empty.csv header-only.csv unbalanced-quote.csv truncated.csv binary.xlsx.csv; do
  run 2 "$CLI" import contracts "$WS" "$DATA/$f" --accept-good
  [ -s "$WORK/err" ] || fail "$f: no message"
done
truncate -s 201M "$WORK/huge.csv"
run 2 "$CLI" import contracts "$WS" "$WORK/huge.csv"
grep -q "200 MB" "$WORK/err" || fail "huge file: $(cat "$WORK/err")"
run 2 "$CLI" import contracts "$WS" "$WORK/missing.csv"
[ "$(contracts)" -eq "$n" ] || fail "a bad file wrote rows"

# Usage errors
run 2 "$CLI" import providers "$WS" "$DATA/mixed.csv"
run 2 "$CLI" import contracts "$WS"
run 2 "$CLI" import contracts "$WORK/nope.commissioner" "$DATA/mixed.csv"
run 0 "$CLI" import --help
has "--accept-good"
echo "OK"
