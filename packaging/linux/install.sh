#!/usr/bin/env bash
# Install Counsel's desktop entry, AppStream metainfo and icon under PREFIX (default: the
# current user's ~/.local), so desktops list Counsel with its icon. The `counsel` command
# itself comes from installing the wheel (pip install counsel-*.whl).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${1:-$HOME/.local}"
install -Dm644 "$here/org.counsel.Counsel.desktop" "$prefix/share/applications/org.counsel.Counsel.desktop"
install -Dm644 "$here/org.counsel.Counsel.metainfo.xml" "$prefix/share/metainfo/org.counsel.Counsel.metainfo.xml"
install -Dm644 "$here/../../resources/icons/counsel.svg" "$prefix/share/icons/hicolor/scalable/apps/org.counsel.Counsel.svg"
