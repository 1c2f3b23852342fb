#!/usr/bin/env bash
# What the browser tests (pytest -m browser, tests/test_html.py) need on a fresh Debian machine, as root:
# Debian's own chromium and one font. Playwright itself comes from PyPI through the `test` extra; it
# drives /usr/bin/chromium and never downloads a browser (do not run `playwright install`).
# --no-install-recommends: chromium's recommends (upower, udev, mesa, and through them systemd, avahi,
# cups helpers) are for a desktop session; headless tests need only its dependencies.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    echo "browser-deps: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
