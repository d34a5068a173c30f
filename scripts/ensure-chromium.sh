#!/bin/sh
# Browser tests drive the system Chromium (Playwright cannot download its own
# build on these machines), printed cards need real fonts, and the W3C Nu HTML
# Checker (vnu.jar, from the pinned vnu-jar npm package in tests/vnu) needs Java. Install
# Debian's packages when we can; otherwise say exactly what is missing, and
# fail: a browser test is never skipped. With "print" (make build), only what
# printing the PDFs needs: Chromium and a font. The tests also read the PDFs'
# QR codes with zbarimg (zbar-tools).
set -e
PACKAGES=""
command -v chromium >/dev/null 2>&1 || PACKAGES="chromium"
if [ "$1" != "print" ]; then
  # The reproducibility test builds "on another day" under libfaketime.
  command -v faketime >/dev/null 2>&1 || PACKAGES="$PACKAGES faketime"
  command -v java >/dev/null 2>&1 || PACKAGES="$PACKAGES default-jre-headless"
  command -v zbarimg >/dev/null 2>&1 || PACKAGES="$PACKAGES zbar-tools"
fi
if ! { command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi "liberation\|dejavu"; }; then
  PACKAGES="$PACKAGES fonts-liberation fonts-dejavu-core"
fi
[ -z "$PACKAGES" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing what the browser tests need:$PACKAGES"
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
  command -v chromium >/dev/null 2>&1 || { echo "Chromium did not install" >&2; exit 1; }
  [ "$1" = "print" ] && exit 0
  command -v faketime >/dev/null 2>&1 && command -v java >/dev/null 2>&1 && \
    command -v zbarimg >/dev/null 2>&1 && exit 0
fi
if [ "$1" = "print" ]; then
  echo "Printing the PDFs needs Chromium and a font, and these are missing:$PACKAGES" >&2
else
  echo "The tests need Chromium, a font, faketime, Java and zbarimg, and these are missing:$PACKAGES" >&2
fi
echo "Install them with:  sudo apt-get install$PACKAGES   (Debian/Ubuntu)" >&2
exit 1
