#!/bin/bash
# cli-export-publishing.sh: "export transparency FILE --csv OUT" and "export ocds FILE --json OUT"
# - columns, threshold, warnings on stderr, --strict, stdout, bad options, nothing half-written.
# $1 is the commissioner-cli to test; the environment is the test environment (COMMISSIONER_TODAY).
set -eu

source "$(dirname "$0")/common.sh"

HEADER='Reference number,Title of agreement,Department responsible,Description of goods and/or services,Supplier name,Supplier registration number,SME,VCSE,Sum to be paid over the length of the contract,VAT that cannot be recovered,Start date,End date,Review date,Invitation to quote or to tender'
DEMO="$WORK/demo.commissioner"

run 0 "$CLI" demo "$DEMO"

# Transparency: the Code's columns; every row over £5,000; warnings one a line on stderr
run 0 "$CLI" export transparency "$DEMO" --csv "$WORK/t.csv"
n=$(sed -nE 's/^Wrote ([0-9]+) contracts over £5,000 to .*t\.csv.*/\1/p' "$WORK/out")
[ -n "$n" ] || fail "export said: $(cat "$WORK/out")"
[ "$(head -1 "$WORK/t.csv")" = "$HEADER"$'\r' ] || fail "header is: $(head -1 "$WORK/t.csv")"
[ "$(wc -l < "$WORK/t.csv")" -eq $((n + 1)) ] || fail "$(wc -l < "$WORK/t.csv") lines for $n contracts"
[ -s "$WORK/err" ] || fail "the demo misses descriptions, but no warning was printed"
grep -vq '^warning: [A-Z0-9-]* “.*”: no ' "$WORK/err" && fail "odd warning lines: $(cat "$WORK/err")"
python3 - "$WORK/t.csv" <<'PY' || fail "the CSV content is wrong"
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert all(len(r) == 14 for r in rows), [len(r) for r in rows if len(r) != 14]
for r in rows[1:]:
    assert float(r[8]) > 5000 and re.fullmatch(r'\d+\.\d\d', r[8]), r[8]
    assert re.fullmatch(r'\d+\.\d\d', r[9]), r[9]
    assert r[6] in ('Yes', 'No') and r[7] in ('Yes', 'No'), r[6:8]
    assert r[13] in ('ITT', 'ITQ', 'Neither', ''), r[13]
    assert re.fullmatch(r'\d{4}-\d\d-\d\d', r[10]) and re.fullmatch(r'\d{4}-\d\d-\d\d', r[11]), r[10:12]
refs = [r[0] for r in rows[1:]]
assert refs == sorted(refs, key=str.lower)
PY

# --threshold: a higher one gives fewer rows; "£5,000" is the default; a bad amount is refused
run 0 "$CLI" export transparency "$DEMO" --csv "$WORK/t2.csv" --threshold £5,000
cmp -s "$WORK/t.csv" "$WORK/t2.csv" || fail "--threshold £5,000 differs from the default"
run 0 "$CLI" export transparency "$DEMO" --csv "$WORK/t3.csv" --threshold '£1,000,000'
grep -q "over £1,000,000 to" "$WORK/out" || fail "export said: $(cat "$WORK/out")"
[ "$(wc -l < "$WORK/t3.csv")" -lt "$(wc -l < "$WORK/t.csv")" ] || fail "a higher threshold kept as many rows"
run 2 "$CLI" export transparency "$DEMO" --csv "$WORK/t4.csv" --threshold '£5,00'
grep -q "^commissioner-cli: --threshold: " "$WORK/err" || fail "bad threshold said: $(cat "$WORK/err")"
[ ! -e "$WORK/t4.csv" ] || fail "a CSV was written with a bad threshold"

# --strict: exit 1 when something is missing, the file still written
run 1 "$CLI" export transparency "$DEMO" --csv "$WORK/t5.csv" --strict
cmp -s "$WORK/t.csv" "$WORK/t5.csv" || fail "--strict wrote something else"
# ... and 0 when nothing over the threshold misses anything
run 0 "$CLI" export transparency "$DEMO" --csv "$WORK/t6.csv" --strict --threshold '£900,000,000'
[ ! -s "$WORK/err" ] || fail "warnings with nothing exported: $(cat "$WORK/err")"
[ "$(cat "$WORK/t6.csv")" = "$HEADER"$'\r' ] || fail "expected just the header"

# "-" writes the CSV to stdout, warnings still on stderr
"$CLI" export transparency "$DEMO" --csv - > "$WORK/stdout.csv" 2>/dev/null
cmp -s "$WORK/stdout.csv" "$WORK/t.csv" || fail "--csv - differs from the file"

# No --csv, or a folder that does not exist: exit 2, nothing written
run 2 "$CLI" export transparency "$DEMO"
run 2 "$CLI" export transparency "$DEMO" --csv "$WORK/no-such-folder/x.csv"
grep -q "^commissioner-cli: .*x.csv: " "$WORK/err" || fail "bad OUT said: $(cat "$WORK/err")"

# OCDS: needs a prefix and an authority (the demo sets neither)
run 2 "$CLI" export ocds "$DEMO" --json "$WORK/o.json"
grep -q "OCID prefix" "$WORK/err" || fail "no prefix said: $(cat "$WORK/err")"
[ ! -e "$WORK/o.json" ] || fail "a JSON file was written without a prefix"
run 2 "$CLI" export ocds "$DEMO" --json "$WORK/o.json" --ocid-prefix ocds-abc
grep -q "is not an OCID prefix" "$WORK/err" || fail "bad prefix said: $(cat "$WORK/err")"
run 2 "$CLI" export ocds "$DEMO" --json "$WORK/o.json" --ocid-prefix ocds-abc123
grep -q "authority name" "$WORK/err" || fail "no authority said: $(cat "$WORK/err")"

run 0 "$CLI" export ocds "$DEMO" --json "$WORK/o.json" --ocid-prefix ocds-abc123 --authority "Riverside County Council"
grep -q "^Wrote [0-9]* contracts to .*o.json" "$WORK/out" || fail "export said: $(cat "$WORK/out")"
python3 - "$WORK/o.json" <<'PY' || fail "the OCDS JSON is wrong"
import json, sys
p = json.load(open(sys.argv[1], encoding='utf-8'))
assert p['version'] == '1.1' and p['publisher']['name'] == 'Riverside County Council'
rs = p['releases']
assert len(rs) > 40
assert all(r['ocid'].startswith('ocds-abc123-') for r in rs)
schemes = {party.get('identifier', {}).get('scheme') for r in rs for party in r['parties']}
assert {'GB-COH', 'GB-CHC'} <= schemes, schemes
PY
"$CLI" export ocds "$DEMO" --json - --ocid-prefix ocds-abc123 --authority "Riverside" > "$WORK/stdout.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/stdout.json" || fail "--json - is not JSON"

# An unknown kind is refused
run 2 "$CLI" export budgets "$DEMO" --csv "$WORK/b.csv"

echo "ok: export transparency and ocds"
