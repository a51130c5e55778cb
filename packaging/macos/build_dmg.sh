#!/bin/sh
# chatapp.app (from packaging/chatapp.spec, run on macOS) into a drag-to-Applications .dmg.
# macOS only (hdiutil); .github/workflows/release.yml runs it. The app is not signed or
# notarized: that needs an Apple Developer ID, so Gatekeeper asks the user to confirm
# the first launch (right-click > Open).
#   sh packaging/macos/build_dmg.sh build/pyinstaller/dist/chatapp.app VERSION dist
set -eu
app=$1
version=$2
out=$3
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/chatapp.app"
ln -s /Applications "$stage/Applications"
mkdir -p "$out"
hdiutil create -volname chatapp -srcfolder "$stage" -fs HFS+ -format UDZO -ov \
  "$out/chatapp-$version-macos-$(uname -m).dmg"
