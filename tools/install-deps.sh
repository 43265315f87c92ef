#!/bin/sh
# install-deps.sh: installs the Debian 12 packages Commissioner needs to build, run and test,
# but only those missing, so `make run` and `make check` work on a fresh machine.
# Usage: install-deps.sh [EXTRA-PACKAGE...]
set -eu

PACKAGES="
  gcc libc6-dev make pkg-config meson ninja-build
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev sqlite3 libcairo2-dev libpango1.0-dev
  gettext desktop-file-utils appstream python3 python3-jsonschema
  xvfb xauth dbus dbus-daemon
  adwaita-icon-theme hicolor-icon-theme librsvg2-common fonts-cantarell fonts-dejavu-core
  flatpak-builder poppler-utils
"
# Extra packages for one target only, given as arguments (make fuzz: clang-14 libclang-rt-14-dev).
PACKAGES="$PACKAGES $*"

missing=""
for p in $PACKAGES; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing="$missing $p"
done

[ -n "$missing" ] || exit 0

echo "Installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
else
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
