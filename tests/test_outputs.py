"""Outputs are whole or absent: atomic writes, empty charts remove their old files, the build's last line.

Each test failed before: a write that died left a truncated file where the
previous good one had been; an empty chart left the previous corpus's files
and index row in figures/ and said so only inside build/notebooks/; notebook
03 raised KeyError on an empty table.
"""
from __future__ import annotations

import errno
import json
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from conftest import ROOT

from newsnumbers import atomic, buildinfo, extract_paths, write_csv
from newsnumbers.charts import common, notebook, questions
from newsnumbers.charts.style import ChartMeta, finalise

CHARTS = sorted(questions.CHARTS)


def _full_disk(*args, **kwargs):
    """A writer that gets half-way, then finds the disk full."""
    target = kwargs.get("path_or_buf", args[1] if len(args) > 1 else None)
    Path(target).write_text("id,arti", encoding="utf-8")
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failed_csv_write_keeps_the_previous_file(tmp_path, monkeypatch, seed_figures):
    out = tmp_path / "figures.csv"
    write_csv(seed_figures, out)
    before = out.read_bytes()
    monkeypatch.setattr(pd.DataFrame, "to_csv", _full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_csv(seed_figures, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures.csv"]  # no temporary file left


def test_the_target_is_untouched_until_the_new_file_is_complete(tmp_path):
    target = tmp_path / "index.csv"
    target.write_text("old\n", encoding="utf-8")
    with atomic.replacing(target) as tmp:
        tmp.write_text("new, half", encoding="utf-8")
        assert target.read_text(encoding="utf-8") == "old\n"  # a reader (or a kill) now sees the old file
        assert atomic.is_temp(tmp) and tmp.parent == target.parent
    assert target.read_text(encoding="utf-8") == "new, half"


def test_a_chart_that_fails_while_saving_keeps_the_previous_chart(tmp_path, monkeypatch):
    meta = ChartMeta("x", "T", "S", "", "Quelle: a", "alt text", "de")
    data = pd.DataFrame({"value": [1.0]})
    fig, _ = plt.subplots()
    finalise(fig, meta, data, tmp_path, ["png"])
    before = (tmp_path / "x.png").read_bytes()

    def dies(self, fname, **kwargs):
        Path(fname).write_bytes(b"\x89PNG half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(plt.Figure, "savefig", dies)
    fig, _ = plt.subplots()
    with pytest.raises(OSError):
        finalise(fig, ChartMeta("x", "T2", "S", "", "Quelle: a", "alt", "de"), data, tmp_path, ["png"])
    plt.close("all")
    assert (tmp_path / "x.png").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if atomic.is_temp(p)]


def _tables(tmp_path: Path) -> dict[str, Path]:
    figures, _ = extract_paths([ROOT / "seeds"])
    paths = {"seeds": tmp_path / "seeds.csv", "empty": tmp_path / "empty.csv", "other": tmp_path / "other.csv"}
    write_csv(figures, paths["seeds"])
    write_csv(figures.head(0), paths["empty"])
    # rows, but none any chart draws: counts and percent figures of one article
    write_csv(figures[figures["measure"].isin(["chip_count", "age"])], paths["other"])
    return paths


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return _tables(tmp_path_factory.mktemp("tables"))


@pytest.mark.parametrize("kind", ["empty", "other"])
@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_on_a_table_without_its_rows_says_so(tables, name, kind):
    df = common.load(tables[kind])
    with pytest.raises(common.NoData) as info:
        questions.CHARTS[name](df, "de")
    assert info.value.wanted.startswith("no ")


@pytest.mark.parametrize("name", CHARTS)
def test_an_empty_chart_removes_its_earlier_files_and_index_row(tables, tmp_path, capsys, name):
    figs = tmp_path / "figures"
    chart = notebook.build(name, str(tables["seeds"]), str(figs), "de", "svg", None)
    other = "03_token_prices" if name != "03_token_prices" else "02_training_costs"
    notebook.build(other, str(tables["seeds"]), str(figs), "de", "svg", None)
    assert chart is not None and (figs / f"{name}.svg").exists()
    capsys.readouterr()
    assert notebook.build(name, str(tables["other"]), str(figs), "de", "svg", None) is None
    out = capsys.readouterr()
    assert "nothing to draw" in out.out
    assert f"empty: {name}: no " in out.err and f"removed {figs / name}.{{" in out.err
    assert sorted(p.name for p in figs.iterdir() if not p.name.startswith(other)) == ["index.csv"]
    assert pd.read_csv(figs / "index.csv")["name"].tolist() == [other]


def test_explorer_on_an_empty_table_removes_its_page(tables, tmp_path, capsys):
    figs = tmp_path / "figures"
    figs.mkdir()
    for name in ("explorer.html", "explorer.svg", "explorer.png", "07_explorer.alt.txt"):  # an earlier run's
        (figs / name).write_text("x", encoding="utf-8")
    (figs / "07_explorer.json").write_text(json.dumps({"name": "07_explorer", "title": "t", "alt": "a",
                                                        "files": ["explorer.html"]}), encoding="utf-8")
    assert notebook.explorer(str(tables["empty"]), str(figs), "de", None, "svg") is None
    assert "empty: 07_explorer" in capsys.readouterr().err
    assert [p.name for p in figs.iterdir()] == ["index.csv"]


def test_a_format_no_longer_asked_for_is_removed(tables, tmp_path):
    figs = tmp_path / "figures"
    notebook.build("03_token_prices", str(tables["seeds"]), str(figs), "de", "svg,png,pdf", None)
    notebook.build("03_token_prices", str(tables["seeds"]), str(figs), "de", "svg", None)
    assert not (figs / "03_token_prices.png").exists() and not (figs / "03_token_prices.pdf").exists()
    assert json.loads((figs / "03_token_prices.json").read_text())["files"] == ["03_token_prices.svg",
                                                                               "03_token_prices.csv"]


def test_build_summary_says_built_empty_and_rejected(tmp_path):
    figs = tmp_path / "figures"
    figs.mkdir()
    pd.DataFrame({"name": ["02_training_costs", "07_explorer"], "title": ["a", "b"]}).to_csv(figs / "index.csv", index=False)
    pd.DataFrame({"article": ["b.txt", "c.txt", "corrections.csv", "sources.csv"], "path": "", "line": "",
                  "reason": "x"}).to_csv(tmp_path / "rejected.csv", index=False)
    books = ["notebooks/02_training_costs.ipynb", "notebooks/03_token_prices.ipynb", "notebooks/07_explorer.ipynb"]
    line = buildinfo.summary(figs, tmp_path / "rejected.csv", books)
    assert line == ("built: 2 charts (02_training_costs, 07_explorer); empty: 1 (03_token_prices); "
                    f"rejected: 2 files, 1 correction, 1 sources.csv row (see {tmp_path / 'rejected.csv'})")
    (tmp_path / "rejected.csv").write_text("article,path,line,reason\n", encoding="utf-8")
    assert buildinfo.summary(figs, tmp_path / "rejected.csv", books).endswith("; rejected: none")


def test_make_depends_on_a_listing_of_the_seeds_not_on_their_names(tmp_path):
    seeds = tmp_path / "my seeds"
    seeds.mkdir()
    (seeds / "an article.txt").write_text("x", encoding="utf-8")
    params, listing = tmp_path / "params.txt", tmp_path / "seeds.txt"
    env = {"SEEDS": str(seeds), "LOCALE": "en", "FORMATS": "svg"}
    buildinfo.inputs(params, listing, env)
    assert params.read_text() == f"SEEDS={seeds}\nLOCALE=en\nFORMATS=svg\nPUBLISH=all\n"
    assert f"{seeds / 'an article.txt'}\t1\t" in listing.read_text()
    stamp = listing.stat().st_mtime_ns
    buildinfo.inputs(params, listing, env)
    assert listing.stat().st_mtime_ns == stamp  # unchanged inputs: make sees nothing new
    (seeds / "another.txt").write_text("y", encoding="utf-8")
    assert not buildinfo.update(params, params.read_text())
    buildinfo.inputs(params, listing, env)
    assert "another.txt" in listing.read_text()


def test_makefile_deletes_half_made_targets_and_names_no_seed_file():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert ".DELETE_ON_ERROR:" in text
    assert "$(shell find $(SEEDS)" not in text and '-p seeds_dir "$$SEEDS"' in text
