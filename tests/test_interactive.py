"""The altair charts: provenance in every tooltip, the locale's number format handed to Vega,
each fact one mark, each unit its own axis, every word in the chart's language (issue 13)."""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from newsnumbers import extract_paths
from newsnumbers.charts import questions
from newsnumbers.charts.explorer import explorer
from newsnumbers.charts.interactive import figure_chart

sys.path.insert(0, str(Path(__file__).parent))
from test_layout import built, seeds_and_dev  # noqa: E402

#: fields shown that hold the article's own words (quote, sentence), or names of outlets and files
OWN_WORDS = {"quote", "sentence", "article", "sources"}


def panels(spec: dict) -> list[tuple[dict, list[dict]]]:
    """(panel, its data rows) of a figure chart's spec: one panel per unit."""
    return [(p, spec["datasets"][p.get("data", spec.get("data"))["name"]]) for p in spec["vconcat"]]


def points(panel: dict) -> dict:
    return next(layer for layer in panel["layer"] if layer["mark"]["type"] == "point")


def test_figure_chart_tooltips_and_locale(seed_figures):
    chart = questions.token_prices(seed_figures, "de")
    spec = figure_chart(chart.data, "de", chart.meta.title).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    [(panel, values)] = panels(spec)
    tips = {t["field"]: t["title"] for t in points(panel)["encoding"]["tooltip"]}
    assert {"value_text", "qualifier_label", "quote", "sentence", "sources", "mentions"} <= set(tips)
    assert tips["qualifier_label"] == "Genauigkeit" and tips["sources"] == "Quelle"
    assert {v["value_text"] for v in values} == {"60\u00a0$", "2,2\u00a0$"}
    assert points(panel)["encoding"]["x"]["title"] == "US-Dollar pro Million Token"


def test_english_locale_formats(seed_figures):
    chart = questions.training_costs(seed_figures, "en")
    spec = figure_chart(chart.data, "en").to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == "."
    texts = {v["value_text"] for _, rows in panels(spec) for v in rows}
    assert "$5.6M" in texts and "≥ $100M" in texts


@pytest.fixture(scope="module")
def dev_table(tmp_path_factory) -> tuple[pd.DataFrame, Path]:
    """(the table, the folder) of the seeds plus the dev corpus."""
    folder = seeds_and_dev(tmp_path_factory.mktemp("dev") / "articles")
    return extract_paths([folder])[0], folder


@pytest.fixture(scope="module")
def corpus_charts(dev_table, seed_figures):
    """Every chart of the seeds and of the seeds plus the dev corpus, in both locales: (where, name, locale, Chart)."""
    tables = {"seeds": (seed_figures, Path(__file__).parents[1] / "seeds"), "dev": dev_table}
    out = []
    for where, (df, seeds) in tables.items():
        for locale in ("de", "en"):
            for name, chart in built(df, seeds, locale):
                plt.close(chart.figure)
                out.append((where, name, locale, chart))
    assert len(out) == 20
    return out


def _fact_count(data: pd.DataFrame) -> int:
    ids = data["fact_id"].fillna("").astype(str)
    return ids[ids != ""].nunique() + int((ids == "").sum())


def test_one_mark_per_fact_and_one_unit_per_axis(corpus_charts):
    for where, name, locale, chart in corpus_charts:
        spec = figure_chart(chart.data, locale, chart.meta.title).to_dict()
        assert spec["resolve"]["scale"]["x"] == "independent"
        drawn, mentions = 0, 0
        for panel, rows in panels(spec):
            assert len({(r["unit"], r["per"]) for r in rows}) == 1, f"{where} {name}: units mixed on one axis"
            for layer in panel["layer"]:  # every layer draws its panel's rows: no layer brings its own data
                assert "data" not in layer
            drawn += len(rows)
            mentions += sum(r["mentions"] for r in rows)
        assert drawn == _fact_count(chart.data), f"{where} {name} {locale}"
        assert mentions == len(chart.data)
    repeated = [c for w, n, _, c in corpus_charts if w == "dev" and not c.data["fact_id"].is_unique]
    assert repeated  # the corpus has facts said twice: the count above is a real test
    mixed = [c for w, n, _, c in corpus_charts if c.data["unit"].nunique() > 1]
    assert mixed  # and charts with money and percent


def _english_only() -> set[str]:
    """Words of labels.csv whose German differs, and the table's own keys (approx, lower_bound, share_price ...)."""
    path = Path(__file__).parents[1] / "newsnumbers" / "charts" / "labels.csv"
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["en"] != r["de"]]
    german = {r["de"] for r in rows}
    words = {r["en"] for r in rows if "{" not in r["en"] and len(r["en"]) > 2}
    keys = {r["key"] for r in rows if "_" in r["key"] and not r["key"].startswith(("tip_", "col_", "per_"))}
    return (words | keys | {"approx", "exact"}) - german


def _shown_strings(spec: dict) -> list[str]:
    """Every title in the spec and every value of a field it shows (text, tooltip, shape legend, row labels)."""
    out: list[str] = []
    fields: set[str] = set()

    def walk(node, key=""):
        if isinstance(node, dict):
            if key in ("text", "tooltip", "shape", "y") and "field" in node:
                fields.add(node["field"])
            for k, v in node.items():
                if k != "datasets":
                    walk(v, k if k in ("text", "tooltip", "shape", "y", "title", "subtitle") else key)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("title", "subtitle"):
            out.append(node)
    walk(spec)
    assert {"value_text", "qualifier_label"} <= fields
    for rows in spec["datasets"].values():
        out += [str(r[f]) for r in rows for f in fields - OWN_WORDS if f in r]
    return out


def test_the_german_chart_has_no_english_words(corpus_charts):
    vocabulary = _english_only()
    assert {"exact", "approximate", "at least", "Qualifier", "log scale"} <= vocabulary
    for where, name, locale, chart in corpus_charts:
        if locale != "de":
            continue
        shown = _shown_strings(figure_chart(chart.data, "de", chart.meta.title).to_dict())
        assert any("Genauigkeit" in s for s in shown)
        outlets = set(chart.data["outlet"].dropna()) if "outlet" in chart.data else set()
        for s in shown:
            s = re.sub("„[^“]*“", "", s)  # the source check's labels quote the article
            for outlet in outlets:  # an outlet's name is its own ("Investment Week")
                s = s.replace(outlet, "")
            bad = [w for w in vocabulary if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", s)]
            assert not bad, f"{where} {name}: {bad} in {s!r}"


def test_vega_s_own_words_in_the_explorer_are_translated(dev_table):
    """Vega writes a legend's overflow entry itself, in English ("…62 entries"): drawn by Vega (vl-convert),
    the German explorer says "…62 weitere", the English one "…62 more"."""
    import vl_convert

    table, _ = dev_table
    organisations = explorer(table, "de").to_dict()["vconcat"][0]["encoding"]["color"]["condition"]["scale"]["domain"]
    for locale, word in (("de", "weitere"), ("en", "more")):
        svg = vl_convert.vegalite_to_svg(explorer(table, locale).to_dict())
        shown = re.findall(r">([^<]+)</text>", svg)
        more = [s for s in shown if re.fullmatch(rf"…\d+ {word}", s)]
        assert len(more) == 1 and len(organisations) > int(more[0][1:].split()[0]) > 0, more
        assert not [s for s in shown if "entries" in s], locale


def test_a_converted_amount_shows_the_article_s_currency_and_rate(corpus_charts):
    found = False
    for _, _, locale, chart in corpus_charts:
        spec = figure_chart(chart.data, locale).to_dict()
        for _, rows in panels(spec):
            for r in rows:
                if r.get("unit_original") and r["unit_original"] != r["unit"]:
                    found = True
                    assert r["as_written"] != r["value_text"]
                    assert ("EZB" if locale == "de" else "ECB") in r["rate_text"]
    assert found


def test_explorer_has_filters_and_a_brush(seed_figures):
    spec = explorer(seed_figures, "en").to_dict()
    params = {p["name"]: p for p in spec["params"]} if "params" in spec else {}
    names = set(params) or {p["name"] for v in spec["vconcat"] for p in v.get("params", [])}
    assert {"measure", "article", "organisation", "brush"} <= names


def test_explorer_labels_in_both_locales_and_counts_with_their_unit(seed_figures):
    from newsnumbers.charts.explorer import explorer_rows

    words = {"de": ("KI-Branche", "weltweit", "genau", "Alter", "40\u00a0Jahre", "mind. 1.000\u00a0Chips"),
             "en": ("AI industry", "global", "exact", "Age", "40\u00a0years", "≥ 1,000\u00a0chips")}
    for locale, (industry, world, exact, age, years, chips) in words.items():
        rows = explorer_rows(seed_figures, locale)
        assert {industry, world} <= set(rows["organisation_label"])
        assert exact in set(rows["qualifier_label"]) and age in set(rows["measure_label"])
        assert {years, chips} <= set(rows["value_text"])
    german = explorer_rows(seed_figures, "de")
    assert not {"AI industry", "global"} & set(german["organisation_label"])
    assert not {"exact", "age"} & (set(german["qualifier_label"]) | set(german["measure_label"]))


def test_explorer_brush_selects_money_only_and_the_page_has_search_reset_download(seed_figures):
    from newsnumbers.charts.explorer import explorer, page

    chart = explorer(seed_figures, "de", "Explorer", "Quelle: x")
    spec = chart.to_dict()
    text = str(spec)
    assert "datum.kind == 'money'" in text and "brush_store" in text
    names = {p["name"] for p in spec.get("params", [])} | {p["name"] for v in spec["vconcat"] for p in v.get("params", [])}
    assert {"search", "brush", "measure", "article", "organisation"} <= names
    assert spec["title"]["text"] == "Explorer" and spec["title"]["subtitle"][-1] == "Quelle: x"
    html = page(chart, "de", "Explorer")
    assert 'id="reset"' in html and 'id="download"' in html and "Zurücksetzen" in html
    assert "<title>Explorer</title>" in html and "cdn" not in html.split("<script")[0]


def test_every_mark_has_its_legend_entry_s_colour(seed_figures):
    """03: DeepSeek's dot was blue while the only legend (the qualifier's shapes) drew "genau" in black. Every
    organisation now has a colour legend entry in its house colour, and the shape legend a colour no mark has."""
    from newsnumbers.charts.colours import colours_for

    chart = questions.token_prices(seed_figures, "de", None)
    plt.close(chart.figure)
    spec = figure_chart(chart.data, "de", chart.meta.title).to_dict()
    seen = 0
    for panel, rows in panels(spec):
        enc = points(panel)["encoding"]
        colour, shape = enc["color"], enc["shape"]
        assert colour.get("legend", {}) is not None  # the organisations' colours are explained
        legend_colour = dict(zip(colour["scale"]["domain"], colour["scale"]["range"]))
        for row in rows:
            assert legend_colour[row[colour["field"]]] == colours_for([row["organisation"]])[row["organisation"]]
            seen += 1
        symbols = {shape["legend"]["symbolFillColor"], shape["legend"]["symbolStrokeColor"]}
        assert not symbols & set(colour["scale"]["range"])
    assert seen >= 2


def test_the_explorer_names_outlets_not_files(seed_figures, tmp_path):
    """The explorer's table and article drop-down showed 'p01_kleinezeitung'; a reader knows the outlet. The file
    stays in the tooltip; two articles of one outlet and date are told apart by their short file names."""
    from newsnumbers.charts import provenance
    from newsnumbers.charts.explorer import COLUMNS, explorer_rows

    (tmp_path / "sources.csv").write_text(
        "article,title,outlet,date,url,language\n000_c4fb8e7e0f58dad6.txt,,Kleine Zeitung,2025-01-28,,de\n"
        "001_8a989e1628b33e29.txt,,Kleine Zeitung,2025-01-28,,de\n003_f348a2a9456c9d4a.txt,,heise online,2025-01,,de\n",
        encoding="utf-8")
    table = provenance.attach(seed_figures, tmp_path, None, "de")
    rows = explorer_rows(table, "de")
    names = dict(zip(rows["article"], rows["outlet_label"]))
    assert names["003_f348a2a9456c9d4a.txt"] == "heise online (Jan. 2025)"
    assert names["000_c4fb8e7e0f58dad6.txt"] == "Kleine Zeitung (28.1.2025) · 000"
    assert COLUMNS[0][0] == "outlet_label" and not any(".txt" in n for n in names.values())
    spec = explorer(table, "de").to_dict()
    [choice] = [p for p in spec.get("params", []) + [q for v in spec["vconcat"] for q in v.get("params", [])]
                if p["name"] == "article"]
    assert choice["select"]["fields"] == ["outlet_label"] and "heise online (Jan. 2025)" in choice["bind"]["options"]
    assert any(t.get("field") == "article" for t in spec["vconcat"][0]["encoding"]["tooltip"])  # the file, on hover
