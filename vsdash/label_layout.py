"""Place map labels so that no two overlap and none covers the legend or the colour bar.

A small greedy placement in display coordinates (pixels, y up as in matplotlib): labels are
placed one by one, most important first; each tries a ring of positions next to its anchor, then
a ring further out (drawn with a leader line back to the anchor); a label with no free position
is dropped, and the caller says so (the table under the map lists every area anyway).

We looked at adjustText (matplotlib): it pushes labels apart iteratively and usually removes
overlaps, but it does not guarantee it and does not keep labels off other axes such as a colour
bar. The guarantee is what the map slide needs ("Neude" and "Utrecht Centraal" overlapped each
other and the colour bar), so the rule is kept here, small and tested.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in display coordinates: (x0, y0) lower left, (x1, y1) upper right."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        """Whether the two boxes share any area (touching edges do not count)."""
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def crosses(self, start: tuple[float, float], end: tuple[float, float]) -> bool:
        """Whether the line segment from ``start`` to ``end`` passes through the box (Liang-Barsky)."""
        (x0, y0), (x1, y1) = start, end
        dx, dy = x1 - x0, y1 - y0
        lo, hi = 0.0, 1.0
        for p, q in ((-dx, x0 - self.x0), (dx, self.x1 - x0), (-dy, y0 - self.y0), (dy, self.y1 - y0)):
            if p == 0:
                if q < 0:
                    return False  # parallel to this edge and outside it
                continue
            r = q / p
            if p < 0:
                lo = max(lo, r)
            else:
                hi = min(hi, r)
            if lo > hi:
                return False
        return True

    def contains(self, point: tuple[float, float]) -> bool:
        """Whether ``point`` lies in the box (edges included)."""
        return self.x0 <= point[0] <= self.x1 and self.y0 <= point[1] <= self.y1

    def inside(self, frame: Box) -> bool:
        """Whether this box lies entirely within ``frame``."""
        return self.x0 >= frame.x0 and self.y0 >= frame.y0 and self.x1 <= frame.x1 and self.y1 <= frame.y1


@dataclass(frozen=True)
class Placement:
    """Where one label went: its box, its centre and whether it needs a leader line to its anchor."""

    index: int  # position of the label in the input
    box: Box
    centre: tuple[float, float]
    leader: bool


# Directions tried around an anchor, as (dx, dy) unit steps: right, left, above, below, then corners.
_DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))


def _candidate(anchor, size, direction, gap) -> Box:
    (ax, ay), (w, h), (dx, dy) = anchor, size, direction
    # The box's near edge sits ``gap`` away from the anchor in the given direction.
    cx = ax + dx * (gap + w / 2) if dx else ax
    cy = ay + dy * (gap + h / 2) if dy else ay
    return Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def place_labels(
    anchors: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    *,
    frame: Box,
    obstacles: Sequence[Box] = (),
    gap: float = 8.0,
    leader_gaps: Sequence[float] = (30.0, 55.0),
    padding: float = 2.0,
    anchor_clear: float = 4.0,
) -> list[Placement | None]:
    """Place one label per anchor without overlaps; return a placement or None (dropped) per label.

    ``anchors`` and ``sizes`` (width, height) are in display units; labels are placed in the given
    order, so pass the most important first. Every placed box lies inside ``frame``, overlaps no
    box in ``obstacles`` (colour bar, legend) and no other placed box, with ``padding`` kept clear
    around each, and a square of ``anchor_clear`` around every anchor stays free (no name hides
    another area's point). Positions at ``gap`` from the anchor come first; the ``leader_gaps``
    rings after them are marked ``leader=True`` so the caller draws a line from the label to its
    anchor; a leader line crosses no label, and no label is put on a leader line.
    """
    if len(anchors) != len(sizes):
        raise ValueError(f"got {len(anchors)} anchors but {len(sizes)} label sizes")
    if gap <= anchor_clear + padding:
        raise ValueError(f"gap ({gap}) must exceed anchor_clear + padding ({anchor_clear + padding})")
    kept_clear = [
        *obstacles,
        *(Box(x - anchor_clear, y - anchor_clear, x + anchor_clear, y + anchor_clear) for x, y in anchors),
    ]
    taken: list[Box] = [
        Box(o.x0 - padding, o.y0 - padding, o.x1 + padding, o.y1 + padding) for o in kept_clear
    ]
    rings = [(gap, False), *((g, True) for g in leader_gaps)]
    leaders: list[tuple[tuple[float, float], tuple[float, float]]] = []
    out: list[Placement | None] = []
    for i, (anchor, size) in enumerate(zip(anchors, sizes, strict=True)):
        placed = None
        for ring_gap, leader in rings:
            for direction in _DIRECTIONS:
                box = _candidate(anchor, size, direction, ring_gap)
                if not box.inside(frame) or any(box.overlaps(t) for t in taken):
                    continue
                if any(box.crosses(a, b) for a, b in leaders):
                    continue  # a label over another label's leader line hides where it points
                centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
                # A leader line may not run through another label (or obstacle): it would read as
                # pointing from that label. It ends at the box's edge, so its own box is skipped.
                end = _edge_point(box, anchor)
                if leader and any(t.crosses(anchor, end) and not t.contains(anchor) for t in taken):
                    continue
                placed = Placement(i, box, centre, leader)
                break
            if placed:
                break
        if placed:
            b = placed.box
            taken.append(Box(b.x0 - padding, b.y0 - padding, b.x1 + padding, b.y1 + padding))
            if placed.leader:
                leaders.append((anchor, _edge_point(b, anchor)))
        out.append(placed)
    return out


def _edge_point(box: Box, towards: tuple[float, float]) -> tuple[float, float]:
    """The point where the line from ``box``'s centre to ``towards`` leaves the box."""
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    half_w, half_h = (box.x1 - box.x0) / 2, (box.y1 - box.y0) / 2
    scale = min(half_w / abs(dx) if dx else float("inf"), half_h / abs(dy) if dy else float("inf"))
    return cx + dx * scale, cy + dy * scale
