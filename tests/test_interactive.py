"""The altair charts: provenance in every tooltip, the locale's number format handed to Vega."""

from newsnumbers.charts import questions
from newsnumbers.charts.explorer import explorer
from newsnumbers.charts.interactive import figure_chart


def test_figure_chart_tooltips_and_locale(seed_figures):
    chart = questions.token_prices(seed_figures, "de")
    spec = figure_chart(chart.data, "de", chart.meta.title).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    layer_tooltips = [layer["encoding"].get("tooltip") for layer in spec["layer"] if "tooltip" in layer.get("encoding", {})]
    fields = {t["field"] for t in layer_tooltips[0]}
    assert {"value_text", "qualifier", "quote", "sentence", "article"} <= fields
    values = spec["datasets"][next(iter(spec["datasets"]))]
    assert {v["value_text"] for v in values} == {"60\u00a0$", "2,2\u00a0$"}


def test_english_locale_formats(seed_figures):
    chart = questions.training_costs(seed_figures, "en")
    spec = figure_chart(chart.data, "en").to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == "."
    texts = {v["value_text"] for v in spec["datasets"][next(iter(spec["datasets"]))]}
    assert "$5.6M" in texts and "≥ $100M" in texts


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
