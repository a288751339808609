#!/usr/bin/env bash
# Regenerates docs/images/report.html (the HTML report of samples/lambda-console.log) and its screenshots
# with headless Chromium (Debian package `chromium`): docs/images/report.png (the whole forest) and
# docs/images/report-zoomed.png (zoomed into http.client, as a click on its bar does).
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
shoot() { # URL SIZE PNG
  # A throwaway profile and no background traffic: the page is self-contained and must render offline.
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --window-size="$2" --screenshot="$PWD/$3" "$1" 2>/dev/null
}
page="file://$PWD/docs/images/report.html"
shoot "$page" 1400,1000 docs/images/report.png
# The page keeps its zoom in the address (#icicle=module/module), so a link opens the zoomed view.
shoot "$page#icicle=lambda_runtime_client/http.client" 1400,640 docs/images/report-zoomed.png
echo "wrote docs/images/report.html, docs/images/report.png and docs/images/report-zoomed.png"
