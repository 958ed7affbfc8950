#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium; Playwright never downloads a browser of its own.
# Installs it when missing (CI and developers run as root on Debian).
set -euo pipefail
# pdftoppm (poppler-utils) renders exported PDFs to PNG so tests can look at them.
if [ -x /usr/bin/chromium ] && command -v pdftoppm >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium or pdftoppm is missing: install Debian's 'chromium' and 'poppler-utils' packages" >&2
  exit 1
fi
echo "Installing Debian's chromium and poppler-utils for the end-to-end tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-dejavu-core fonts-noto-color-emoji poppler-utils >/dev/null
