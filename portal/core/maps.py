"""Maps of Asia drawn on the server as SVG, from Natural Earth's countries (1:50m, npm's
world-atlas, cut by ``scripts/build_map.py`` into ``PORTAL_MAP_GEOMETRY``). No tiles, no request
at run time, no JavaScript: the template ``includes/map.html`` writes the SVG this module lays out.

The projection is equirectangular, scaled by the cosine of the view's middle latitude: straight
parallels and meridians, true proportions at the scale of a country or of Asia.
"""

import json
import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import pairwise

from django.utils.formats import number_format

from .geometry import bounds, clip_ring, ring_area, simplify, thin

# What build_map.py keeps (west, south, east, north), and what "the map of Asia" shows: a partner
# whose coordinates fall outside ASIA is not on the maps, and its editors are told so.
STORED_EXTENT = (15.0, -15.0, 170.0, 65.0)
ASIA = (25.0, -11.0, 150.0, 56.0)
WIDTH = 1000  # the SVG's own units across; it is drawn at the width of its column
MIN_ASPECT, MAX_ASPECT = 0.5, 0.9  # height / width, so a map reads at 390 px and fits at 1,280
MARGIN = 0.08  # of the span, around a country
TOLERANCE = 1.5  # units: coastline detail finer than this is not drawn
SMALLEST_ISLAND = 6  # square units: smaller rings are not drawn
# A point is drawn this big, in the SVG's units; around it a transparent target takes the taps and
# clicks. The smallest map is about 296 px wide (a 320 px screen): there a target of 41 units is
# 24 px across, WCAG 2.2's minimum (2.5.8), and no two targets overlap (points are kept 82 apart).
MARKER_RADIUS = 16
TARGET_RADIUS = 41
MIN_SEPARATION = 2 * TARGET_RADIUS
LABEL_SIZE = 38  # the room a name takes: phones draw it this big (the stylesheet), wide screens at 26


@dataclass(frozen=True)
class Symbol:
    """How a kind of point is drawn: a shape (circle, square or diamond) and a colour, each of
    which tells the kinds apart on its own (in grey print, or for a visitor who cannot see colour)."""

    shape: str
    colour: str


@dataclass(frozen=True)
class Marker:
    """A point on a map; ``label`` is its accessible name, ``url`` where it leads. An ``area``
    (a province or a state) is drawn at its capital with a ring that says so."""

    longitude: float
    latitude: float
    name: str
    label: str
    url: str
    symbol: Symbol
    area: bool = False


@dataclass
class PlacedMarker:
    marker: Marker
    x: float
    y: float
    label_x: float = 0
    label_y: float = 0
    label_anchor: str = ""  # "" when the name is not written beside the point
    radius: float = MARKER_RADIUS
    true_x: float = None  # where the place is, when its symbol is moved apart from a neighbour's
    true_y: float = None

    @property
    def target_radius(self):
        return TARGET_RADIUS

    @property
    def ring_radius(self):
        return round(self.radius * 1.55, 1)

    @property
    def is_moved(self):
        return self.true_x is not None

    @property
    def square(self):
        """The square's corner (x, y, side) for a marker drawn as a square."""
        side = self.radius * 1.7
        return round(self.x - side / 2, 1), round(self.y - side / 2, 1), round(side, 1)

    @property
    def diamond(self):
        """The points of a marker drawn as a diamond."""
        r = self.radius * 1.25
        x, y = self.x, self.y
        return f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"


@dataclass
class MapView:
    """One map, laid out: the SVG's size, the land paths and the placed markers."""

    width: int
    height: int
    land: list = field(default_factory=list)  # [(path data, is highlighted)]
    markers: list = field(default_factory=list)

    @property
    def viewbox(self):
        return f"0 0 {self.width} {self.height}"


def geometry_path():
    from django.conf import settings

    return settings.PORTAL_MAP_GEOMETRY


@lru_cache(maxsize=1)
def countries():
    """The stored countries: ``[{"id", "iso", "name", "rings"}]``, read once per process."""
    with open(geometry_path(), encoding="utf-8") as geometry:
        return json.load(geometry)


def format_coordinates(latitude, longitude):
    """A point as visitors read it, rounded to two decimals (half up): '29.56° N, 106.55° E', '29,56° N' in
    Italian, each half unbroken. The one rounding of the map's table and the partners' pages; the
    downloads keep every decimal."""

    def degrees(value, positive, negative):
        rounded = Decimal(value).copy_abs().quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return f"{number_format(rounded, 2)}°\u00a0{positive if value >= 0 else negative}"

    return f"{degrees(latitude, 'N', 'S')}, {degrees(longitude, 'E', 'W')}"


def in_asia(longitude, latitude):
    west, south, east, north = ASIA
    return west <= longitude <= east and south <= latitude <= north


def country_extent(iso_codes):
    """The extent of the countries' main land (rings of at least 1% of each one's largest, so a
    far islet does not zoom the map out), or None when the geometry has none of them."""
    rings = []
    for country in countries():
        if country["iso"] in iso_codes:
            largest = max(ring_area(ring) for ring in country["rings"])
            rings.extend(ring for ring in country["rings"] if ring_area(ring) >= largest / 100)
    return bounds(rings) if rings else None


def fit(extent, markers=()):
    """The extent grown to hold the markers, with a margin, within the aspect ratios the page
    allows (a narrow country is widened with its neighbours, a wide one heightened)."""
    west, south, east, north = extent
    for marker in markers:
        west, east = min(west, marker.longitude), max(east, marker.longitude)
        south, north = min(south, marker.latitude), max(north, marker.latitude)
    span_x, span_y = max(east - west, 1.0), max(north - south, 1.0)
    west, east = west - span_x * MARGIN, east + span_x * MARGIN
    south, north = south - span_y * MARGIN, north + span_y * MARGIN
    squeeze = math.cos(math.radians((south + north) / 2))
    aspect = (north - south) / ((east - west) * squeeze)
    if aspect > MAX_ASPECT:
        grow = ((north - south) / MAX_ASPECT / squeeze - (east - west)) / 2
        west, east = west - grow, east + grow
    elif aspect < MIN_ASPECT:
        grow = ((east - west) * squeeze * MIN_ASPECT - (north - south)) / 2
        south, north = south - grow, north + grow
    return (round(west, 3), round(south, 3), round(east, 3), round(north, 3))


class Projection:
    def __init__(self, extent):
        self.west, self.south, self.east, self.north = extent
        self.squeeze = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = WIDTH / ((self.east - self.west) * self.squeeze)
        self.height = round((self.north - self.south) * self.scale)

    def __call__(self, longitude, latitude):
        return ((longitude - self.west) * self.squeeze * self.scale, (self.north - latitude) * self.scale)


@lru_cache(maxsize=64)
def land(extent, highlighted=()):
    """The land paths of a view, ``[(path data, is highlighted)]``: rings projected, clipped to
    the view (with a little room for strokes), thinned, tiny islands left out. Cached per view."""
    project = Projection(extent)
    room = 5
    paths = []
    for country in countries():
        parts = []
        for ring in country["rings"]:
            if not _meets(bounds([ring]), extent):
                continue
            projected = [project(lon, lat) for lon, lat in ring]
            projected = clip_ring(projected, -room, -room, WIDTH + room, project.height + room)
            # A cheap thinning first, then Douglas–Peucker on what is left: the first drawing of the
            # map of Asia takes 0.12 s instead of 1.5 s (it is then cached per process).
            projected = simplify(thin(projected, TOLERANCE / 2), TOLERANCE)
            if projected and ring_area(projected) >= SMALLEST_ISLAND:
                parts.append(path_data(projected))
        if parts:
            paths.append(("".join(parts), country["iso"] in highlighted))
    paths.sort(key=lambda path: path[1])  # highlighted countries drawn last, their borders on top
    return paths


def _meets(box, extent):
    """Whether two (west, south, east, north) boxes overlap."""
    return box[0] <= extent[2] and extent[0] <= box[2] and box[1] <= extent[3] and extent[1] <= box[3]


def path_data(ring):
    """A closed SVG path in whole units, each point relative to the last ("M512 233l3 -2…Z"):
    about half the bytes of absolute decimals, and finer than a pixel at the sizes drawn."""
    points = [(round(x), round(y)) for x, y in ring]
    steps = [f"{x - px} {y - py}" for (px, py), (x, y) in pairwise(points) if (x, y) != (px, py)]
    return f"M{points[0][0]} {points[0][1]}l" + " ".join(steps) + "Z"


def draw(extent, markers, highlighted=(), labels=False):
    """The map of ``extent`` (fitted to the markers), with ``highlighted`` ISO codes shaded and,
    when ``labels``, each marker's name beside it wherever it does not overlap another."""
    extent = fit(extent, markers)
    project = Projection(extent)
    view = MapView(WIDTH, project.height, land(extent, tuple(sorted(highlighted))))
    view.markers = [PlacedMarker(marker, *project(marker.longitude, marker.latitude)) for marker in markers]
    _keep_apart(view)
    taken = []  # boxes already used by markers and labels
    for placed in view.markers:
        placed.x, placed.y = round(placed.x, 1), round(placed.y, 1)
        taken.append(_box(placed.x - MARKER_RADIUS, placed.y - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS))
    if labels:
        for placed in view.markers:
            _place_label(placed, taken, view)
    return view


def _keep_apart(view):
    """Points too close to tap apart are moved apart as little as they need (each is pushed away
    from its neighbours and pulled back towards its place, until every two are MIN_SEPARATION
    apart), and a leader line joins each moved point to where the place is (``true_x``, ``true_y``):
    every point keeps a target of its own."""
    markers = view.markers
    for placed in markers:
        placed.true_x, placed.true_y = placed.x, placed.y
    for _step in range(300):
        crowded = False
        for placed in markers:  # a little pull home, so no point drifts further than it must
            placed.x += (placed.true_x - placed.x) * 0.02
            placed.y += (placed.true_y - placed.y) * 0.02
        for index, first in enumerate(markers):
            for second in markers[index + 1 :]:
                distance = math.dist((first.x, first.y), (second.x, second.y))
                if distance >= MIN_SEPARATION:
                    continue
                crowded = True
                if distance < 0.01:  # the same place twice: part them along a fixed direction
                    dx, dy, distance = 1.0, 0.0, 1.0
                else:
                    dx, dy = (second.x - first.x) / distance, (second.y - first.y) / distance
                push = (MIN_SEPARATION - distance) / 2 + 0.5
                first.x, first.y = first.x - dx * push, first.y - dy * push
                second.x, second.y = second.x + dx * push, second.y + dy * push
        for placed in markers:
            placed.x = min(max(placed.x, TARGET_RADIUS), view.width - TARGET_RADIUS)
            placed.y = min(max(placed.y, TARGET_RADIUS), view.height - TARGET_RADIUS)
        if not crowded:
            break
    for placed in markers:
        if math.dist((placed.x, placed.y), (placed.true_x, placed.true_y)) < 2:
            placed.x, placed.y, placed.true_x, placed.true_y = placed.true_x, placed.true_y, None, None
        else:
            placed.true_x, placed.true_y = round(placed.true_x, 1), round(placed.true_y, 1)


def key_symbol():
    """A legend's symbol: a point centred in a 24 × 24 box."""
    return PlacedMarker(None, 12, 12, radius=7)


def _box(x, y, width, height):
    return (x, y, x + width, y + height)


def _overlaps(box, boxes):
    return any(box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3] for other in boxes)


def _place_label(placed, taken, view):
    """Right of the point, else left, above or below; not written if every place is taken or
    falls off the map (the table beside the map names every point)."""
    width = len(placed.marker.name) * LABEL_SIZE * 0.55
    gap = MARKER_RADIUS + 4
    x, y = placed.x, placed.y
    candidates = [
        (x + gap, y + LABEL_SIZE * 0.35, "start", _box(x + gap, y - LABEL_SIZE * 0.6, width, LABEL_SIZE)),
        (x - gap, y + LABEL_SIZE * 0.35, "end", _box(x - gap - width, y - LABEL_SIZE * 0.6, width, LABEL_SIZE)),
        (x, y - gap - 4, "middle", _box(x - width / 2, y - gap - LABEL_SIZE, width, LABEL_SIZE)),
        (x, y + gap + LABEL_SIZE * 0.8, "middle", _box(x - width / 2, y + gap, width, LABEL_SIZE)),
    ]
    for label_x, label_y, anchor, box in candidates:
        on_map = box[0] >= 0 and box[1] >= 0 and box[2] <= view.width and box[3] <= view.height
        if on_map and not _overlaps(box, taken):
            placed.label_x, placed.label_y, placed.label_anchor = round(label_x, 1), round(label_y, 1), anchor
            taken.append(box)
            return
