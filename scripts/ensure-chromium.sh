#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (playwright-core cannot download browsers here).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
