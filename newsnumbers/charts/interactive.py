"""Interactive altair charts for analysts: every mark leads back to its sentence.

The same rows a publication chart draws, as a Vega-Lite chart with tooltips
(value as the locale writes it, qualifier, quote, sentence, article), numbers
formatted with Vega's format locale (German "5.600.000,5" or English
"5,600,000.5"), and an explorer over the whole table that is saved as one
self-contained HTML file (JavaScript inline, no network when viewed).
"""
from __future__ import annotations

from pathlib import Path

import altair as alt
import pandas as pd

from ..atomic import replacing
from ..schema import unit_kind
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
TABLE_ROWS = 40  # the explorer's table shows the first rows of the selection
#: The explorer table's columns and their widths in pixels (0: the rest, 600).
TABLE_COLUMNS = [("article", 150), ("value_text", 110), ("organisation", 110), ("quote", 220), ("sentence", 0)]
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


def explorer(figures: pd.DataFrame, locale: str = "de") -> alt.TopLevelMixin:
    """The whole table: dropdown filters (measure, article), legend filter (organisation),
    a log-scale overview of all money figures with a brush, and a table of the selected rows."""
    data = prepare(figures, locale)
    data = data[data["value"] > 0]
    data["kind"] = data["unit"].map(unit_kind)
    for field, width in TABLE_COLUMNS:  # cut to the cell here: Vega's own cutting measures every letter (10 s)
        chars = int((width or 600) / 5.5)
        data[f"{field}_cell"] = data[field].astype(str).map(lambda x, n=chars: x if len(x) <= n else x[:n - 1] + "…")
    t = TOOLTIP_TITLES[locale]
    measure = alt.selection_point(fields=["measure_label"], name="measure", bind=alt.binding_select(
        options=[None, *sorted(data["measure_label"].unique())], labels=["(alle)" if locale == "de" else "(all)",
                                                                         *sorted(data["measure_label"].unique())],
        name=t["measure"] + " "))
    article = alt.selection_point(fields=["article"], name="article", bind=alt.binding_select(
        options=[None, *sorted(data["article"].unique())], labels=["(alle)" if locale == "de" else "(all)",
                                                                   *sorted(data["article"].unique())],
        name=t["article"] + " "))
    org = alt.selection_point(fields=["organisation"], bind="legend", name="organisation")
    brush = alt.selection_interval(encodings=["x"], name="brush")
    money = data[data["kind"] == "money"]
    orgs = sorted(data["organisation"].unique())
    house = colours_for(orgs)  # the same colour for an organisation as in the static charts
    colour = alt.Color("organisation:N", scale=alt.Scale(domain=orgs, range=[house[o] for o in orgs]),
                       title=t["organisation"], legend=alt.Legend(orient="right"))
    overview = alt.Chart(money).mark_circle(size=80).encode(
        x=alt.X("value:Q", scale=alt.Scale(type="log"), title=f"{label('USD', locale)} ({label('log_scale', locale)})",
                axis=alt.Axis(labelExpr=_axis_labels(locale))),
        y=alt.Y("measure_label:N", title=None),
        color=alt.condition(org, colour, alt.value("#dddddd")),
        opacity=alt.condition(measure & article & org, alt.value(0.9), alt.value(0.15)),
        tooltip=_tooltip(locale),
    ).add_params(measure, article, org, brush).properties(
        width=620, height=max(160, 28 * money["measure_label"].nunique()),
        title="Alle Geldbeträge" if locale == "de" else "All money figures")
    table_base = alt.Chart(data).transform_filter(measure & article & org).transform_filter(brush).transform_window(
        row="row_number()").transform_filter(f"datum.row <= {TABLE_ROWS}")
    cols = []
    for field, width in TABLE_COLUMNS:
        c = table_base.mark_text(align="left", baseline="middle", limit=width or 700).encode(
            y=alt.Y("row:O", axis=None), text=f"{field}_cell:N", tooltip=_tooltip(locale)
        ).properties(title=t.get(field, field), width=width or 600, height=TABLE_ROWS * 16)
        cols.append(c)
    table = alt.hconcat(*cols, spacing=6)
    return _configure(alt.vconcat(overview, table, spacing=20), locale)


def save_html(chart: alt.TopLevelMixin, path: str | Path) -> Path:
    """One self-contained HTML file: Vega, Vega-Lite and vega-embed inline (via vl-convert), no network."""
    path = Path(path)
    # SVG rendering keeps every mark a DOM element (inspectable, testable); tooltips come from vega-tooltip
    with replacing(path) as tmp:
        chart.save(str(tmp), format="html", inline=True, embed_options={"renderer": "svg", "actions": False})
    return path


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


def save_static(chart: alt.TopLevelMixin, path: str | Path) -> Path:
    """SVG or PNG through vl-convert, offline; the format is the file's extension."""
    path = Path(path)
    with replacing(path) as tmp:
        chart.save(str(tmp), format=path.suffix.lstrip("."))
    return path
