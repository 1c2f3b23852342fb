#!/usr/bin/env bash
# What the browser tests (pytest -m browser: tests/test_html.py, tests/test_digest.py) need on a fresh
# Debian machine, as root: Debian's headless Chromium shell and one font. Playwright comes from PyPI
# through the `test` extra; it drives that binary and never downloads a browser (do not run
# `playwright install`). A machine that already has Debian's full chromium uses it instead.
# The headless shell has no GTK, and --no-install-recommends leaves out what a desktop session wants
# (upower, udev, and through them systemd, avahi and the cups helpers).
set -euo pipefail
for browser in /usr/bin/chromium-headless-shell /usr/bin/chromium; do
    if [ -x "$browser" ]; then
        echo "browser-deps: $browser already installed"
        exit 0
    fi
done
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium-headless-shell fonts-dejavu-core
/usr/bin/chromium-headless-shell --version
