#!/usr/bin/env bash
# Set up everything the project needs on a Debian machine: system packages (when we may install
# them), a virtual environment in .venv, and the edition package with its test tools.
# Sourced by main.sh and test.sh; safe to run again (it skips what is already there).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Debian packages: venv for Python, Pango for WeasyPrint, poppler for reading PDFs back,
# Chromium for the browser tests, jing for the official TEI schema, book fonts for print.
DEB_PACKAGES=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 poppler-utils chromium jing
              fonts-ebgaramond fonts-ebgaramond-extra fonts-linuxlibertine fonts-dejavu-core)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "setup: cannot install Debian packages (not root, no sudo): ${missing[*]}" >&2
    echo "setup: ask an administrator to run: apt-get install ${missing[*]}" >&2
    echo "setup: going on; tests that need them will be skipped and say why." >&2
  else
    echo "setup: installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.setup-stamp
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip 2>/dev/null || true
  .venv/bin/python -m pip install -q -e ".[test]" 2>&1 | grep -v "pypi-more" || true
  .venv/bin/python -c "import edition, lxml, saxonche, click" 
  echo "$want" > "$stamp"
fi
