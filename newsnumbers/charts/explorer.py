"""The explorer over the whole table: filters, a search, a brush over money, the selected rows, and one offline page.

Why these parts: an analyst asks "which figures, from where?" — the drop-downs,
the legend and the search narrow the rows, the brush picks a range of money
(only money: a brush over dollars must not select 17 per cent), the table lists
what is selected with quote and sentence, and the page can hand the selection
on as CSV. Every word on it is translated (``labels.csv``), counts carry their
unit ("mind. 1.000 Chips"), and it is at most about 900 px wide, so it fits a
notebook cell and a laptop screen without shrinking.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

import altair as alt
import pandas as pd

from ..atomic import replacing
from ..schema import unit_kind
from ..sources import short_article
from . import textfit
from .colours import colours_for
from .common import source_name
from .interactive import TOOLTIP_TITLES, _axis_labels, _configure, _tooltip, prepare
from .offline import InlineTemplate
from .provenance import date_text
from .style import count, label, text

TABLE_ROWS = 40  # the table shows the first rows of the selection; the download has them all
#: The table's columns: field and width in pixels (the sentence takes what is left of ~900 px)
COLUMNS = [("outlet_label", 128), ("value_text", 104), ("organisation_label", 104), ("quote", 160), ("sentence", 276)]
#: What the CSV download holds, in this order
CSV_COLUMNS = ["id", "article", "start", "end", "quote", "sentence", "value", "value_high", "unit", "per",
               "qualifier", "measure", "organisation", "model", "confidence", "source"]
SELECTION_MARK = "selection"  # names the hidden layer whose items are the selected rows (read by the page's script)


def explorer_rows(figures: pd.DataFrame, locale: str) -> pd.DataFrame:
    """The table's rows with translated labels, counts written with their unit, and one text to search in."""
    data = prepare(figures, locale)
    data = data[data["value"] > 0].copy()
    data["kind"] = data["unit"].map(unit_kind)
    counts = data["kind"] == "count"
    data.loc[counts, "value_text"] = data.loc[counts, "value_text"] + "\u00a0" + data.loc[counts, "unit"].map(
        lambda u: label(u, locale))
    data["organisation_label"] = data["organisation"].map(
        lambda o: ", ".join(label(x, locale) for x in o.split("|") if x) or "–")
    data["outlet_label"] = article_names(data, locale)
    data["qualifier_label"] = data["qualifier"].map(lambda q: label(q, locale))
    data["haystack"] = (data["quote"] + " " + data["sentence"] + " " + data["organisation_label"] + " "
                        + data["model"] + " " + data["measure_label"] + " " + data["outlet_label"] + " " + data["article"]).str.lower()
    for field, width in COLUMNS:  # cut to the cell here: Vega's own cutting measures every letter (seconds)
        data[f"{field}_cell"] = data[field].astype(str).map(lambda x, w=width: textfit.cut(x, w))
    for col in CSV_COLUMNS:
        if col not in data:
            data[col] = ""
    return data


def article_names(data: pd.DataFrame, locale: str) -> pd.Series:
    """Each row's article as a reader knows it: 'Handelsblatt (Jan. 2025)', not 'a01_handelsblatt.txt' (the file
    stays in the tooltip); two articles of one outlet and date are told apart by their short file names."""
    def name(r: pd.Series) -> str:
        when = date_text(str(r.get("date", "") or ""), locale)
        return f"{source_name(r)} ({when})" if when else source_name(r)
    names = data.apply(name, axis=1) if len(data) else pd.Series(dtype=str, index=data.index)
    shared = names.groupby(names).transform(lambda g: data.loc[g.index, "article"].nunique() > 1) if len(data) else names
    return names.where(~shared.astype(bool), names + " · " + data["article"].map(short_article))


def _tooltips(locale: str) -> list[alt.Tooltip]:
    """The shared tooltip, with the qualifier in words of the locale."""
    return [alt.Tooltip("qualifier_label:N", title=TOOLTIP_TITLES[locale]["qualifier"])
            if t.to_dict().get("field") == "qualifier" else t for t in _tooltip(locale)]


#: The entry Vega adds when a legend has more symbols than it shows: its text is fixed in English ("…42 entries")
VEGA_MORE = r"^…(\d+) entries$"


def legend_labels(locale: str) -> str:
    """A Vega expression for the legend's labels: each organisation as it is, Vega's English overflow entry
    ("…42 entries") in the locale's words ("…42 weitere"), since Vega has no setting for that text."""
    return f"replace(datum.label, regexp({json.dumps(VEGA_MORE)}), {json.dumps(label('explorer_legend_more', locale))})"


def _choice(field: str, name: str, values: list[str], locale: str) -> alt.Parameter:
    return alt.selection_point(fields=[field], name=name, bind=alt.binding_select(
        options=[None, *values], labels=[label("all_option", locale), *values],
        name=TOOLTIP_TITLES[locale][name] + " "))


def explorer(figures: pd.DataFrame, locale: str = "de", heading: str = "", source: str = "") -> alt.TopLevelMixin:
    """The whole table: drop-downs (measure, article), legend (organisation), a search, a brush over money on a
    log scale, the count of selected rows and a table of the first of them."""
    data = explorer_rows(figures, locale)
    measure = _choice("measure_label", "measure", sorted(data["measure_label"].unique()), locale)
    article = _choice("outlet_label", "article", sorted(data["outlet_label"].unique()), locale)
    org = alt.selection_point(fields=["organisation_label"], bind="legend", name="organisation")
    search = alt.param(name="search", value="", bind=alt.binding(
        input="search", placeholder=label("explorer_search_hint", locale), name=label("explorer_search", locale)))
    brush = alt.selection_interval(encodings=["x"], name="brush")
    found = "search == '' || indexof(datum.haystack, lower(search)) >= 0"
    money_only = "!length(data('brush_store')) || datum.kind == 'money'"
    chosen = {"and": [{"param": "measure"}, {"param": "article"}, {"param": "organisation"}, found]}
    names = data.drop_duplicates("organisation_label").set_index("organisation_label")["organisation"]
    orgs = sorted(names.index)
    house = colours_for(list(names))  # the same colour for an organisation as in the static charts
    colour = alt.Color("organisation_label:N", scale=alt.Scale(domain=orgs, range=[house[names[o]] for o in orgs]),
                       title=TOOLTIP_TITLES[locale]["organisation"],
                       legend=alt.Legend(orient="top", columns=5, labelLimit=140, labelExpr=legend_labels(locale)))
    money = data[data["kind"] == "money"]
    overview = alt.Chart(money).mark_circle(size=80).encode(
        x=alt.X("value:Q", scale=alt.Scale(type="log"), title=f"{label('USD', locale)} ({label('log_scale', locale)})",
                axis=alt.Axis(labelExpr=_axis_labels(locale))),
        y=alt.Y("measure_label:N", title=None, axis=alt.Axis(labelLimit=180)),
        color=alt.condition(org, colour, alt.value("#dddddd")),
        opacity=alt.value(0.12, condition={"test": chosen, "value": 0.9}),
        tooltip=_tooltips(locale),
    ).add_params(measure, article, org, search, brush).properties(
        width=520, height=max(140, 24 * money["measure_label"].nunique()), title=label("explorer_money", locale))
    selected = (alt.Chart(data).transform_filter(measure & article & org).transform_filter(found)
                .transform_filter(brush).transform_filter(money_only))
    count = selected.transform_aggregate(n="count()").transform_calculate(
        text=_count_expr(locale)).mark_text(align="left", fontSize=13, fontWeight="bold").encode(
        x=alt.value(0), text="text:N").properties(width=800, height=18)
    ranked = selected.transform_window(row="row_number()")
    cols = []
    for field, width in COLUMNS:
        shown = ranked.transform_filter(f"datum.row <= {TABLE_ROWS}").mark_text(
            align="left", baseline="middle", limit=width).encode(
            x=alt.value(0), y=alt.Y("row:O", axis=None), text=f"{field}_cell:N", tooltip=_tooltips(locale)
        ).properties(width=width, height=TABLE_ROWS * 16)
        if field == COLUMNS[0][0]:  # every selected row, invisible: what the page's CSV download reads
            hidden = selected.mark_text(opacity=0, text="").encode(
                x=alt.value(0), y=alt.value(0), detail="id:N").properties(name=SELECTION_MARK)
            shown = alt.layer(shown, hidden)
        cols.append(shown.properties(title=alt.Title(_column_title(field, locale), anchor="start")))
    table = alt.hconcat(*cols, spacing=6)
    top = alt.vconcat(overview, count, table, spacing=14).properties(title=alt.Title(
        heading or headline(figures, locale), subtitle=[*label("explorer_howto", locale).split(" | "), source],
        anchor="start", fontSize=18, subtitleFontSize=12, subtitleColor="#444"))
    return _configure(top, locale)


def _column_title(field: str, locale: str) -> str:
    names = TOOLTIP_TITLES[locale]
    return names.get(field.removesuffix("_label").removesuffix("_short"), field)


def _count_expr(locale: str) -> str:
    """A Vega expression: '31 rows selected, the first 40 below' in the locale's words and number format
    ('1 row selected': the singular form of labels.csv when one row is)."""
    def words(key: str) -> str:
        before, after = label(key, locale).replace("{shown}", str(TABLE_ROWS)).split("{n}")
        return f"{json.dumps(before)} + format(datum.n, ',') + {json.dumps(after)}"
    return f"datum.n == 1 ? {words('explorer_rows_one')} : {words('explorer_rows')}"


_EMBED = "vegaEmbed('#vis', spec, embedOpt).catch(console.error);"
_SCRIPT = """
const csvColumns = __COLUMNS__;
let current = null;
function embed() {
  current = vegaEmbed('#vis', spec, embedOpt).then(r => { window.explorerView = r.view; return r; });
  current.catch(console.error);
}
function selectedRows(view) {
  const rows = [];
  (function walk(node) {
    if (!node) return;
    if (node.marktype && /^__MARK__(_[0-9]+)?_marks$/.test(node.name || '')) { node.items.forEach(i => rows.push(i.datum)); return; }
    (node.items || []).forEach(walk);
  })(view.scenegraph().root);
  return rows;
}
function csvCell(v) {
  const s = (v === null || v === undefined || (typeof v === 'number' && isNaN(v))) ? '' : String(v);
  return /[",\\n\\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
document.getElementById('reset').addEventListener('click', embed);
document.getElementById('download').addEventListener('click', () => current.then(r => {
  const lines = [csvColumns.join(',')].concat(selectedRows(r.view).map(d => csvColumns.map(c => csvCell(d[c])).join(',')));
  const url = URL.createObjectURL(new Blob([lines.join('\\n') + '\\n'], {type: 'text/csv'}));
  const a = document.createElement('a');
  a.href = url; a.download = 'explorer-selection.csv'; document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}));
embed();
"""


#: the drop-downs and the search in one row above the chart, in the chart's font; the page no wider than it needs
_STYLE = """
    body { font-family: 'DejaVu Sans', sans-serif; margin: 12px; }
    #vis.vega-embed { flex-direction: column-reverse; align-items: flex-start; }
    #vis .vega-bindings { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 4px 0 10px; font-size: 13px; }
    #vis .vega-bind-name { margin-right: 4px; font-weight: bold; }
    .toolbar button { font-size: 13px; padding: 3px 10px; }
"""


def page(chart: alt.TopLevelMixin, locale: str, headline_text: str = "Explorer") -> str:
    """The explorer as one offline HTML page (Vega inline) with a reset and a CSV download of the selection."""
    doc = chart.to_html(template=InlineTemplate(), embed_options={"renderer": "svg", "actions": False})
    if _EMBED not in doc or '<div class="vega-visualization"' not in doc:
        raise RuntimeError("altair's inline HTML template changed; newsnumbers/charts/explorer.py must follow it")
    buttons = (f'<div class="toolbar" style="font:14px DejaVu Sans, sans-serif;margin:8px 0">'
               f'<button id="reset">{html.escape(label("explorer_reset", locale))}</button> '
               f'<button id="download">{html.escape(label("explorer_download", locale))}</button></div>\n')
    script = _SCRIPT.replace("__COLUMNS__", json.dumps(CSV_COLUMNS)).replace("__MARK__", SELECTION_MARK)
    doc = doc.replace('<div class="vega-visualization"', buttons + '<div class="vega-visualization"', 1)
    doc = doc.replace("</style>", _STYLE + "</style>", 1)
    doc = doc.replace("<head>", f"<head>\n  <title>{html.escape(headline_text)}</title>", 1)
    doc = doc.replace(_EMBED, script, 1)
    return doc.replace("<html>", f'<html lang="{locale}">', 1)


def save_page(chart: alt.TopLevelMixin, path: str | Path, locale: str, headline_text: str = "Explorer") -> Path:
    """Write :func:`page` atomically."""
    path = Path(path)
    with replacing(path) as tmp:
        Path(tmp).write_text(page(chart, locale, headline_text), encoding="utf-8")
    return path


def headline(df: pd.DataFrame, locale: str) -> str:
    """'Explorer: 31 Zahlen aus 5 Artikeln', computed from the table."""
    return text("explorer_title", locale, n_figures=count("n_numbers", len(df), locale),
                n_articles=count("n_articles_from", df["article"].nunique(), locale))
