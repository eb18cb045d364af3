#!/usr/bin/env bash
# Copies third-party browser files from node_modules into static/vendor (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
src=node_modules/leaflet.markercluster
dest=static/vendor/leaflet.markercluster
mkdir -p "$dest"
cp "$src/dist/leaflet.markercluster.js" "$src/dist/MarkerCluster.css" \
   "$src/dist/MarkerCluster.Default.css" "$src/MIT-LICENCE.txt" "$dest/"
