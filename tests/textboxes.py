"""Where a drawn chart's texts fall: every visible text's box in pixels, and which of them collide.

Shared by the layout test and by anyone looking into a chart by hand.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.text import Text
from matplotlib.transforms import Bbox


def _axis_labels(ax: plt.Axes) -> list[Text]:
    out = []
    for axis in (ax.xaxis, ax.yaxis):
        lo, hi = sorted(axis.get_view_interval())
        for tick in axis.get_major_ticks():
            if lo - 1e-9 * abs(hi - lo) <= tick.get_loc() <= hi + 1e-9 * abs(hi - lo):
                out += [t for t in (tick.label1, tick.label2) if t.get_visible()]
    return out


def texts(fig: plt.Figure) -> list[Text]:
    """Every visible, non-empty text: headline, subtitle, notes and source, panel titles, annotations, tick labels."""
    found = list(fig.texts)
    for ax in fig.axes:
        found += list(ax.texts) + [ax.title, ax._left_title, ax._right_title] + _axis_labels(ax)
    return [t for t in found if t.get_visible() and t.get_text().strip()]


def boxes(fig: plt.Figure) -> list[tuple[str, Bbox]]:
    """(text, box in display pixels) for every text of ``fig``, after drawing it."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(renderer)) for t in texts(fig)]


def collisions(fig: plt.Figure, tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes intersect (each shrunk by ``tolerance`` px), and texts that leave the figure."""
    found = boxes(fig)
    shrunk = [(s, Bbox.from_extents(b.x0 + tolerance, b.y0 + tolerance, b.x1 - tolerance, b.y1 - tolerance))
              for s, b in found]
    bad = []
    for i, (a, ba) in enumerate(shrunk):
        for b, bb in shrunk[i + 1:]:
            if ba.x0 < bb.x1 and bb.x0 < ba.x1 and ba.y0 < bb.y1 and bb.y0 < ba.y1:
                bad.append((a, b))
    frame = fig.bbox
    bad += [(s, "<outside the figure>") for s, b in shrunk
            if b.x0 < frame.x0 or b.y0 < frame.y0 or b.x1 > frame.x1 or b.y1 > frame.y1]
    return bad
