#!/usr/bin/env bash
# Node.js and npm fetch Leaflet.markercluster and ESLint and run the front end's unit tests (node --test);
# use the machine's Node.js when there is one (ESLint 9 needs 18.18 or newer: Debian 12 has 18.20).
set -euo pipefail
command -v npm >/dev/null 2>&1 && exit 0
exec "$(dirname "$0")/ensure-debs.sh" nodejs npm
