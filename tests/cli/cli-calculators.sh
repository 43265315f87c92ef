#!/bin/bash
# cli-calculators.sh: "allocate TOTAL ..." and "unit-cost TOTAL NAME=COUNT..." - the outputs
# (the DOMAIN.md unit-cost example line by line, the Plymouth system elements), and each error
# with its exit code and a message quoting the argument.
# $1 is the commissioner-cli to test.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
SAMPLE="$HERE/../../data/samples/plymouth_system_elements_2015.csv"
source "$HERE/common.sh"

out_line () { grep -qxF -- "$1" "$WORK/out" || fail "stdout lacks the line '$1': $(cat "$WORK/out")"; }
out_re () { grep -qE -- "$1" "$WORK/out" || fail "stdout lacks a line like '$1': $(cat "$WORK/out")"; }
out_has () { grep -qF -- "$1" "$WORK/out" || fail "stdout lacks '$1': $(cat "$WORK/out")"; }
out_lacks () { ! grep -qF -- "$1" "$WORK/out" || fail "stdout has '$1': $(cat "$WORK/out")"; }
err_has () { grep -qF -- "$1" "$WORK/err" || fail "stderr lacks '$1': $(cat "$WORK/err")"; }

# pad NAME MIDDLE AMOUNT [MARK]: a row as the CLI prints it (name 40 wide, middle 8, amount)
row () {
  python3 -c 'import sys
n, m, a, w = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
line = n.ljust(40) + "  " + m.rjust(8) + "  " + a.rjust(w)
if len(sys.argv) > 5: line += " " + sys.argv[5]
print(line.rstrip())' "$@"
}

# ---- unit-cost: the DOMAIN.md example ----
run 0 "$CLI" unit-cost '£90,000' 'Cohort A=202' 'Cohort B=361' 'Cohort C=1' 'Cohort D=321' --unit incident
[ ! -s "$WORK/err" ] || fail "unit-cost wrote to stderr: $(cat "$WORK/err")"
out_line "$(row 'Cost' '' '£90,000.00' 10)"
out_line "$(row 'Activity' '885' '' 10)"
out_line "$(row 'Cost per incident' '' '£101.69' 10)"
out_line "      rounded to the penny: exactly £90,000.00 ÷ 885 = £101.694915…"
out_line "$(row '  Cohort A' '202' '£20,542.37' 10)"
out_line "      202 × £90,000.00 ÷ 885 = £20,542.372881…"
out_line "$(row '  Cohort B' '361' '£36,711.86' 10)"
out_line "$(row '  Cohort C' '1' '£101.70' 10 '*')"
out_line "      1 × £90,000.00 ÷ 885 = £101.694915…"
out_line "$(row '  Cohort D' '321' '£32,644.07' 10 '*')"
out_line "$(row 'Shares in all' '885' '£90,000.00' 10)"
out_line "Rounding each share on its own would give £89,999.99, £0.01 short."
out_line "* a penny moved here so the lines add up to the total"
# the shares on the cohort lines add up to the cost exactly
sum=$(grep '^  Cohort' "$WORK/out" | sed 's/.*£\([0-9,.]*\).*/\1/; s/[,.]//g' | awk '{ s += $1 } END { printf "%.0f", s }')
[ "$sum" -eq 9000000 ] || fail "the shares add up to $sum pence"

# whole pence: nothing rounded, no penny moved
run 0 "$CLI" unit-cost 1000 Families=4 Others=6
out_line "$(row 'Cost per unit' '' '£100.00' 9)"
out_lacks "rounded to the penny"
out_lacks "a penny moved"

# ---- allocate: a worked budget ----
run 0 "$CLI" allocate '£1,000.01' --commit 'Existing contract=0.01' --fixed 'Ring-fenced=£100' \
  'Family support=33.333%' 'Adolescents=33.333%' 'Young carers=33.334%' --remainder 'Community chest'
out_line "$(row 'Total budget' '' '£1,000.01' 9)"
out_line "$(row '  Existing contract' '' '£0.01' 9)"
out_line "$(row 'Available' '' '£1,000.00' 9)"
out_line "$(row '  Ring-fenced' '' '£100.00' 9)"
out_line "$(row 'Remainder after fixed allocations' '' '£900.00' 9)"
# exact shares £299.997, £299.997, £300.006: rounded down to £899.98, two pennies move
out_line "$(row '  Family support' '33.333%' '£300.00' 9 '*')"
out_line "$(row '  Adolescents' '33.333%' '£300.00' 9 '*')"
out_line "$(row '  Young carers' '33.334%' '£300.00' 9)"
out_line "$(row 'Percentages in all' '100%' '£900.00' 9)"
out_line "$(row 'Community chest' '' '£0.00' 9)"
out_line "$(row 'Lines in all' '' '£1,000.01' 9)"
out_line "The lines add up to the total exactly (split by the largest-remainder method)."
out_line "* a penny moved here so the lines add up to the total"

# percentages short of 100: the gap is reported and left unallocated, not an error
run 0 "$CLI" allocate 10 A=33.333% B=33.333%
out_line "$(row 'Unallocated' '' '£3.34' 6 '*')"
out_has "The percentages total 66.666%, not 100%: 33.334% of the remainder (£3.34) is left unallocated."

# ---- the Plymouth system elements (total £27,150,102) ----
args=()
while IFS=$'\t' read -r name amount; do
  args+=(--fixed "$name=$amount")
done < <(python3 -c 'import csv,sys
for n, a in list(csv.reader(open(sys.argv[1])))[1:]: print(n + "\t" + a)' "$SAMPLE")
[ ${#args[@]} -eq 10 ] || fail "read ${#args[@]} arguments from the sample"
run 0 "$CLI" allocate '£27,150,102' "${args[@]}"
# the names are wider than 40 characters, so the columns widen: match the rows loosely
out_re '^Total budget +£27,150,102\.00$'
out_re '^  Children with specific health, SEN or disability +£6,865,572\.00$'
out_re '^  Early childhood development +£8,931,663\.00$'
out_re '^Fixed in all +£27,150,102\.00$'
out_re '^Unallocated +£0\.00$'
out_re '^Lines in all +£27,150,102\.00$'
# the same elements as percentages (to three decimals) of the total
run 0 "$CLI" allocate '£27,150,102' 'Specific needs=25.287%' 'Early childhood=32.897%' 'Parent support=1.195%' \
  'Vulnerable=8.054%' 'Edge of care=32.567%' --remainder 'Community chest'
out_line "$(row '  Early childhood' '32.897%' '£8,931,569.05' 14)"
out_line "$(row 'Percentages in all' '100%' '£27,150,102.00' 14)"
out_line "$(row 'Lines in all' '' '£27,150,102.00' 14)"
sum=$(grep -E '^  ' "$WORK/out" | sed 's/.*£\([0-9,.]*\).*/\1/; s/[,.]//g' | awk '{ s += $1 } END { printf "%.0f", s }')
[ "$sum" -eq 2715010200 ] || fail "the Plymouth lines add up to $sum pence"

# ---- bad input: exit 2, the argument quoted ----
run 2 "$CLI" allocate 100 'A=101%';                  err_has '“A=101%”: “101%” is over 100%'
run 2 "$CLI" allocate 100 'A=-5%';                   err_has '“A=-5%”: “-5%” has a sign'
run 2 "$CLI" allocate 100 'A=12.3456%';              err_has 'more than three decimals'
run 2 "$CLI" allocate 1.234 'A=5%';                  err_has '“1.234”'; err_has 'more than two decimal places'
run 2 "$CLI" allocate 100 --fixed 'X=1.005' 'A=5%';  err_has '“X=1.005”'; err_has 'more than two decimal places'
run 2 "$CLI" allocate 100 A;                         err_has '“A”: write it as NAME=PERCENT%'
run 2 "$CLI" allocate 100 A=60% B=41%;               err_has 'add up to 101%; they must not total more than 100%'
run 2 "$CLI" allocate 100 --commit 'Old=200' 'A=5%'; err_has 'commitments (£200.00) are more than the total budget (£100.00)'
run 2 "$CLI" allocate 100 --commit 'Old=50' --fixed 'Ring=50.01' A=5%
err_has 'fixed allocations (£50.01) are more than is available after commitments (£50.00)'
run 2 "$CLI" allocate 100 A=50% a=50%;               err_has '“a” is used twice'
run 2 "$CLI" allocate 100 A=50% --remainder a;       err_has '“A” is used twice'
run 2 "$CLI" allocate -- -100 A=50%;                 err_has '“-100”: the total must not be negative'
run 2 "$CLI" allocate;                               err_has 'missing argument'
run 2 "$CLI" allocate 100 --bogus;                   err_has 'Unknown option --bogus'
run 2 "$CLI" unit-cost 100 A=x;                      err_has '“A=x”: the count must be a whole number'
run 2 "$CLI" unit-cost 100 A=-1;                     err_has '“A=-1”'
run 2 "$CLI" unit-cost 100 A=0 B=0;                  err_has 'no activity'
run 2 "$CLI" unit-cost 100 A=1 a=2;                  err_has '“a” is used twice'
run 2 "$CLI" unit-cost 100;                          err_has 'no cohorts'
run 2 "$CLI" unit-cost 'ten pounds' A=1;             err_has '“ten pounds”'
[ ! -s "$WORK/out" ] || fail "a failed command printed: $(cat "$WORK/out")"

# the commands are listed
run 0 "$CLI" --help
out_has allocate
out_has unit-cost
echo "all calculator checks passed"
