#!/usr/bin/env bash
# Fetch the front-end libraries from the npm registry (build time only) and copy
# their dist files into thongsuot/web/static/vendor/. The app never loads a CDN.
# Re-run after changing a version below, then commit the vendored files.
set -euo pipefail

HTMX=2.0.8
CYTOSCAPE=3.34.4
CHARTJS=4.5.1
SWAGGER_UI=5.32.0  # the API docs page (/api/v1/docs)

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/thongsuot/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() {  # fetch PKG VERSION -> unpacked into $work/PKG
  local pkg="$1" version="$2" tarball
  tarball="$(cd "$work" && npm pack --silent "$pkg@$version" 2>/dev/null | tail -n 1)"
  mkdir -p "$work/$pkg"
  tar -xzf "$work/$tarball" -C "$work/$pkg" --strip-components=1
}

fetch htmx.org "$HTMX"
fetch cytoscape "$CYTOSCAPE"
fetch chart.js "$CHARTJS"
fetch swagger-ui-dist "$SWAGGER_UI"

mkdir -p "$dest"
cp "$work/htmx.org/dist/htmx.min.js" "$dest/htmx.min.js"
cp "$work/cytoscape/dist/cytoscape.min.js" "$dest/cytoscape.min.js"
cp "$work/chart.js/dist/chart.umd.js" "$dest/chart.umd.js"
cp "$work/swagger-ui-dist/swagger-ui-bundle.js" "$dest/swagger-ui-bundle.js"
cp "$work/swagger-ui-dist/swagger-ui.css" "$dest/swagger-ui.css"
for pkg in htmx.org cytoscape chart.js swagger-ui-dist; do
  cp "$work/$pkg/LICENSE"* "$dest/LICENSE.$pkg" 2>/dev/null || true
done
cat > "$dest/VERSIONS" <<VERSIONS
htmx.org $HTMX
cytoscape $CYTOSCAPE
chart.js $CHARTJS
swagger-ui-dist $SWAGGER_UI
VERSIONS
echo "vendored into $dest:"
ls -l "$dest"
