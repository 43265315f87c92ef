# common.sh: the prologue every CLI test script shares, sourced after `set -eu`:
#   source "$(dirname "$0")/common.sh"
# $1 (of the script) is the commissioner-cli to test. Sets CLI and WORK (a scratch folder removed,
# read-only parts and all, when the script exits) and defines fail and run.

CLI=$1
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK"; rm -rf "$WORK"' EXIT

fail () { echo "FAIL: $*" >&2; exit 1; }

# run STATUS COMMAND...: runs COMMAND with its output in $WORK/out and $WORK/err, and fails
# unless it exits with STATUS.
run () {
  local want=$1 got
  shift
  set +e
  "$@" >"$WORK/out" 2>"$WORK/err"
  got=$?
  set -e
  [ "$got" -eq "$want" ] || fail "'$*' exited $got, expected $want. stdout: $(cat "$WORK/out") stderr: $(cat "$WORK/err")"
}
