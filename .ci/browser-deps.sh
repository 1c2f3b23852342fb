#!/usr/bin/env bash
# What the browser tests (pytest -m browser, tests/test_html.py) need on a fresh Debian machine, as root:
# Debian's own chromium. Playwright itself comes from PyPI through the `test` extra; it drives
# /usr/bin/chromium and never downloads a browser (do not run `playwright install`).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    echo "browser-deps: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium fonts-dejavu-core
/usr/bin/chromium --version
