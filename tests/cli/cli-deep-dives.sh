#!/bin/bash
# cli-deep-dives.sh: the Deep Dive outputs of the CLI on the demo workspace - "report deep-dive
# FILE --id REF [--year Y]", "report deep-dive-schedule FILE [--year Y]" (PDFs read back with
# pdftotext), "export deep-dive-schedule FILE [--year Y] --csv OUT" and "export actions FILE --csv
# OUT" (the CSVs checked against each other and the PDFs), and bad input with its exit code and
# message. $1 is the commissioner-cli to test; the test environment sets COMMISSIONER_TODAY
# (2026-11-23, in the financial year 2026-27).
set -eu

source "$(dirname "$0")/common.sh"

err_has () { grep -q -- "$1" "$WORK/err" || fail "stderr lacks '$1': $(cat "$WORK/err")"; }
out_has () { grep -q -- "$1" "$WORK/out" || fail "stdout lacks '$1': $(cat "$WORK/out")"; }

# csv_field FILE COLUMN [FILTER_COLUMN VALUE]: the values of COLUMN (a header name) in the rows of
# the CSV FILE, one a line, optionally only rows whose FILTER_COLUMN is VALUE (python3's csv reader,
# as cells may hold commas, quotes and line breaks).
csv_field () {
  python3 - "$@" <<'EOF'
import csv, signal, sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quietly stop when the reader (head) has enough
path, column = sys.argv[1], sys.argv[2]
with open(path, newline='', encoding='utf-8-sig') as f:
    rows = list(csv.DictReader(f))
for row in rows:
    if len(sys.argv) > 4 and row[sys.argv[3]] != sys.argv[4]:
        continue
    print(row[column])
EOF
}

DEMO="$WORK/demo.commissioner"
run 0 "$CLI" demo "$DEMO"

have_pdftotext=1
command -v pdftotext >/dev/null || have_pdftotext=0
command -v python3 >/dev/null || fail "python3 is needed to read the CSVs"

# Both reports are listed
run 0 "$CLI" report --list
grep -qx 'deep-dive' "$WORK/out" || fail "--list lacks deep-dive: $(cat "$WORK/out")"
grep -qx 'deep-dive-schedule' "$WORK/out" || fail "--list lacks deep-dive-schedule: $(cat "$WORK/out")"

# ---- The schedule as CSV: the current year by default, the same as --year 2026-27 ----
run 0 "$CLI" export deep-dive-schedule "$DEMO" --csv "$WORK/schedule.csv"
out_has '^Wrote the 2026-27 Deep Dive schedule ([0-9]* contracts) to “'
n_rows=$(sed -n 's/^Wrote the 2026-27 Deep Dive schedule (\([0-9]*\) contracts).*/\1/p' "$WORK/out")
run 0 "$CLI" export deep-dive-schedule "$DEMO" --year 2026/27 --csv "$WORK/schedule-year.csv"
cmp -s "$WORK/schedule.csv" "$WORK/schedule-year.csv" || fail "--year 2026/27 gave another schedule"
run 0 "$CLI" export deep-dive-schedule "$DEMO" --csv -
cmp -s "$WORK/schedule.csv" "$WORK/out" || fail "the schedule on stdout differs from the file"

header=$(head -n 1 "$WORK/schedule.csv")
[ "$header" = $'Reference,Title,Provider,Service area,Financial year,Scheduled date,Lead reviewer,Provider contact,Status,Started on,Areas judged,Areas in checklist,Open actions,Overdue actions,Overall grade,Signed off on\r' ] \
  || fail "schedule header: $header"
[ "$(csv_field "$WORK/schedule.csv" Reference | wc -l)" -eq "$n_rows" ] || fail "the schedule has not $n_rows rows"
[ "$n_rows" -ge 40 ] || fail "the demo's schedule has only $n_rows contracts"
csv_field "$WORK/schedule.csv" 'Financial year' | grep -qvx '2026-27' && fail "a schedule row is not for 2026-27"
statuses=$(csv_field "$WORK/schedule.csv" Status | sort | uniq -c)
echo "$statuses" | grep -qvE '^ *[0-9]+ (Overdue|No Deep Dive|Pending|Scheduled|In progress|Complete)$' \
  && fail "unknown statuses: $statuses"
complete=$(csv_field "$WORK/schedule.csv" Reference Status Complete | head -n 1)
open=$(csv_field "$WORK/schedule.csv" Reference Status Scheduled | head -n 1)
[ -n "$open" ] || open=$(csv_field "$WORK/schedule.csv" Reference Status 'In progress' | head -n 1)
none=$(csv_field "$WORK/schedule.csv" Reference Status 'No Deep Dive' | head -n 1)
[ -n "$complete" ] || fail "the demo has no complete Deep Dive this year: $statuses"
[ -n "$open" ] || fail "the demo has no scheduled or in-progress Deep Dive this year: $statuses"
ls "$WORK" | grep -q 'tmp-' && fail "a temporary file was left: $(ls "$WORK")"

# ---- Every action as CSV: outstanding first (overdue ones first), then those done ----
run 0 "$CLI" export actions "$DEMO" --csv "$WORK/actions.csv"
out_has '^Wrote [0-9]* actions to “'
n_actions=$(sed -n 's/^Wrote \([0-9]*\) actions.*/\1/p' "$WORK/out")
header=$(head -n 1 "$WORK/actions.csv")
[ "$header" = $'Reference,Title,Provider,Financial year,Area number,Area,Action,Owner,Due,Done,Done on,Overdue,Deep Dive signed off\r' ] \
  || fail "actions header: $header"
[ "$(csv_field "$WORK/actions.csv" Action | wc -l)" -eq "$n_actions" ] || fail "the actions CSV has not $n_actions rows"
[ "$n_actions" -gt 0 ] || fail "the demo has no Deep Dive actions"
order=$(python3 - "$WORK/actions.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.DictReader(f))
# 0 overdue, 1 outstanding, 2 done: never decreasing
ranks = [2 if r['Done'] == 'Yes' else (0 if r['Overdue'] == 'Yes' else 1) for r in rows]
print('ok' if ranks == sorted(ranks) else 'bad %s' % ranks)
EOF
)
[ "$order" = ok ] || fail "actions are not overdue, outstanding, done in that order: $order"
run 0 "$CLI" export actions "$DEMO" --csv "$WORK/actions-bom.csv" --bom
head -c 3 "$WORK/actions-bom.csv" | od -An -tx1 | grep -q 'ef bb bf' || fail "--bom wrote no byte order mark"
# The schedule's open actions add up to the actions not done this year
open_sum=$(csv_field "$WORK/schedule.csv" 'Open actions' | awk '{ s += $1 } END { print s + 0 }')
open_year=$(csv_field "$WORK/actions.csv" Done 'Financial year' 2026-27 | grep -cx No || true)
[ "$open_sum" -eq "$open_year" ] || fail "the schedule counts $open_sum open actions, the actions CSV $open_year"

# ---- The reports ----
run 0 "$CLI" report deep-dive-schedule "$DEMO" --pdf "$WORK/schedule.pdf"
out_has '^Wrote “Deep Dive schedule 2026-27” ([0-9]* pages\?) to “'
run 0 "$CLI" report deep-dive "$DEMO" --id "$complete" --pdf "$WORK/complete.pdf"
out_has "^Wrote “$complete — "
lower=$(echo "$open" | tr '[:upper:]' '[:lower:]')
run 0 "$CLI" report deep-dive "$DEMO" --id "$lower" --year 2026-27 --pdf "$WORK/open.pdf"
head -c 5 "$WORK/open.pdf" | grep -q '%PDF-' || fail "open.pdf is not a PDF"

if [ $have_pdftotext = 1 ]; then
  pdftotext -layout "$WORK/schedule.pdf" "$WORK/schedule.txt"
  grep -q 'Deep Dive schedule 2026-27' "$WORK/schedule.txt" || fail "schedule PDF: no title"
  grep -q 'Contracts by status' "$WORK/schedule.txt" || fail "schedule PDF: no counts"
  # Each status's count in the PDF is the number of rows with it in the CSV
  for status in Overdue 'No Deep Dive' Pending Scheduled 'In progress' Complete; do
    want=$(csv_field "$WORK/schedule.csv" Status | grep -cx "$status" || true)
    got=$(sed -n "s/^ *$status  *\([0-9][0-9]*\)\( .*\)\{0,1\}\$/\1/p" "$WORK/schedule.txt" | head -n 1)
    [ "$got" = "$want" ] || fail "schedule PDF counts '$status' as '$got', the CSV has $want"
  done
  total=$(sed -n 's/^ *Total  *\([0-9][0-9]*\).*/\1/p' "$WORK/schedule.txt" | head -n 1)
  [ "$total" = "$n_rows" ] || fail "schedule PDF total '$total', the CSV has $n_rows"
  # Contracts with no Deep Dive are listed (every one of them)
  for ref in $(csv_field "$WORK/schedule.csv" Reference Status 'No Deep Dive'); do
    grep -q -- "$ref" "$WORK/schedule.txt" || fail "schedule PDF does not list $ref (no Deep Dive)"
  done
  grep -q "$complete" "$WORK/schedule.txt" || fail "schedule PDF lacks $complete"

  pdftotext -layout "$WORK/complete.pdf" "$WORK/complete.txt"
  for text in "$complete" 'Deep Dive 2026-27' 'Judgements at a glance' \
              'Quality of the direct work with children and families' 'Management oversight' \
              'Conclusion' 'Overall grade' 'Lessons learnt' 'Signed off by' 'Page 1 of'; do
    grep -q -- "$text" "$WORK/complete.txt" || fail "the complete Deep Dive's PDF lacks '$text'"
  done
  pdftotext -layout "$WORK/open.pdf" "$WORK/open.txt"
  grep -q "$open" "$WORK/open.txt" || fail "the open Deep Dive's PDF lacks $open"
  grep -q 'Not signed off' "$WORK/open.txt" || fail "the open Deep Dive's PDF does not say 'Not signed off'"
fi

# ---- Bad input: exit 2, a message that says what, no file left ----
run 2 "$CLI" report deep-dive "$DEMO" --pdf "$WORK/x.pdf"
err_has 'give its reference with --id REF'
run 2 "$CLI" report deep-dive "$DEMO" --pdf "$WORK/x.pdf" --id NO-SUCH-REF
err_has 'no contract with the reference “NO-SUCH-REF”'
if [ -n "$none" ]; then
  run 2 "$CLI" report deep-dive "$DEMO" --pdf "$WORK/x.pdf" --id "$none"
  err_has "“$none” has no Deep Dive in 2026-27"
fi
run 2 "$CLI" report deep-dive "$DEMO" --pdf "$WORK/x.pdf" --id "$complete" --year 2035-36
err_has "“$complete” has no Deep Dive in 2035-36"
run 2 "$CLI" report deep-dive "$DEMO" --pdf "$WORK/x.pdf" --id "$complete" --year 2026-28
err_has -- '--year'
run 2 "$CLI" report deep-dive-schedule "$DEMO" --pdf "$WORK/x.pdf" --year soon
err_has -- '--year'
run 2 "$CLI" report deep-dive-schedule "$DEMO" --pdf "$WORK/x.pdf" --id "$complete"
err_has 'leave the contract reference out'
[ ! -e "$WORK/x.pdf" ] || fail "a failed report left x.pdf"

run 2 "$CLI" export deep-dive-schedule "$DEMO" --year 2026-28 --csv "$WORK/x.csv"
err_has -- '--year'
run 2 "$CLI" export deep-dive-schedule "$DEMO" --year '' --csv "$WORK/x.csv"
err_has -- '--year'
run 2 "$CLI" export deep-dive-schedule "$DEMO"
err_has 'say where to write the CSV with --csv OUT'
run 2 "$CLI" export actions "$DEMO" --year 2026-27 --csv "$WORK/x.csv"
err_has 'Unknown option --year'
run 2 "$CLI" export actions "$WORK/missing.commissioner" --csv "$WORK/x.csv"
run 2 "$CLI" export actions "$DEMO" --csv "$WORK/no-such-folder/a.csv"
err_has 'no-such-folder'
run 2 "$CLI" export actions --csv "$WORK/x.csv"
err_has 'missing argument'
[ ! -e "$WORK/x.csv" ] || fail "a failed export left x.csv"
run 2 "$CLI" export nonsense "$DEMO" --csv "$WORK/x.csv"
err_has '“actions”'
err_has '“deep-dive-schedule”'

echo "cli-deep-dives: all passed"
