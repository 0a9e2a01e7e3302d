# Converts world-atlas 2.0.2's countries-110m.json (TopoJSON; ISC, geometry from Natural Earth, public domain) into
# src/Omvarld.Web/SeedData/Reference/world-110m.json: ISO 3166-1 numeric id -> SVG path in an equirectangular projection
# (x = longitude + 180, y = 90 - latitude, one unit a degree; Antarctica left out, so the map is 360 x 150).
# Run once when the geometry changes:  cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
#   python3 tools/world_map.py /tmp/package/countries-110m.json
import json, os, sys

src = sys.argv[1] if len(sys.argv) > 1 else "/tmp/package/countries-110m.json"
topo = json.load(open(src, encoding="utf-8"))
sx, sy = topo["transform"]["scale"]
tx, ty = topo["transform"]["translate"]

arcs = []
for arc in topo["arcs"]:  # delta-encoded, quantized
    x = y = 0
    points = []
    for dx, dy in arc:
        x += dx; y += dy
        points.append((x * sx + tx, y * sy + ty))
    arcs.append(points)

def ring(indexes):
    points = []
    for i in indexes:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(a if not points else a[1:])
    return points

def path(polygons):
    out = []
    for polygon in polygons:
        for r in polygon:
            pts, last = [], None
            for lon, lat in ring(r):
                p = (round(lon + 180, 1), round(90 - lat, 1))
                if p != last: pts.append(p); last = p
            if len(pts) < 3: continue
            out.append("M" + "L".join(f"{x:g} {y:g}" for x, y in pts) + "Z")
    return "".join(out)

result = {}
for g in topo["objects"]["countries"]["geometries"]:
    gid = g.get("id")
    if gid is None or gid == "010":  # no code (a few disputed areas), Antarctica
        continue
    polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
    result[gid] = path(polygons)

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "src", "Omvarld.Web", "SeedData", "Reference", "world-110m.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(dict(sorted(result.items())), f, separators=(",", ":"))
print(f"{len(result)} countries written to {os.path.normpath(out)}")
