#!/bin/sh
# Browser tests drive the system Chromium (Playwright cannot download its own
# build on these machines). Install Debian's package when we can; otherwise say
# exactly what is missing, and fail: a browser test is never skipped.
set -e
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's 'chromium' package..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && exit 0
fi
echo "Chromium is required for the browser tests and is not installed." >&2
echo "Install it with:  sudo apt-get install chromium   (Debian/Ubuntu)" >&2
echo "or put a 'chromium' binary on the PATH." >&2
exit 1
