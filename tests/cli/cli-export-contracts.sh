#!/bin/bash
# cli-export-contracts.sh: "export contracts FILE --csv OUT" - rows, columns, stdout, BOM, replacing.
# $1 is the commissioner-cli to test; the environment is the test environment (COMMISSIONER_TODAY).
set -eu

source "$(dirname "$0")/common.sh"

HEADER='Reference,Title,Provider,Service area,Annual value,Total value,Start,End,Status,RAG,RAG date,Next monitoring due,Monitoring overdue,Lead commissioner,Procurement route,Geography'

run 0 "$CLI" demo "$WORK/demo.commissioner"
run 0 "$CLI" check "$WORK/demo.commissioner"
contracts=$(sed -E 's/^OK: ([0-9]+) contracts.*/\1/' "$WORK/out")

mkdir "$WORK/out-dir"
run 0 "$CLI" export contracts "$WORK/demo.commissioner" --csv "$WORK/out-dir/contracts.csv"
grep -q "^Wrote $contracts contracts to .*contracts.csv" "$WORK/out" || fail "export said: $(cat "$WORK/out")"
csv="$WORK/out-dir/contracts.csv"

# One line per contract after the header, CRLF line ends, the header exactly as documented
[ "$(wc -l < "$csv")" -eq $((contracts + 1)) ] || fail "$(wc -l < "$csv") lines for $contracts contracts"
[ "$(head -1 "$csv")" = "$HEADER"$'\r' ] || fail "header is: $(head -1 "$csv")"
[ "$(grep -c $'\r$' "$csv")" -eq $((contracts + 1)) ] || fail "not every line ends in CRLF"

# Every row has 16 cells; references sorted and unique; money plain; dates ISO; labels not codes
python3 - "$csv" "$contracts" <<'PY' || fail "the CSV content is wrong"
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
header, body = rows[0], rows[1:]
assert len(body) == int(sys.argv[2]), len(body)
assert all(len(r) == 16 for r in rows), [len(r) for r in rows if len(r) != 16]
refs = [r[0] for r in body]
assert refs == sorted(refs, key=str.lower) and len(set(refs)) == len(refs)
for r in body:
    assert re.fullmatch(r'\d+\.\d\d', r[4]) and re.fullmatch(r'\d+\.\d\d', r[5]), r[4:6]
    assert float(r[5]) >= float(r[4]) > 0, r
    for cell in (r[6], r[7]):
        assert re.fullmatch(r'\d{4}-\d\d-\d\d', cell), cell
    # monitoring ends with the contract: no next meeting once expired or terminated
    if r[8] in ('Expired', 'Terminated'):
        assert r[11] == '', r
    else:
        assert re.fullmatch(r'\d{4}-\d\d-\d\d', r[11]), r
    assert r[9] in ('Green', 'Amber', 'Red', 'Not rated'), r[9]
    assert r[12] in ('Yes', 'No'), r[12]
statuses = {r[8] for r in body}
assert {'Active', 'Planned', 'Procuring', 'Extended', 'Expired', 'Terminated'} <= statuses, statuses
assert any(s.startswith('In notice') for s in statuses), statuses
assert 'Young Carers and Affected Others' in {r[1] for r in body}
PY

# "-" writes the same to standard output
"$CLI" export contracts "$WORK/demo.commissioner" --csv - > "$WORK/stdout.csv"
cmp -s "$WORK/stdout.csv" "$csv" || fail "--csv - differs from the file"

# --bom starts with the UTF-8 byte order mark, then the same bytes
run 0 "$CLI" export contracts "$WORK/demo.commissioner" --csv "$WORK/bom.csv" --bom
[ "$(head -c 3 "$WORK/bom.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || fail "no BOM"
cmp -s <(tail -c +4 "$WORK/bom.csv") "$csv" || fail "the BOM export differs after the BOM"

# Exporting again replaces the file in one go, leaving no temporary file
echo "old" > "$csv"
run 0 "$CLI" export contracts "$WORK/demo.commissioner" --csv "$csv"
cmp -s "$WORK/stdout.csv" "$csv" || fail "the old file was not replaced"
[ "$(ls "$WORK/out-dir" | wc -l)" -eq 1 ] || fail "left behind: $(ls "$WORK/out-dir")"

# An empty workspace gives just the header
run 0 "$CLI" new "$WORK/empty.commissioner"
run 0 "$CLI" export contracts "$WORK/empty.commissioner" --csv "$WORK/empty.csv"
[ "$(cat "$WORK/empty.csv")" = "$HEADER"$'\r' ] || fail "empty export is: $(cat "$WORK/empty.csv")"

# A folder that does not exist: exit 2 and a message, nothing written
run 2 "$CLI" export contracts "$WORK/demo.commissioner" --csv "$WORK/no-such-folder/x.csv"
grep -q "^commissioner-cli: .*x.csv: " "$WORK/err" || fail "bad OUT said: $(cat "$WORK/err")"
[ ! -e "$WORK/no-such-folder" ] || fail "a folder was created"

echo "ok: export contracts"
