"""Interactive altair charts for analysts: every mark leads back to its sentence.

The same rows a publication chart draws, as a Vega-Lite chart with tooltips
(value as the locale writes it, qualifier, quote, sentence, outlet), numbers
formatted with Vega's format locale (German "5.600.000,5" or English
"5,600,000.5"). The explorer over the whole table is built from these parts
in :mod:`newsnumbers.charts.explorer`.

Why one mark per ``fact_id`` and one panel per unit: a fact an article says twice
(a headline and a body sentence) was drawn twice, its two labels overlapping into
"588600 Mrd. $"; and percent drawn on the same log axis as dollars made the axis
say nothing true of either. Here the repeats of a fact are one mark (the tooltip
counts the mentions and names the outlet), and each unit — money in the chart's
currency after conversion, percent, each kind of count, each rate — gets its own
panel with its own axis, titled in the chart's locale.
"""
from __future__ import annotations

from pathlib import Path

import altair as alt
import pandas as pd

from ..atomic import replacing
from ..schema import unit_kind
from . import numfmt
from .colours import colours_for
from .common import row_label, source_name
from .plots import needs_log, value_label
from .provenance import date_text
from .style import label, text

#: d3-format locales handed to Vega (config.locale.number)
NUMBER_LOCALES = {
    "de": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}
_TIPS = ("value_text", "qualifier", "quote", "sentence", "article", "outlet", "organisation", "measure", "value",
         "as_written", "sources", "mentions", "rate")
#: tooltip and control titles in each locale (labels.csv, keys ``tip_*``)
TOOLTIP_TITLES = {loc: {k: label(f"tip_{k}", loc) for k in _TIPS} for loc in ("de", "en")}
KIND_ORDER = {"money": 0, "percent": 1, "count": 2}
#: the shape of a mark says how exact its figure is, as in the static charts' note (▶ at least, ◀ at most)
SHAPES = {"exact": "circle", "approx": "diamond", "lower_bound": "triangle-right", "upper_bound": "triangle-left",
          "range": "square"}
#: the shape legend's symbols: a neutral colour that neither the house table nor its grey gives an organisation
SHAPE_LEGEND = "#666666"
SEP = " ||"  # between a row's label and its number: two facts with one label are two rows, shown alike


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
    rows["qualifier_label"] = rows["qualifier"].map(lambda q: label(q, locale))
    rows["value_high"] = rows["value_high"].astype(float)
    return rows


def _with_unit(value: str, unit: str, locale: str) -> str:
    """A count says what it counts ('mind. 1.000 Chips'); money and percent carry their sign already."""
    return f"{value}\u00a0{label(unit, locale)}" if unit_kind(unit) == "count" else value


def _as_written(row: pd.Series, locale: str) -> str:
    """The figure in the article's own currency, before conversion."""
    if "unit_original" not in row or not row["unit_original"] or row["unit_original"] == row["unit"]:
        return row["value_text"]
    orig = pd.Series({"value": row["value_original"], "value_high": row["value_high_original"],
                      "unit": row["unit_original"], "qualifier": row["qualifier"]})
    return value_label(orig, locale)


def _rate(row: pd.Series, locale: str) -> str:
    """'1 EUR = 1,04 USD (EZB, 27.1.2025)', or 'nicht umgerechnet'."""
    if "unit_original" not in row or not row.get("rate_date") or row["unit_original"] == row["unit"]:
        return label("not_converted", locale)
    rate = numfmt._digits(float(row["rate"]), locale, 4)
    return text("rate_text", locale, source=row["unit_original"], target=row["unit"], rate=rate,
                day=date_text(str(row["rate_date"]), locale))


def _source(row: pd.Series, locale: str) -> str:
    """'Handelsblatt (Jan. 2025) · a01_handelsblatt.txt': outlet and date, then the file."""
    outlet = source_name(row)
    when = date_text(str(row.get("date", "") or ""), locale)
    return f"{outlet}{f' ({when})' if when else ''} · {row['article']}"


def _named(data: pd.DataFrame, locale: str) -> pd.Series:
    """Row labels that say whom and what a figure is about when the chart holds several (the source check's
    labels name only outlet and quote; its panels, not the interactive's, named the topic)."""
    def one(r: pd.Series) -> str:
        lab = r["label"]
        who = row_label(r, locale).split(" · ")[0]
        if many_orgs and who not in lab:
            lab = f"{who} · {lab}"
        if many_measures and r["measure_label"] not in lab:
            lab = f"{lab} · {r['measure_label']}"
        return lab
    many_orgs = data[["organisation", "model"]].drop_duplicates().shape[0] > 1
    many_measures = data["measure"].nunique() > 1
    return data.apply(one, axis=1) if len(data) else data["label"]


def fact_rows(rows: pd.DataFrame, locale: str) -> pd.DataFrame:
    """One row per fact (``fact_id``; a row without one stands alone), in the chart's order, with what the
    tooltips show: the value as the article wrote it, the conversion, the outlet and how often it is said."""
    data = prepare(rows, locale).reset_index(drop=True)
    key = data["fact_id"].fillna("").astype(str) if "fact_id" in data else pd.Series("", index=data.index)
    key = key.where(key != "", "row" + data.index.astype(str))
    data["mentions"] = key.map(key.value_counts()).astype(int)
    data = data[~key.duplicated()].reset_index(drop=True)
    data["value_text"] = data.apply(lambda r: _with_unit(r["value_text"], r["unit"], locale), axis=1)
    data["as_written"] = data.apply(lambda r: _as_written(r, locale), axis=1)
    data["rate_text"] = data.apply(lambda r: _rate(r, locale), axis=1)
    data["sources"] = data.apply(lambda r: _source(r, locale), axis=1)
    data["kind"] = data["unit"].map(unit_kind)
    data["x_end"] = data[["value", "value_high"]].max(axis=1)
    data["label"] = _named(data, locale)
    seen: dict[str, int] = {}
    keys = []
    for lab in data["label"]:
        seen[lab] = seen.get(lab, 0) + 1
        keys.append(f"{lab}{SEP}{seen[lab]}")
    data["row_key"] = keys
    return data


def _axis_labels(locale: str) -> str:
    """A Vega label expression: 1e9 -> '1 Mrd.' (de) / '1B' (en), not the SI '1G'."""
    steps = numfmt.SCALES[locale]
    sep = "\u00a0" if locale == "de" else ""
    expr = "format(datum.value, ',~g')"
    for mult, word in reversed(steps):
        expr = (f"abs(datum.value) >= {mult:g} ? format(datum.value / {mult:g}, ',~g') + '{sep}{word}' : {expr}")
    return expr


def _tooltip(locale: str) -> list[alt.Tooltip]:
    """The explorer's tooltip: one table row's value, qualifier, quote, sentence and article."""
    t = TOOLTIP_TITLES[locale]
    return [alt.Tooltip("value_text:N", title=t["value_text"]),
            alt.Tooltip("value:Q", title=t["value"], format=",.12~r"),
            alt.Tooltip("qualifier:N", title=t["qualifier"]),
            alt.Tooltip("quote:N", title=t["quote"]),
            alt.Tooltip("sentence:N", title=t["sentence"]),
            alt.Tooltip("article:N", title=t["article"])]


def _fact_tooltip(locale: str) -> list[alt.Tooltip]:
    """A fact's tooltip: its value in the chart's unit and as written, every word in the locale."""
    t = TOOLTIP_TITLES[locale]
    fields = [("value_text", "value_text"), ("as_written", "as_written"), ("rate_text", "rate"),
              ("qualifier_label", "qualifier"), ("measure_label", "measure"), ("quote", "quote"),
              ("sentence", "sentence"), ("sources", "sources"), ("mentions", "mentions")]
    return [alt.Tooltip(f"{field}:{'Q' if field == 'mentions' else 'N'}", title=t[name]) for field, name in fields]


def _configure(chart: alt.TopLevelMixin, locale: str) -> alt.TopLevelMixin:
    return chart.configure(locale={"number": NUMBER_LOCALES[locale]}, font="DejaVu Sans").configure_view(stroke=None)


def axis_title(unit: str, per: str, log: bool, locale: str) -> str:
    """'US-Dollar pro Million Token (logarithmische Skala)': the unit of one panel's axis, in the locale."""
    name = label(unit, locale)
    if per:
        known = label(f"per_{per}", locale)
        rate = known if known != f"per {per}".replace("_", " ") else text("per_other", locale, per=per)
        name = text("per_rate", locale, unit=name, per=rate)
    return f"{name} ({label('log_scale', locale)})" if log else name


def panels(data: pd.DataFrame) -> list[pd.DataFrame]:
    """The facts split by unit and rate: money first, then percent, then counts; never two units on one axis."""
    groups = [g for _, g in data.groupby(["unit", "per"], sort=True)]
    return sorted(groups, key=lambda g: KIND_ORDER[g["kind"].iloc[0]])


def _panel(part: pd.DataFrame, locale: str, colour: alt.Color, shape: alt.Shape) -> alt.LayerChart:
    """One unit's facts: a dot per fact, a line for a range, the value as written beside it."""
    unit, per = part["unit"].iloc[0], part["per"].iloc[0]
    log = needs_log(pd.concat([part["value"], part["value_high"].dropna()]))
    scale = alt.Scale(type="log") if log else alt.Scale(zero=True)
    ticks = {"labelOverlap": "greedy", "labelSeparation": 8}
    axis = (alt.Axis(labelExpr=_axis_labels(locale), **ticks) if unit_kind(unit) != "percent"
            else alt.Axis(format=",~g", **ticks))
    y = alt.Y("row_key:N", sort=None, title=None,
              axis=alt.Axis(labelExpr=f"split(datum.value, '{SEP}')[0]", labelLimit=320))
    base = alt.Chart(part).encode(y=y)
    ranges = base.transform_filter("isValid(datum.value_high)").mark_rule(strokeWidth=3).encode(
        x=alt.X("value:Q", scale=scale), x2="value_high:Q", color=colour)
    points = base.mark_point(filled=True, size=90, opacity=1).encode(
        x=alt.X("value:Q", scale=scale, title=axis_title(unit, per, log, locale), axis=axis),
        color=colour, shape=shape, tooltip=_fact_tooltip(locale))
    labels = base.mark_text(align="left", dx=9, fontSize=11).encode(
        x=alt.X("x_end:Q", scale=scale), text="value_text:N")
    return alt.layer(ranges, points, labels).properties(width=520, height=max(60, 26 * len(part)))


def figure_chart(rows: pd.DataFrame, locale: str = "de", title: str = "") -> alt.TopLevelMixin:
    """The chart's facts as dots, one panel per unit, ranges as rules, hover for provenance."""
    data = fact_rows(rows, locale)
    data["organisation_label"] = data["organisation"].map(lambda o: ", ".join(label(x, locale) for x in o.split("|") if x) or "–")
    names = data.drop_duplicates("organisation_label").set_index("organisation_label")["organisation"]
    orgs = sorted(names.index)
    house = colours_for(list(names))
    # every mark's colour is its organisation's entry in the colour legend; the shape legend (how exact a figure
    # is) draws its symbols in a colour no organisation has, so no reader takes "genau" for OpenAI's black
    colour = alt.Color("organisation_label:N", scale=alt.Scale(domain=orgs, range=[house[names[o]] for o in orgs]),
                       title=TOOLTIP_TITLES[locale]["organisation"])
    quals = [q for q in SHAPES if q in set(data["qualifier"])] + sorted(set(data["qualifier"]) - set(SHAPES))
    shape = alt.Shape("qualifier_label:N", title=TOOLTIP_TITLES[locale]["qualifier"],
                      scale=alt.Scale(domain=[label(q, locale) for q in quals],
                                      range=[SHAPES.get(q, "cross") for q in quals]),
                      legend=alt.Legend(symbolFillColor=SHAPE_LEGEND, symbolStrokeColor=SHAPE_LEGEND))
    parts = [_panel(p, locale, colour, shape) for p in panels(data)]
    chart = alt.vconcat(*parts, spacing=24).resolve_scale(x="independent", y="independent")
    chart = chart.properties(title=alt.Title(title, anchor="start")) if title else chart
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
