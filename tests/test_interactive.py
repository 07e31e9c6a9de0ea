"""The altair charts: provenance in every tooltip, the locale's number format handed to Vega."""

from newsnumbers.charts import questions
from newsnumbers.charts.interactive import explorer, figure_chart


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
