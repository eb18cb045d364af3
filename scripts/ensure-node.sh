#!/usr/bin/env bash
# npm is only needed to fetch Leaflet.markercluster; use the machine's Node.js when there is one.
set -euo pipefail
command -v npm >/dev/null 2>&1 && exit 0
exec "$(dirname "$0")/ensure-debs.sh" nodejs npm
