"""Bad input through the notebooks and the CLI: named, tabled, and the run carries on."""
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, copy_repo, make_env

from newsnumbers import extract_paths, write_csv
from newsnumbers.charts import common, questions
from newsnumbers.run import run

GOOD = "Nvidia verlor fast 600 Milliarden Dollar an Börsenwert. Die Aktie fiel um 17 Prozent."


def _bad_folder(tmp_path: Path) -> Path:
    d = tmp_path / "seeds"
    d.mkdir()
    (d / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (d / "b_empty.txt").write_bytes(b"")
    (d / "c_binary.txt").write_bytes(bytes(range(256)) * 50)
    (d / "d_cp1252.txt").write_bytes("Die Kosten: 5,6 Millionen Euro für Müller.".encode("cp1252"))
    (d / "e_bom.txt").write_bytes(b"\xef\xbb\xbf" + b"Der Preis fiel um 3 Prozent.")
    (d / "f_nofigures.md").write_text("Ein ruhiger Tag ohne Zahlen.", encoding="utf-8")
    (d / "g_page.html").write_text(
        "<html><body><nav>Home · Abo 9,99 €</nav><div id='cookie'>Cookies akzeptieren</div><article>"
        "<p>Meta will in diesem Jahr zwischen 60 und 65 Milliarden Dollar investieren, sagte der Konzern am Freitag "
        "in einer Mitteilung an die Anleger, die an der Börse gut aufgenommen wurde.</p></article></body></html>",
        encoding="utf-8")
    (d / "corrections.csv").write_text("id,action\nnot-an-id,drop\n", encoding="utf-8")
    return d


@pytest.mark.slow
def test_extraction_notebook_tables_every_problem(tmp_path):
    seeds = _bad_folder(tmp_path)
    out = tmp_path / "data"
    run(ROOT / "notebooks/01_extract_figures.ipynb", tmp_path / "01.ipynb",
        {"seeds_dir": str(seeds), "output_dir": str(out)}, cwd=ROOT)
    figures = pd.read_csv(out / "figures.csv")
    rejected = pd.read_csv(out / "rejected.csv")
    assert set(figures["article"]) == {"a_good.txt", "d_cp1252.txt", "e_bom.txt", "g_page.html"}
    assert dict(zip(rejected["article"], rejected["reason"])) == {
        "b_empty.txt": "empty file",
        "c_binary.txt": "binary file (contains NUL bytes)",
        "corrections.csv": "id 'not-an-id' matches no figure (was the article edited?)",
    }
    assert rejected.set_index("article").loc["corrections.csv", "line"] == 2


@pytest.mark.slow
def test_an_empty_seed_folder_gives_empty_tables_and_the_reason(tmp_path):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "data-empty"
    run(ROOT / "notebooks/01_extract_figures.ipynb", tmp_path / "01-empty.ipynb",
        {"seeds_dir": str(tmp_path / "empty"), "output_dir": str(out)}, cwd=ROOT)
    assert pd.read_csv(out / "figures.csv").empty
    assert pd.read_csv(out / "rejected.csv")["reason"].tolist() == ["folder holds no .txt, .md or .html files"]


def test_a_missing_seed_folder_stops_the_extraction_naming_it_and_writes_nothing(tmp_path):
    """A mistyped SEEDS is the analyst's slip, not an article's fault: an error naming the folder, and no
    empty table that would then empty every chart."""
    out = tmp_path / "data-nope"
    with pytest.raises(Exception, match="seeds folder not found") as caught:
        run(ROOT / "notebooks/01_extract_figures.ipynb", tmp_path / "01-nope.ipynb",
            {"seeds_dir": str(tmp_path / "nope"), "output_dir": str(out)}, cwd=ROOT)
    assert str(tmp_path / "nope") in str(caught.value)
    assert not (out / "figures.csv").exists() and not (out / "rejected.csv").exists()


def test_measure_no_chart_knows_is_ignored_by_charts(tmp_path):
    figures, _ = extract_paths([ROOT / "seeds"])
    extra = figures.iloc[[0]].assign(id="x", measure="carbon_tax_revenue", organisation="EU")
    write_csv(pd.concat([figures, extra]), tmp_path / "f.csv")
    df = common.load(tmp_path / "f.csv")
    chart = questions.training_costs(df, "de")
    assert "carbon_tax_revenue" not in set(chart.data["measure"])


@pytest.mark.slow
def test_fifty_megabyte_article_streams_through_the_cli(tmp_path):
    para = ("Die Börsen blieben ruhig, Händler warteten auf neue Zahlen aus den USA und Europa. " * 20
            + "Nvidia verlor an diesem Tag rund 17 Milliarden Dollar an Börsenwert.\n")
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        n = 50_000_000 // len(para) + 1
        for _ in range(n):
            handle.write(para)
    assert big.stat().st_size >= 50_000_000
    out = tmp_path / "f.csv"
    done = subprocess.run([sys.executable, "-m", "newsnumbers", "extract", str(big), "--out", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "[1/1]" in done.stderr  # progress is shown
    table = pd.read_csv(out)
    assert len(table) == n and (table["value"] == 17e9).all()


@pytest.mark.slow
def test_make_figures_carries_on_past_bad_seeds(tmp_path):
    """`make figures SEEDS=<bad folder>` in a copy of the repository: every notebook runs, the problems are tabled."""
    repo = copy_repo(tmp_path)  # the work tree as it is, committed or not
    seeds = _bad_folder(tmp_path)
    done = subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", "figures", f"SEEDS={seeds}"], cwd=repo, env=make_env(),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    rejected = pd.read_csv(repo / "data/rejected.csv")
    assert {"b_empty.txt", "c_binary.txt", "corrections.csv"} <= set(rejected["article"])
    figures = pd.read_csv(repo / "data/figures.csv")
    assert "a_good.txt" in set(figures["article"])
    # the market chart has its figures; charts without theirs said so and the build went on
    assert (repo / "figures/05_market_reaction.svg").exists()
    assert "nothing to draw" in (repo / "build/notebooks/03_token_prices.ipynb").read_text(encoding="utf-8")
    # and the terminal says so: each rejected input with file and line, and the count in the last line
    assert f"rejected: {seeds / 'corrections.csv'}:2: id 'not-an-id' matches no figure" in done.stderr
    assert "empty: 03_token_prices: no rows for measure" in done.stderr
    assert done.stdout.strip().splitlines()[-1].endswith("rejected: 2 files, 1 correction (see data/rejected.csv)")
