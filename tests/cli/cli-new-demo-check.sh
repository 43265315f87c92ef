#!/bin/bash
# cli-new-demo-check.sh: "new", "demo" and "check" as a user runs them - exit codes and output.
# $1 is the commissioner-cli to test; the environment is the test environment (COMMISSIONER_TODAY).
set -eu

source "$(dirname "$0")/common.sh"

# --version, --help, and --help of each command
run 0 "$CLI" --version
grep -Eqx 'commissioner-cli [0-9]+\.[0-9]+\.[0-9]+' "$WORK/out" || fail "--version printed: $(cat "$WORK/out")"
run 0 "$CLI" --help
cp "$WORK/out" "$WORK/help"
for command in new demo export check; do
  grep -Eq "^  $command +[A-Z]" "$WORK/help" || fail "--help does not list $command"
  run 0 "$CLI" "$command" --help
  grep -q "Usage:" "$WORK/out" || fail "$command --help has no usage"
  grep -q "commissioner-cli $command" "$WORK/out" || fail "$command --help does not name the command"
done
run 2 "$CLI"
grep -q "Usage: commissioner-cli COMMAND" "$WORK/err" || fail "no usage on stderr without a command"

# new: an empty workspace, private to its owner, that checks clean
run 0 "$CLI" new "$WORK/empty.commissioner"
[ -f "$WORK/empty.commissioner" ] || fail "new made no file"
[ "$(stat -c %a "$WORK/empty.commissioner")" = 600 ] || fail "new made a file with mode $(stat -c %a "$WORK/empty.commissioner")"
grep -q "empty.commissioner" "$WORK/out" || fail "new did not say what it created"
run 0 "$CLI" check "$WORK/empty.commissioner"
[ "$(cat "$WORK/out")" = "OK: 0 contracts, 0 providers" ] || fail "check of an empty workspace printed: $(cat "$WORK/out")"
[ ! -s "$WORK/err" ] || fail "check wrote to stderr: $(cat "$WORK/err")"

# demo: about 60 contracts and 40 providers, and check agrees
run 0 "$CLI" demo "$WORK/demo.commissioner"
grep -Eq '^Created the demo workspace .*demo\.commissioner.*: [0-9]+ contracts, [0-9]+ providers\.$' "$WORK/out" \
  || fail "demo printed: $(cat "$WORK/out")"
run 0 "$CLI" check "$WORK/demo.commissioner"
line=$(cat "$WORK/out")
[[ "$line" =~ ^OK:\ ([0-9]+)\ contracts,\ ([0-9]+)\ providers$ ]] || fail "check of the demo printed: $line"
contracts=${BASH_REMATCH[1]}
providers=${BASH_REMATCH[2]}
[ "$contracts" -ge 55 ] && [ "$contracts" -le 65 ] || fail "the demo has $contracts contracts"
[ "$providers" -ge 36 ] && [ "$providers" -le 44 ] || fail "the demo has $providers providers"
grep -q "$contracts contracts, $providers providers" <(head -1 "$WORK/out") || fail "counts differ"

# demo and new never overwrite: refused with a message, the file untouched
before=$(sha256sum < "$WORK/demo.commissioner")
run 2 "$CLI" demo "$WORK/demo.commissioner"
grep -q "^commissioner-cli: .*demo.commissioner: .*already exists" "$WORK/err" || fail "demo over a file said: $(cat "$WORK/err")"
run 2 "$CLI" new "$WORK/demo.commissioner"
grep -q "already exists" "$WORK/err" || fail "new over a file said: $(cat "$WORK/err")"
[ "$(sha256sum < "$WORK/demo.commissioner")" = "$before" ] || fail "refusing changed the file"

# check finds problems: exit 1, one problem a line, naming the contract
cp "$WORK/demo.commissioner" "$WORK/broken.commissioner"
for trigger in $(sqlite3 "$WORK/broken.commissioner" \
                   "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'funding_lines'"); do
  sqlite3 "$WORK/broken.commissioner" "DROP TRIGGER \"$trigger\""  # the audit triggers need the app's SQL function
done
sqlite3 "$WORK/broken.commissioner" \
  "DELETE FROM funding_lines WHERE contract_id = (SELECT id FROM contracts WHERE reference = 'CYP-FS-001')"
run 1 "$CLI" check "$WORK/broken.commissioner"
grep -q "CYP-FS-001" "$WORK/out" || fail "check did not name the contract without funding: $(cat "$WORK/out")"
grep -q "^OK" "$WORK/out" && fail "check said OK on a broken workspace"
[ "$(wc -l < "$WORK/out")" -ge 1 ] || fail "check printed no problem"

echo "ok: new, demo and check"
