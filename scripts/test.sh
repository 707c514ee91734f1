#!/usr/bin/env bash
# Set up and run every test once (the README's test command; CI calls it too), in two parts at
# the same time, one per core: the test files that need no Qt in a virtualenv without PySide6
# (.venv-core: proof that the core and the PDF stand alone), the rest in .venv with
# --needs-qt-only (tests/conftest.py decides which is which). Each part writes its own log,
# printed in full at the end with a "pytest:" summary line for each.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

bash scripts/setup.sh --test
mapfile -t qt_free < <(.venv/bin/python - <<'PY'
import tomllib
with open("pyproject.toml", "rb") as file:
    project = tomllib.load(file)["project"]
for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
    if not requirement.lower().startswith(("pyside6", "pytest-qt", "ruff", "mypy", "import-")):
        print(requirement)
PY
)
runs="$(mktemp -d)"  # this run's own logs and temporary folders: no other run shares them
set -m  # the part in the background in a process group of its own, stopped if this stops
core_pid=""
trap '[ -z "$core_pid" ] || kill -- "-$core_pid" 2>/dev/null || true' EXIT
core_tests() {
    [ -x .venv-core/bin/python ] || python3 -m venv .venv-core
    .venv-core/bin/python -m pip install -q "${qt_free[@]}"
    .venv-core/bin/python -m pip install -q --no-deps -e .
    .venv-core/bin/python -c 'import importlib.util as u; assert not u.find_spec("PySide6")'
    .venv-core/bin/python -m pytest -q -p no:cacheprovider --durations=15 \
        -W ignore::pytest.PytestConfigWarning --basetemp "$runs/core" "$@"
}
core_tests "$@" >"$runs/core.log" 2>&1 &
core_pid=$!

qt_status=0
.venv/bin/python -m pytest -q -p no:cacheprovider --durations=15 --needs-qt-only \
    --basetemp "$runs/qt" "$@" >"$runs/qt.log" 2>&1 || qt_status=$?
core_status=0
wait "$core_pid" || core_status=$?
core_pid=""
echo "--- tests without Qt (.venv-core) ---"; cat "$runs/core.log"
echo "--- tests that need Qt (.venv) ---"; cat "$runs/qt.log"
echo "pytest: $(tail -n 1 "$runs/core.log") (without Qt)"
echo "pytest: $(tail -n 1 "$runs/qt.log") (with Qt)"
if ((qt_status == 0 && core_status == 0)); then
    rm -rf "$runs"  # a green run's folders (about 2 GB of stores and servers) are not kept
else
    echo "the failed run's logs and temporary folders are kept in $runs"
    exit 1
fi
