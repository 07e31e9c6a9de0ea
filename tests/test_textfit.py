"""Explorer cells cut in Python to what Vega draws whole: Vega never has to cut them itself (issue 13: speed)."""
from __future__ import annotations

import html

import altair as alt
import pandas as pd
import vl_convert as vlc

from newsnumbers.charts import textfit

TEXTS = ["Die Aktie von Nvidia ist am Montag um 17 Prozent gefallen, das entspricht 589 Milliarden US-Dollar.",
         "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
         "kurz", "Ärger über „Stargate“: 500 Mrd. $ – mind. 1.000 Chips"]


def _drawn(texts: list[str], limit: int) -> list[str]:
    """What Vega draws of each text in a mark with ``limit`` (its own cutting ends a text with '…')."""
    chart = alt.Chart(pd.DataFrame({"t": texts, "y": range(len(texts))})).mark_text(align="left", limit=limit).encode(
        text="t:N", y=alt.Y("y:O", axis=None), x=alt.value(0)).properties(width=limit, height=20 * len(texts))
    spec = chart.to_dict()
    spec["config"] = {"font": "DejaVu Sans"}
    svg = vlc.vegalite_to_svg(spec)
    return [html.unescape(t.split(">", 1)[1]) for t in svg.split("<text")[1:] for t in [t.split("</text>")[0]]]


def test_a_cut_text_is_drawn_as_cut_and_fills_its_cell():
    for limit in (44, 104, 160, 360):
        cut = [textfit.cut(t, limit) for t in TEXTS]
        assert sorted(_drawn(cut, limit)) == sorted(cut), limit  # Vega cut nothing more
        for text, c in zip(TEXTS, cut):
            if c != text:  # one more letter would not have fitted (after a space the cut dropped)
                kept = c.removesuffix("…")
                assert text.startswith(kept) and textfit.width(text[:len(kept) + 2] + "…") > limit * textfit.MARGIN


def test_the_measure_is_close_to_vega_s():
    text = TEXTS[0]
    drawn = _drawn([text], int(textfit.width(text) * 0.9))[0]
    assert drawn.endswith("…") and len(drawn) > 0.8 * len(text)
    assert _drawn([text], int(textfit.width(text)) + 1) == [text]


def test_a_glyph_the_font_lacks_is_measured_not_fatal():
    # u04 of the test corpus quotes "⭐ Die aktuellen Kosten …": the explorer's build failed on it
    lacking = "⭐"
    assert textfit.char_width(lacking) == textfit.char_width("M")
    cut = textfit.cut(lacking + " Die aktuellen Kosten für das Training von KI-Modellen", 120)
    assert cut.startswith(lacking) and cut.endswith("…")
