"""Text cut to a width in pixels before Vega sees it, measured with the font Vega draws it in.

Why: a Vega text mark with a ``limit`` that its text exceeds is cut by measuring the
text again and again, letter by letter; for the explorer's table that took most of
the 8 s vl-convert spent drawing its static snapshot. Cut here with DejaVu Sans's
own advance widths (the font the charts name, shipped with matplotlib), the text
fits, and Vega measures each cell once. The ``limit`` stays as a guard.
"""
from __future__ import annotations

from functools import lru_cache

ELLIPSIS = "…"
MARGIN = 0.97  # kerning and rounding: a cut text stays a little inside the limit


@lru_cache(maxsize=1)
def _font():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"), fallback_to_default=True)
    return FT2Font(path)


@lru_cache(maxsize=4096)
def char_width(char: str, size: float = 11.0) -> float:
    """The advance width of ``char`` in pixels at ``size`` px, unhinted (Vega's default text size is 11)."""
    from matplotlib.ft2font import LoadFlags

    font = _font()
    font.set_size(size, 72)  # 72 dpi: one point is one pixel, as in Vega
    if not font.get_char_index(ord(char)):  # a glyph the font lacks ("⭐" in a quote): Vega falls back to
        char = "M"  # another font; an em-wide guess keeps the cut inside the limit instead of failing the build
    return font.load_char(ord(char), flags=LoadFlags.NO_HINTING).linearHoriAdvance / 65536


def width(text: str, size: float = 11.0) -> float:
    """``text``'s width in pixels at ``size`` px."""
    return sum(char_width(c, size) for c in text)


def cut(text: str, limit: float, size: float = 11.0) -> str:
    """``text`` as it fits in ``limit`` pixels: whole, or cut with an ellipsis."""
    room = limit * MARGIN
    if width(text, size) <= room:
        return text
    room -= char_width(ELLIPSIS, size)
    kept = []
    for c in text:
        room -= char_width(c, size)
        if room < 0:
            break
        kept.append(c)
    return "".join(kept).rstrip() + ELLIPSIS
