#!/bin/bash
# cli-bad-input.sh: missing files, files that are not workspaces, a workspace from a newer version,
# existing targets and wrong usage: each exits 2 with a message, and no file is changed.
# $1 is the commissioner-cli to test; the environment is the test environment.
set -eu

source "$(dirname "$0")/common.sh"

# expect_message PATTERN: stderr is one "commissioner-cli: what: message" line matching PATTERN
expect_message () {
  grep -Eq "^commissioner-cli: [^:]+: .*$1" "$WORK/err" || fail "expected a message like '$1', got: $(cat "$WORK/err")"
  [ ! -s "$WORK/out" ] || fail "wrote to stdout on error: $(cat "$WORK/out")"
}

# untouched PATH HASH: the file is byte for byte what it was, with no SQLite side files
untouched () {
  [ "$(sha256sum < "$1")" = "$2" ] || fail "$1 was changed"
  [ ! -e "$1-wal" ] && [ ! -e "$1-shm" ] && [ ! -e "$1-journal" ] || fail "side files left beside $1"
}

# A file that is not there: not created by looking at it
for command in "check" "export contracts"; do
  extra=()
  [ "$command" = "check" ] || extra=(--csv "$WORK/x.csv")
  # shellcheck disable=SC2086
  run 2 "$CLI" $command "$WORK/missing.commissioner" "${extra[@]}"
  expect_message "missing.commissioner"
  [ ! -e "$WORK/missing.commissioner" ] || fail "$command created the missing file"
  [ ! -e "$WORK/x.csv" ] || fail "$command wrote a CSV for a missing workspace"
done

# A text file: refused as not a workspace, left as it was
printf 'Reference,Title\nCYP-1,Young carers\n' > "$WORK/notes.txt"
hash=$(sha256sum < "$WORK/notes.txt")
run 2 "$CLI" check "$WORK/notes.txt"
expect_message "not a Commissioner workspace"
untouched "$WORK/notes.txt" "$hash"
run 2 "$CLI" export contracts "$WORK/notes.txt" --csv "$WORK/x.csv"
expect_message "not a Commissioner workspace"
untouched "$WORK/notes.txt" "$hash"
[ ! -e "$WORK/x.csv" ] || fail "export wrote a CSV for a text file"

# A folder
mkdir "$WORK/folder.commissioner"
run 2 "$CLI" check "$WORK/folder.commissioner"
expect_message "folder"

# A workspace from a newer Commissioner: refused, unchanged
run 0 "$CLI" new "$WORK/newer.commissioner"
sqlite3 "$WORK/newer.commissioner" "PRAGMA user_version = 999"
hash=$(sha256sum < "$WORK/newer.commissioner")
run 2 "$CLI" check "$WORK/newer.commissioner"
expect_message "newer"
untouched "$WORK/newer.commissioner" "$hash"
run 2 "$CLI" export contracts "$WORK/newer.commissioner" --csv -
expect_message "newer"
untouched "$WORK/newer.commissioner" "$hash"

# new and demo never overwrite anything, not even a text file
for command in new demo; do
  run 2 "$CLI" "$command" "$WORK/notes.txt"
  expect_message "already exists"
  untouched "$WORK/notes.txt" "$(sha256sum < "$WORK/notes.txt")"
  [ "$(sha256sum < "$WORK/notes.txt")" = "$(printf 'Reference,Title\nCYP-1,Young carers\n' | sha256sum)" ] \
    || fail "$command changed notes.txt"
done
run 2 "$CLI" demo "$WORK/no-such-folder/demo.commissioner"
[ -s "$WORK/err" ] || fail "no message for a missing folder"
[ ! -e "$WORK/no-such-folder" ] || fail "demo created a folder"

# Wrong usage
run 2 "$CLI" frobnicate
expect_message "no such command"
run 2 "$CLI" new
expect_message "missing argument"
run 2 "$CLI" check "$WORK/a" "$WORK/b"
expect_message "too many arguments"
run 2 "$CLI" check --no-such-option "$WORK/newer.commissioner"
expect_message "no-such-option"
run 2 "$CLI" export contracts "$WORK/newer.commissioner"
expect_message "--csv"
run 2 "$CLI" export providers "$WORK/newer.commissioner" --csv -
expect_message "contracts"

echo "ok: bad input"
