"""Cut Asia out of Natural Earth's 1:50m countries (npm's world-atlas) for the portal's maps.

Reads the TopoJSON, keeps each country's rings inside the stored extent (clipped to it), thins
them to 0.02° (about 2 km, finer than any map the portal draws) and writes JSON that
``portal.core.maps`` reads: ``[{"id": "156", "iso": "CN", "name": "China", "rings": [...]}]``.
Run by `make static`: python scripts/build_map.py <countries-50m.json> <output>
"""

import json
import sys
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal.core.geometry import clip_ring, decode_topojson, thin
from portal.core.maps import STORED_EXTENT

TOLERANCE = 0.02


def iso_alpha_2(numeric):
    """ISO 3166-1 alpha-2 of a numeric code ("156" -> "CN"); "" for shapes without one (Kosovo…)."""
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_2 if country else ""


def main(source, output):
    topology = json.loads(Path(source).read_text())
    countries = []
    for numeric, name, rings in decode_topojson(topology):
        kept = []
        for ring in rings:
            ring = thin(clip_ring(ring, *STORED_EXTENT), TOLERANCE)
            if ring:
                kept.append([[round(lon, 3), round(lat, 3)] for lon, lat in ring])
        if kept:
            countries.append({"id": numeric or "", "iso": iso_alpha_2(numeric), "name": name, "rings": kept})
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(json.dumps(countries, separators=(",", ":")))
    points = sum(len(ring) for country in countries for ring in country["rings"])
    print(f"{output}: {len(countries)} countries, {points} points")


if __name__ == "__main__":
    main(*sys.argv[1:])
