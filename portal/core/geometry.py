"""Plain-Python geometry for the maps: reading Natural Earth's TopoJSON (npm's world-atlas),
clipping rings to a rectangle and thinning them. No Django here: ``scripts/build_map.py`` uses
it at build time, ``portal.core.maps`` at request time.
"""

import math


def decode_topojson(topology, object_name="countries"):
    """``[(id, name, [ring, …])]`` of a TopoJSON object; a ring is a list of (lon, lat) tuples.

    TopoJSON stores shared borders once as quantised, delta-encoded arcs; a ring lists the arcs it
    follows (``~i`` for arc ``i`` walked backwards). See github.com/topojson/topojson-specification.
    """
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)

    def ring(arc_indexes):
        points = []
        for index in arc_indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    shapes = []
    for geometry in topology["objects"][object_name]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [ring(indexes) for polygon in polygons for indexes in polygon]
        shapes.append((geometry.get("id"), geometry.get("properties", {}).get("name", ""), rings))
    return shapes


def clip_ring(ring, west, south, east, north):
    """The part of a closed ring inside the rectangle (Sutherland–Hodgman); [] if none is."""
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    ]
    points = list(ring)
    for inside, crossing in edges:
        if not points:
            return []
        clipped = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    clipped.append(crossing(previous, point))
                clipped.append(point)
            elif inside(previous):
                clipped.append(crossing(previous, point))
            previous = point
        points = clipped
    return points if len(points) >= 3 else []


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def thin(ring, tolerance):
    """The ring without the points closer than ``tolerance`` to the last point kept (a radial
    simplification: fast, and enough at the sizes the portal draws)."""
    if not ring:
        return []
    kept = [ring[0]]
    for point in ring[1:]:
        if math.dist(point, kept[-1]) >= tolerance:
            kept.append(point)
    return kept if len(kept) >= 3 else []


def simplify(ring, tolerance):
    """Douglas–Peucker: the fewest points of the ring that keep every dropped one within
    ``tolerance`` of the outline (iterative, so a long coastline does not recurse deeply)."""
    if len(ring) < 4:
        return list(ring)
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = ring[first], ring[last]
        length = math.hypot(bx - ax, by - ay)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            px, py = ring[index]
            if length:
                gap = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                gap = math.hypot(px - ax, py - ay)
            if gap > distance:
                farthest, distance = index, gap
        if farthest is not None:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    kept = [point for point, is_kept in zip(ring, keep, strict=True) if is_kept]
    return kept if len(kept) >= 3 else []


def bounds(rings):
    """(west, south, east, north) of the rings' points."""
    xs = [x for ring in rings for x, _y in ring]
    ys = [y for ring in rings for _x, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def ring_area(ring):
    """The area a ring encloses, in its own units (shoelace formula, unsigned)."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2
