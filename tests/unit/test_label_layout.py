"""Greedy label placement: no two labels overlap, none covers an obstacle, all stay in the frame."""

from __future__ import annotations

import itertools
import random

import pytest

from vsdash.label_layout import Box, place_labels

FRAME = Box(0, 0, 800, 500)
COLOUR_BAR = Box(700, 50, 740, 450)


def _assert_clean(placements, frame, obstacles, anchors=None):
    boxes = [p.box for p in placements if p is not None]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"{a} overlaps {b}"
    for p in placements:
        if p is None or not p.leader:
            continue
        line = (anchors[p.index], p.centre)
        for other in placements:
            if other is not None and other is not p:
                # The leader runs from the anchor to the label's edge; no other label lies on it.
                assert not other.box.crosses(*line), f"label {other.index} lies on leader {p.index}"
    for box in boxes:
        assert box.inside(frame), f"{box} is outside the frame"
        for obstacle in obstacles:
            assert not box.overlaps(obstacle), f"{box} covers {obstacle}"


@pytest.mark.parametrize("seed", range(8))
def test_crowded_labels_never_overlap_each_other_or_the_colour_bar(seed):
    rng = random.Random(seed)
    # Twelve areas within 120 px of each other, some right next to the colour bar, as in a city centre.
    anchors = [(rng.uniform(560, 690), rng.uniform(200, 320)) for _ in range(12)]
    sizes = [(rng.uniform(60, 190), 18.0) for _ in anchors]
    placements = place_labels(anchors, sizes, frame=FRAME, obstacles=[COLOUR_BAR])
    _assert_clean(placements, FRAME, [COLOUR_BAR], anchors)
    assert sum(p is not None for p in placements) >= 4  # twelve names in 130 x 120 px: some must go


def test_leader_lines_are_used_in_crowds_and_never_run_under_a_label():
    rng = random.Random(3)
    used = 0
    for _ in range(20):
        anchors = [(rng.uniform(560, 690), rng.uniform(200, 320)) for _ in range(12)]
        sizes = [(rng.uniform(60, 190), 18.0) for _ in anchors]
        placements = place_labels(anchors, sizes, frame=FRAME, obstacles=[COLOUR_BAR])
        _assert_clean(placements, FRAME, [COLOUR_BAR], anchors)
        used += sum(p is not None and p.leader for p in placements)
    assert used > 0


def test_the_neude_and_centraal_case_gets_both_names_side_by_side():
    # Two anchors 12 px apart (the overlap reported in issue 18) and a colour bar 60 px to the right.
    anchors = [(640.0, 250.0), (652.0, 246.0)]
    sizes = [(150.0, 20.0), (70.0, 20.0)]
    placements = place_labels(anchors, sizes, frame=FRAME, obstacles=[COLOUR_BAR])
    assert all(p is not None for p in placements)
    _assert_clean(placements, FRAME, [COLOUR_BAR])


def test_labels_with_room_sit_next_to_their_anchor_without_a_leader():
    anchors = [(100.0, 100.0), (400.0, 300.0)]
    placements = place_labels(anchors, [(80.0, 16.0)] * 2, frame=FRAME, gap=8)
    for (x, y), placed in zip(anchors, placements, strict=True):
        assert placed is not None and not placed.leader
        assert placed.box.x0 == pytest.approx(x + 8)  # first choice: right of the anchor
        assert placed.box.y0 < y < placed.box.y1


def test_a_label_pushed_out_of_the_near_ring_gets_a_leader_line():
    anchor = (400.0, 250.0)
    # Everything within 20 px of the anchor is taken: only the further ring is free.
    block = Box(anchor[0] - 200, anchor[1] - 30, anchor[0] + 200, anchor[1] + 30)
    [placed] = place_labels([anchor], [(60.0, 16.0)], frame=FRAME, obstacles=[block])
    assert placed is not None and placed.leader
    assert not placed.box.overlaps(block)


@pytest.mark.parametrize(
    ("segment", "crosses"),
    [
        (((0, 5), (20, 5)), True),  # straight through
        (((-5, -5), (2, 2)), True),  # ends inside
        (((11, 0), (20, 10)), False),  # beside it
        (((0, 12), (12, 0)), True),  # cuts a corner
        (((0, 25), (25, 0)), False),  # misses the corner
    ],
)
def test_a_segment_crosses_a_box_exactly_when_it_passes_through_it(segment, crosses):
    assert Box(0, 0, 10, 10).crosses(*segment) is crosses


def test_a_label_with_no_room_is_dropped_not_forced():
    placements = place_labels([(10.0, 10.0)], [(300.0, 20.0)], frame=Box(0, 0, 100, 100))
    assert placements == [None]


def test_anchors_and_sizes_must_match():
    with pytest.raises(ValueError, match="2 anchors but 1"):
        place_labels([(0, 0), (1, 1)], [(10, 10)], frame=FRAME)
