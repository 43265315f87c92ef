#!/usr/bin/env bash
# Every source or UI file with translatable strings is listed in po/POTFILES.in, and every
# listed file exists, so no user-visible string escapes translation.
set -eu
top=$1
cd "$top"
status=0
listed=$(grep -v -E '^\s*(#|$)' po/POTFILES.in | sort -u)
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done
candidates=$( { grep -l -E '\b(_|N_|C_|NC_)\s*\(' src/*/*.c 2>/dev/null || true;
                grep -l 'translatable="yes"' ui/*.ui 2>/dev/null || true; } | sort -u)
for f in $candidates; do
  grep -qx "$f" <<<"$listed" || { echo "$f has translatable strings but is not in po/POTFILES.in"; status=1; }
done
[ $status -eq 0 ] && echo "POTFILES.in complete ($(wc -w <<<"$listed") files)"
exit $status
