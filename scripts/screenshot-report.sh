#!/usr/bin/env bash
# Regenerates docs/images/report.html (the HTML report of samples/lambda-console.log) and its
# screenshot docs/images/report.png with headless Chromium (Debian package `chromium`).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "screenshot-report.sh: chromium not found; install it with: apt-get update && apt-get install -y chromium" >&2
  exit 2
fi

mkdir -p docs/images
dotnet run --project src/ColdStartCli -- report samples/lambda-console.log --handler app.handler --format html --output docs/images/report.html

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# A throwaway profile and no background traffic: the page is self-contained and must render offline.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$profile" --window-size=1400,1000 \
  --screenshot="$PWD/docs/images/report.png" "file://$PWD/docs/images/report.html" 2>/dev/null
echo "wrote docs/images/report.html and docs/images/report.png"
