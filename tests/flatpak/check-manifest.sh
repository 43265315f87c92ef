#!/usr/bin/env bash
# The Flatpak manifest parses (offline, flatpak-builder --show-manifest) and builds this app
# with meson from this source tree.
set -eu
manifest=$1
shown=$(flatpak-builder --show-manifest "$manifest")
fail() { echo "FAIL: $*" >&2; exit 1; }
grep -q '"id" : "uk.org.commissioner.Commissioner"' <<<"$shown" || fail "app id"
grep -q '"runtime" : "org.gnome.Platform"' <<<"$shown" || fail "GNOME runtime"
grep -q '"command" : "commissioner"' <<<"$shown" || fail "command"
grep -q '"buildsystem" : "meson"' <<<"$shown" || fail "meson build"
echo "manifest OK"
