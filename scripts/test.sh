#!/usr/bin/env bash
# Install what the tests need (a venv, Python packages, Debian's chromium and nginx) and run them.
#
#   bash scripts/test.sh                 # the full suite (what CI runs): ruff, then the tests in two parts
#   bash scripts/test.sh --quick         # the quick tier: unit tests, one smoke AppTest per page, few hostile links
#   bash scripts/test.sh [pytest args]   # the full suite, with these arguments passed to both parts
#
# The full suite runs in two pytest invocations: everything not marked `serial` in parallel
# (pytest-xdist, -n 2), then the `serial` tests (browser, load, memory) one at a time. It fails
# when either part fails. HOSTILE_EXAMPLES sets how many generated links each page gets on top
# of the pinned hard cases (default 60; 500 for a long hunt).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
if [ "${1:-}" = "--quick" ]; then
  quick=1
  shift
fi

if [ "$quick" = 0 ]; then
  missing=""
  command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
.venv/bin/ruff check .

pytest=(.venv/bin/python -m pytest)
workers=(-n "${TEST_WORKERS:-2}")

if [ "$quick" = 1 ]; then
  # no browser, no server, no page tests beyond the smoke test: a couple of minutes on 2 cores
  HOSTILE_EXAMPLES="${HOSTILE_EXAMPLES:-10}" "${pytest[@]}" "${workers[@]}" -m "not serial" \
    --ignore-glob='*/test_page_*.py' "$@"
  exit $?
fi

# pytest's exit code 5 means "no test selected". The full suite has tests in both parts, so it
# is a failure there; arguments that pick tests (-k, -m, a path, --lf) may leave one part with
# nothing to run, which is fine as long as the other ran some.
picks=0
prev=""
for a in "$@"; do
  case "$prev" in -p | -o | -W | -n | -c | --rootdir | --basetemp | --durations) prev=""; continue ;; esac
  case "$a" in
    -k* | -m* | --deselect* | --lf | --last-failed | --sw | --stepwise) picks=1 ;;
    -*) ;;
    *) picks=1 ;;
  esac
  prev="$a"
done

parallel=0
"${pytest[@]}" "${workers[@]}" -m "not serial" "$@" || parallel=$?
serial=0
"${pytest[@]}" -m serial "$@" || serial=$?

if [ "$picks" = 1 ]; then
  if [ "$parallel" = 5 ] && [ "$serial" != 5 ]; then parallel=0; fi
  if [ "$serial" = 5 ] && [ "$parallel" != 5 ]; then serial=0; fi
fi
echo "scripts/test.sh: parallel part exit $parallel, serial part exit $serial"
[ "$parallel" = 0 ] && [ "$serial" = 0 ]
