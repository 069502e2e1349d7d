"""The maps' geometry: reading TopoJSON, clipping, simplifying, fitting a view, writing paths."""

import json

import pytest

from portal.core import maps
from portal.core.geometry import clip_ring, decode_topojson, ring_area, simplify


def test_topojson_arcs_are_decoded_and_joined_into_rings():
    # Two squares sharing their middle edge, arc 1, which the first walks backwards (~1 = -2).
    topology = {
        "transform": {"scale": [1, 1], "translate": [100, 10]},
        "arcs": [[[1, 0], [-1, 0], [0, 1], [1, 0]], [[1, 0], [0, 1]], [[1, 1], [1, 0], [0, -1], [-1, 0]]],
        "objects": {
            "countries": {
                "geometries": [
                    {"type": "Polygon", "id": "156", "properties": {"name": "West"}, "arcs": [[0, -2]]},
                    {"type": "MultiPolygon", "id": "392", "properties": {"name": "East"}, "arcs": [[[2, 1]]]},
                ]
            }
        },
    }
    (west_id, west_name, west), (east_id, _name, east) = decode_topojson(topology)
    assert (west_id, west_name, east_id) == ("156", "West", "392")
    assert west == [[(101, 10), (100, 10), (100, 11), (101, 11), (101, 10)]]
    assert east == [[(101, 11), (102, 11), (102, 10), (101, 10), (101, 11)]]


def test_a_ring_is_clipped_to_the_rectangle():
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    clipped = clip_ring(square, 5, -5, 20, 5)
    assert ring_area(clipped) == 25
    assert clip_ring(square, 20, 20, 30, 30) == []


def test_simplify_keeps_the_corners_and_drops_the_noise():
    wobbly_edge = [(x, 0.01 * (x % 2)) for x in range(11)]
    ring = [*wobbly_edge, (10, 10), (0, 10)]
    assert simplify(ring, 0.5) == [(0, 0), (10, 0), (10, 10), (0, 10)]


@pytest.mark.parametrize("extent", [(102, 8, 110, 23), (60, 30, 150, 35), maps.ASIA])
def test_a_view_keeps_an_aspect_that_reads_on_phones_and_desktops(extent):
    fitted = maps.fit(extent)
    height = maps.Projection(fitted).height
    assert maps.MIN_ASPECT * maps.WIDTH - 2 <= height <= maps.MAX_ASPECT * maps.WIDTH + 2
    west, south, east, north = fitted
    assert west <= extent[0] and south <= extent[1] and east >= extent[2] and north >= extent[3]


def test_a_view_grows_to_hold_its_markers():
    marker = maps.Marker(140, 36, "Tokyo", "Tokyo", "/tokyo/", maps.Symbol("circle", "#000"))
    west, _south, east, _north = maps.fit((100, 20, 120, 40), [marker])
    assert west < 100 and east > 140


def test_paths_are_relative_whole_units():
    assert maps.path_data([(10.2, 20.7), (13.4, 20.6), (13.4, 25.1)]) == "M10 21l3 0 0 4Z"


def test_a_point_is_in_asia_or_not():
    assert maps.in_asia(106.55, 29.56)  # Chongqing
    assert not maps.in_asia(11.34, 44.49)  # Bologna
    assert not maps.in_asia(-106.55, 29.56)  # a longitude's sign forgotten


def test_the_built_geometry_holds_the_countries_the_portal_names(settings):
    """`make static` built it from Natural Earth (scripts/build_map.py); the maps zoom on these."""
    with open(settings.PORTAL_MAP_GEOMETRY, encoding="utf-8") as geometry:
        countries = {country["iso"]: country for country in json.load(geometry)}
    for iso in ("CN", "JP", "KR", "IN", "VN"):
        assert countries[iso]["rings"], iso
    west, south, east, north = maps.country_extent({"JP"})
    assert 122 < west < 131 and 24 < south < 32 and 145 < east < 150 and 44 < north < 46.5


def test_a_missing_geometry_is_reported_before_serving(settings, tmp_path):
    from portal.core.checks import map_geometry_is_built

    assert map_geometry_is_built(None) == []
    settings.PORTAL_MAP_GEOMETRY = tmp_path / "absent.json"
    (error,) = map_geometry_is_built(None)
    assert error.id == "portal.E001" and "make static" in error.hint
