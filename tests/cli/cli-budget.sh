#!/bin/bash
# cli-budget.sh: "export budget FILE --programme NAME --year YEAR --csv OUT" on the demo workspace
# (the base budget, a scenario, the scenarios side by side, standard output), the budget reports,
# and the bad input: unknown programme or scenario, a year typed "2026", missing options; then
# "import plan" of a published plan (Plymouth 2015-16) and its bad input.
# $1 is the commissioner-cli to test.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/common.sh"

out_has () { grep -qF -- "$1" "$WORK/out" || fail "stdout lacks '$1': $(cat "$WORK/out")"; }
err_has () { grep -qF -- "$1" "$WORK/err" || fail "stderr lacks '$1': $(cat "$WORK/err")"; }
file_has () { grep -qF -- "$2" "$1" || fail "$1 lacks '$2': $(cat "$1")"; }

DB="$WORK/demo.commissioner"
run 0 "$CLI" demo "$DB"
EHP="Early Help and Prevention"

# ---- the base budget ----
run 0 "$CLI" export budget "$DB" --programme "$EHP" --year 2026-27 --csv "$WORK/budget.csv"
out_has "Wrote “Early Help and Prevention 2026-27” ("
head -1 "$WORK/budget.csv" | grep -qF "Line,Kind,Percent,Amount,Penny moved,Published,Source,Contract,Flag" \
  || fail "header: $(head -1 "$WORK/budget.csv")"
file_has "$WORK/budget.csv" "Family support,Percentage allocation,50,"
file_has "$WORK/budget.csv" "Percentage allocations,Total,100,"
file_has "$WORK/budget.csv" "Contract’s funding lines for the year,CYP-"
# the percentage lines and what is unallocated add up to the remainder after fixed, to the penny
python3 - "$WORK/budget.csv" <<'PY' || fail "the exported budget does not add up"
import csv, sys
from decimal import Decimal
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
pct = sum(Decimal(r[3]) for r in rows[1:] if r[1] == "Percentage allocation")
tot = {r[0]: Decimal(r[3]) for r in rows if len(r) > 1 and r[1] == "Total"}
assert pct + tot["Unallocated"] == tot["Remainder after fixed"], (pct, tot)
assert tot["Total income"] - tot["Committed"] - tot["Fixed allocations"] == tot["Remainder after fixed"]
PY

# ---- a scenario, the scenarios side by side, standard output; the year as 26/27 ----
run 0 "$CLI" export budget "$DB" --programme "early help and prevention" --year 2026-27 --scenario "10% cut" --csv "$WORK/cut.csv"
file_has "$WORK/cut.csv" "Early Intervention Grant,Income,,5355000.00"
run 0 "$CLI" export budget "$DB" --programme "$EHP" --year 26/27 --scenarios --csv -
out_has "Line,Kind,Base,10% cut,10% cut difference,10% cut change %,Grant ends,Grant ends difference,Grant ends change %"
out_has "Early Intervention Grant,Income,5950000.00,5355000.00,-595000.00,-10,5950000.00,0.00,0"
out_has "Supporting Families grant,Income,925000.00,832500.00,-92500.00,-10,,,"
err_has "“26/27” read as 2026-27"

# ---- the multi-year programme from the Plymouth figures ----
run 0 "$CLI" export budget "$DB" --programme "Children and Young People’s System" --year 2015-16 --csv -
out_has "Early childhood development,Fixed allocation,,8931663.00,,8931663.00"
out_has "Total income,Total,,27150102.00"

# ---- the multi-year view: years side by side with the change on the year before ----
run 0 "$CLI" export budget "$DB" --programme "Children and Young People’s System" --years --csv "$WORK/years.csv"
out_has "year by year"
head -1 "$WORK/years.csv" | grep -qF "Line,Kind,2015-16,2016-17,2016-17 difference,2016-17 change %,2017-18," \
  || fail "years header: $(head -1 "$WORK/years.csv")"
file_has "$WORK/years.csv" "Total income,Total,27150102.00,27693104.04,543002.04,2,"
run 2 "$CLI" export budget "$DB" --programme "$EHP" --years --year 2026-27 --csv -
err_has "leave --year out"

# ---- reports ----
run 0 "$CLI" report --list
out_has "budget"
out_has "budget-scenarios"
run 0 "$CLI" report budget "$DB" --programme "$EHP" --year 2026-27 --pdf "$WORK/budget.pdf"
out_has "Wrote “Budget: Early Help and Prevention 2026-27”"
[ "$(head -c 5 "$WORK/budget.pdf")" = "%PDF-" ] || fail "budget.pdf is not a PDF"
run 0 "$CLI" report budget-scenarios "$DB" --programme "$EHP" --pdf "$WORK/scenarios.pdf"
out_has "Wrote “Budget scenarios: Early Help and Prevention 2026-27”"
run 2 "$CLI" report budget "$DB" --pdf "$WORK/x.pdf"
err_has "--programme NAME"
run 2 "$CLI" report budget "$DB" --programme "Nowhere" --pdf "$WORK/x.pdf"
err_has "There is no programme called “Nowhere”"

# ---- bad input ----
run 2 "$CLI" export budget "$DB" --programme "$EHP" --year 2026 --csv "$WORK/x.csv"
err_has "“2026” could be 2025-26 or 2026-27"
run 2 "$CLI" export budget "$DB" --programme "$EHP" --year 2026-28 --csv "$WORK/x.csv"
err_has "“2026-28” is not a financial year"
run 2 "$CLI" export budget "$DB" --programme "$EHP" --year 2030-31 --csv "$WORK/x.csv"
err_has "has no budget for 2030-31"
run 2 "$CLI" export budget "$DB" --programme "$EHP" --scenario "Nope" --csv "$WORK/x.csv"
err_has "Its scenarios are: “10% cut”, “Grant ends”"
run 2 "$CLI" export budget "$DB" --programme "Youth" --csv "$WORK/x.csv"
err_has "There is no programme called “Youth”. The programmes are:"
run 2 "$CLI" export budget "$DB" --csv "$WORK/x.csv"
err_has "--programme NAME"
run 2 "$CLI" export budget "$DB" --programme "$EHP"
err_has "--csv OUT"
run 2 "$CLI" export budget "$DB" --programme "$EHP" --scenarios --scenario "10% cut" --csv "$WORK/x.csv"
err_has "only one of"
[ ! -e "$WORK/x.csv" ] || fail "a failed export left a file"

# ---- a published plan as a new base budget, kept as published ----
PLAN="$HERE/../../data/samples/plymouth_system_elements_2015.csv"
run 0 "$CLI" import plan "$DB" "$PLAN" --programme "Plymouth system" --year 2015-16
out_has "Imported “Plymouth system 2015-16” as published:"
run 0 "$CLI" export budget "$DB" --programme "Plymouth system" --year 2015-16 --csv "$WORK/plan.csv"
file_has "$WORK/plan.csv" "Early childhood development,Fixed allocation,,8931663.00,,8931663.00"
file_has "$WORK/plan.csv" "Parent and family support,Fixed allocation,,324511.00,,324511.00"
run 2 "$CLI" import plan "$DB" "$PLAN" --programme "Plymouth system" --year 2015-16
err_has "already has a budget for 2015-16"
run 2 "$CLI" import plan "$DB" "$PLAN" --year 2015-16
err_has "--programme NAME"
run 2 "$CLI" import plan "$DB" "$PLAN" --programme "Plymouth system" --year 2015
err_has "2015"
run 2 "$CLI" import plan "$DB" "$WORK/no such plan.csv" --programme "Other" --year 2016-17
err_has "no such plan.csv"
echo "ok"
