"""Interactive altair charts for analysts: every mark leads back to its sentence.

The same rows a publication chart draws, as a Vega-Lite chart with tooltips
(value as the locale writes it, qualifier, quote, sentence, article), numbers
formatted with Vega's format locale (German "5.600.000,5" or English
"5,600,000.5"). The explorer over the whole table is built from these parts
in :mod:`newsnumbers.charts.explorer`.
"""
from __future__ import annotations

from pathlib import Path

import altair as alt
import pandas as pd

from ..atomic import replacing
from . import numfmt
from .colours import colours_for
from .common import row_label
from .plots import needs_log, value_label
from .style import label

#: d3-format locales handed to Vega (config.locale.number)
NUMBER_LOCALES = {
    "de": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}
TOOLTIP_TITLES = {
    "de": {"value_text": "Wert", "qualifier": "Genauigkeit", "quote": "Zitat", "sentence": "Satz",
           "article": "Artikel", "organisation": "Organisation", "measure": "Messgröße", "value": "Zahl"},
    "en": {"value_text": "Value", "qualifier": "Qualifier", "quote": "Quote", "sentence": "Sentence",
           "article": "Article", "organisation": "Organisation", "measure": "Measure", "value": "Number"},
}


def prepare(rows: pd.DataFrame, locale: str) -> pd.DataFrame:
    """Columns the interactive charts use: a label, the value as written for the locale, strings not NaN."""
    rows = rows.copy()
    for col in ("organisation", "model", "per", "quote", "sentence", "article", "measure", "qualifier", "unit"):
        if col not in rows:
            rows[col] = ""
        rows[col] = rows[col].fillna("").astype(str)
    if "label" not in rows:
        rows["label"] = rows.apply(lambda r: row_label(r, locale), axis=1)
    rows["label"] = rows["label"].str.replace("\n", " · ", regex=False)
    rows["value_text"] = rows.apply(lambda r: value_label(r, locale), axis=1)
    rows["measure_label"] = rows["measure"].map(lambda m: label(m, locale))
    rows["value_high"] = rows["value_high"].astype(float)
    return rows


def _axis_labels(locale: str) -> str:
    """A Vega label expression: 1e9 -> '1 Mrd.' (de) / '1B' (en), not the SI '1G'."""
    steps = numfmt.SCALES[locale]
    sep = "\u00a0" if locale == "de" else ""
    expr = "format(datum.value, ',~g')"
    for mult, word in reversed(steps):
        expr = (f"abs(datum.value) >= {mult:g} ? format(datum.value / {mult:g}, ',~g') + '{sep}{word}' : {expr}")
    return expr


def _tooltip(locale: str) -> list[alt.Tooltip]:
    t = TOOLTIP_TITLES[locale]
    return [alt.Tooltip("value_text:N", title=t["value_text"]),
            alt.Tooltip("value:Q", title=t["value"], format=",.12~r"),
            alt.Tooltip("qualifier:N", title=t["qualifier"]),
            alt.Tooltip("quote:N", title=t["quote"]),
            alt.Tooltip("sentence:N", title=t["sentence"]),
            alt.Tooltip("article:N", title=t["article"])]


def _configure(chart: alt.TopLevelMixin, locale: str) -> alt.TopLevelMixin:
    return chart.configure(locale={"number": NUMBER_LOCALES[locale]}, font="DejaVu Sans").configure_view(stroke=None)


def figure_chart(rows: pd.DataFrame, locale: str = "de", title: str = "") -> alt.TopLevelMixin:
    """A dot chart of the rows (one per figure), ranges as rules, hover for provenance."""
    data = prepare(rows, locale)
    log = needs_log(pd.concat([data["value"], data["value_high"].dropna()]))
    scale = alt.Scale(type="log") if log else alt.Scale(zero=True)
    unit = data["unit"].iloc[0] if data["unit"].nunique() == 1 else ""
    x_title = f"{label(unit, locale)}{' (' + label('log_scale', locale) + ')' if log else ''}"
    base = alt.Chart(data).encode(y=alt.Y("label:N", sort=None, title=None))
    orgs = sorted(data["organisation"].unique())
    house = colours_for(orgs)
    colour = alt.Color("organisation:N", scale=alt.Scale(domain=orgs, range=[house[o] for o in orgs]), legend=None)
    ranges = base.transform_filter("isValid(datum.value_high)").mark_rule(strokeWidth=3).encode(
        x=alt.X("value:Q", scale=scale), x2="value_high:Q", color=colour)
    points = base.mark_point(filled=True, size=90).encode(
        x=alt.X("value:Q", scale=scale, title=x_title, axis=alt.Axis(labelExpr=_axis_labels(locale))),
        color=colour,
        shape=alt.Shape("qualifier:N", title=TOOLTIP_TITLES[locale]["qualifier"]),
        tooltip=_tooltip(locale))
    text = base.mark_text(align="left", dx=8).encode(x="value:Q", text="value_text:N")
    chart = (ranges + points + text).properties(title=title, width=520, height=max(120, 26 * len(data)))
    return _configure(chart, locale)


def save_statics(chart: alt.TopLevelMixin, out_dir: str | Path, stem: str, formats: list[str]) -> list[str]:
    """SVG and/or PNG with one Vega rendering (the PNG rasterised from the SVG, as vl-convert does anyway)."""
    import vl_convert as vlc

    wanted = [f for f in ("svg", "png") if f in formats]
    if not wanted:
        return []
    svg = vlc.vegalite_to_svg(chart.to_dict())
    for fmt in wanted:
        with replacing(Path(out_dir) / f"{stem}.{fmt}") as tmp:
            if fmt == "svg":
                tmp.write_text(svg, encoding="utf-8")
            else:
                tmp.write_bytes(vlc.svg_to_png(svg, scale=1))
    return [f"{stem}.{fmt}" for fmt in wanted]
