"""The notebooks: committed clean, executed through papermill, charts checked against the table."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT
from PIL import Image

from newsnumbers import extract_paths, write_csv
from newsnumbers.run import main as run_main
from newsnumbers.run import run

pytestmark = pytest.mark.slow  # executes notebooks

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
REVIEW = ROOT / "notebooks/08_review.ipynb"  # the editor's form, not a chart (make does not run it)
CHARTS = [p for p in NOTEBOOKS if not p.name.startswith(("01_", "08_"))]
STATIC = [p for p in CHARTS if not p.name.startswith("07_")]  # 07 is the interactive explorer


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_is_clean_and_parameterised(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        assert not cell.get("outputs") and not cell.get("execution_count"), f"{path.name} has outputs"
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown" and "Answer" in "".join(first["source"])
    if path in CHARTS:
        params = "".join(tagged[0]["source"])
        for name in ("figures_csv", "figures_dir", "locale", "formats"):
            assert f"{name} =" in params


def _build(tmp: Path, locale: str) -> Path:
    """Run every notebook like `make figures` does, into ``tmp``."""
    data, figs, out = tmp / "data", tmp / "figures", tmp / "executed"
    run(ROOT / "notebooks/01_extract_figures.ipynb", out / "01.ipynb",
        {"seeds_dir": str(ROOT / "seeds"), "output_dir": str(data)}, cwd=ROOT)
    for nb in CHARTS:
        run(nb, out / nb.name, {"figures_csv": str(data / "figures.csv"), "figures_dir": str(figs),
                                "locale": locale, "formats": "svg,png,pdf", "seeds_dir": str(ROOT / "seeds")},
            cwd=ROOT)
    return tmp


@pytest.fixture(scope="module")
def build_de(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("de1"), "de")


def test_every_chart_has_all_files_and_an_index_row(build_de):
    figs = build_de / "figures"
    index = pd.read_csv(figs / "index.csv")
    assert sorted(index["name"]) == [p.stem for p in CHARTS]
    for name in [p.stem for p in STATIC]:
        for ext in ("svg", "png", "pdf", "csv", "alt.txt", "json"):
            assert (figs / f"{name}.{ext}").stat().st_size > 0
        with Image.open(figs / f"{name}.png") as img:
            assert img.size[0] == 1280
    for ext in ("html", "svg", "png"):
        assert (figs / f"explorer.{ext}").stat().st_size > 0
    assert index["alt"].str.len().min() > 40
    assert index["source"].str.startswith("Quelle:").all()


def test_token_price_chart_data_and_ratio_come_from_the_table(build_de):
    figures = pd.read_csv(build_de / "data/figures.csv", keep_default_na=False)
    prices = figures[figures["measure"].str.startswith("price_per_million_tokens")]
    drawn = pd.read_csv(build_de / "figures/03_token_prices.csv")
    assert sorted(drawn["value"]) == sorted(pd.to_numeric(prices["value"]))
    assert {2.2, 60.0} <= set(drawn["value"])
    ratio = drawn["ratio_dearest_to_cheapest"].iloc[0]
    assert math.isclose(ratio, 60 / 2.2, rel_tol=1e-5)
    title = json.loads((build_de / "figures/03_token_prices.json").read_text())["title"]
    assert "27-mal" in title and "o1" in title and "R1" in title


def test_training_chart_shows_every_sources_figure(build_de):
    figures = pd.read_csv(build_de / "data/figures.csv", keep_default_na=False)
    drawn = pd.read_csv(build_de / "figures/02_training_costs.csv", keep_default_na=False)
    deepseek = figures[(figures["measure"] == "training_cost") & (figures["organisation"] == "DeepSeek")]
    assert len(drawn[(drawn["measure"] == "training_cost") & (drawn["organisation"] == "DeepSeek")]) == len(deepseek)
    assert set(drawn["qualifier"]) >= {"exact", "upper_bound", "lower_bound"}


def test_source_check_compares_articles(build_de):
    drawn = pd.read_csv(build_de / "figures/06_source_check.csv", keep_default_na=False)
    for _, g in drawn.groupby(["organisation", "measure"]):
        assert g["article"].nunique() >= 2


def test_two_builds_are_byte_identical(build_de, tmp_path):
    again = _build(tmp_path, "de")
    for f in sorted((build_de / "figures").iterdir()):
        assert f.read_bytes() == (again / "figures" / f.name).read_bytes(), f.name
    assert (build_de / "data/figures.csv").read_bytes() == (again / "data/figures.csv").read_bytes()


def test_english_locale(tmp_path):
    figures, _ = extract_paths([ROOT / "seeds"])
    write_csv(figures, tmp_path / "figures.csv")
    for nb in STATIC[:2]:
        run(nb, tmp_path / nb.name, {"figures_csv": str(tmp_path / "figures.csv"), "figures_dir": str(tmp_path / "f"),
                                     "locale": "en", "formats": "svg", "seeds_dir": str(ROOT / "seeds")}, cwd=ROOT)
    meta = json.loads((tmp_path / "f/03_token_prices.json").read_text())
    assert meta["language"] == "en" and "27 times" in meta["title"] and meta["source"].startswith("Source:")
    assert "$5.6M" in json.loads((tmp_path / "f/02_training_costs.json").read_text())["alt"]
    assert not (tmp_path / "f/02_training_costs.png").exists()  # only the formats asked for


def test_table_without_the_measure_gives_a_message_not_a_crash(tmp_path):
    figures, _ = extract_paths([ROOT / "seeds"])
    write_csv(figures[figures["measure"] != "market_value_loss"].head(0), tmp_path / "empty.csv")
    out = tmp_path / "05.ipynb"
    run(ROOT / "notebooks/05_market_reaction.ipynb", out,
        {"figures_csv": str(tmp_path / "empty.csv"), "figures_dir": str(tmp_path / "f"), "locale": "de",
         "formats": "svg"}, cwd=ROOT)
    text = out.read_text(encoding="utf-8")
    assert "nothing to draw" in text and "market_value_loss" in text
    assert not (tmp_path / "f" / "05_market_reaction.svg").exists()


def test_failing_notebook_names_notebook_and_cell(tmp_path, capsys):
    code = run_main([str(ROOT / "notebooks/03_token_prices.ipynb"), str(tmp_path / "o.ipynb"),
                     "-p", "figures_csv", str(tmp_path / "missing.csv"), "-p", "figures_dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "03_token_prices.ipynb: cell" in err and "FileNotFoundError" in err and "missing.csv" in err
