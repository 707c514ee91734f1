#!/usr/bin/env bash
# Set up Counsel on Debian/Ubuntu: the system libraries Qt needs, then a virtualenv in .venv.
#   bash scripts/setup.sh          the app
#   bash scripts/setup.sh --test   the app and its test tools
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
          libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 libxrandr2 libcups2
          libpulse0)
# Read-aloud speaks through speech-dispatcher with espeak-ng (not needed for the tests).
[ "${1:-}" = "--test" ] || PACKAGES+=(speech-dispatcher espeak-ng)
# The tests print through a real CUPS to its PDF printer, drive the real app on an X server
# and check the acknowledgement's file structure with qpdf.
[ "${1:-}" != "--test" ] || PACKAGES+=(cups printer-driver-cups-pdf xvfb openbox xdotool imagemagick
                                          qpdf)
python3 -m venv --help >/dev/null 2>&1 || PACKAGES+=(python3-venv)
# CI validates the desktop entry and the AppStream metainfo (packaging/linux).
[ "${1:-}" != "--test" ] || PACKAGES+=(desktop-file-utils appstream)
# The store's tests run on both engines: each run starts its own throwaway PostgreSQL server
# from these binaries (tests/postgres_server.py), on 127.0.0.1, and stops it at the end.
[ "${1:-}" != "--test" ] || PACKAGES+=(postgresql)
missing=()
for package in "${PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    as_root=""
    [ "$(id -u)" -eq 0 ] || as_root="sudo"
    $as_root apt-get update -qq
    $as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--test" ]; then
    .venv/bin/python -m pip install -q -e ".[test]"
else
    .venv/bin/python -m pip install -q -e .
fi
# The interface translations, compiled from resources/translations/*.ts (a wheel gets them
# compiled when it is built); run this again after editing a .ts file.
.venv/bin/python setup.py translations
# Bytecode now rather than at every start (an editable install writes none where it is off).
.venv/bin/python -m compileall -q counsel
