#!/usr/bin/env bash
# Vendor the dashboard's JavaScript libraries and basemap into redshank/serve/static/vendor/.
#
# The dashboard of `redshank serve` works offline: it loads these files from the package,
# never from a CDN, and the product downloads nothing. This script is how the files got
# there; run it again (it replaces them) to check them or to move to other versions.
# Needs npm (it runs `npm pack`, which fetches each package's tarball from the registry).
#
#   scripts/vendor_dashboard.sh
#
# The versions are pinned below; vendor/README.md lists them with their licences.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(leaflet@1.9.4 d3@7.9.2 topojson-client@3.1.0 world-atlas@2.0.2)
VENDOR=redshank/serve/static/vendor

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "${PACKAGES[@]}" >/dev/null)
for tarball in "$WORK"/*.tgz; do
    name=$(basename "$tarball" .tgz)
    mkdir -p "$WORK/$name"
    tar xzf "$tarball" -C "$WORK/$name"
done

# copy PACKAGE FILE... : the package's LICENSE and the named files (paths inside the tarball,
# copied without their leading dist/)
copy() {
    local package=$1
    shift
    local source
    source=$(echo "$WORK"/"$package"-[0-9]*/package)
    rm -rf "${VENDOR:?}/$package"
    mkdir -p "$VENDOR/$package"
    cp "$source/LICENSE" "$VENDOR/$package/LICENSE"
    for file in "$@"; do
        local target=$VENDOR/$package/${file#dist/}
        mkdir -p "$(dirname "$target")"
        cp "$source/$file" "$target"
    done
}
copy leaflet dist/leaflet.js dist/leaflet.css dist/images/layers.png dist/images/layers-2x.png \
    dist/images/marker-icon.png dist/images/marker-icon-2x.png dist/images/marker-shadow.png
copy d3 dist/d3.min.js
copy topojson-client dist/topojson-client.min.js
copy world-atlas countries-110m.json
echo "vendored ${PACKAGES[*]} into $VENDOR"
