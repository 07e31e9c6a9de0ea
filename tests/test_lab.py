"""Notebooks where analysts work (#12): paths from the project root, offline charts, no maths from `$`,
computed answers, readable rows, `make lab` as root or not, notebooks stripped when staged."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
from conftest import ROOT, SEEDS, copy_repo, make_env

import newsnumbers
from newsnumbers import extract_paths, paths, report
from newsnumbers.charts import notebook, offline, questions
from newsnumbers.run import run

REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc\s*=\s*[\"']?https?:", re.I)
#: URLs an offline chart may name without loading them: XML namespaces, the Vega-Lite schema id, links in messages
NOT_LOADED = ("http://www.w3.org/", "https://vega.github.io/", "https://github.com/vega/")


def loads_from_network(html: str) -> list[str]:
    """URLs in a chart's HTML other than names that are never fetched; a script src among them too."""
    urls = re.findall(r"https?://[^\s\"'<>)\\]+", html)
    return [u for u in urls if not u.startswith(NOT_LOADED)] + REMOTE_SCRIPT.findall(html)


def _project(tmp_path: Path) -> Path:
    """An empty folder with the project's marks."""
    root = tmp_path / "proj"
    for d in ("newsnumbers", "notebooks", "seeds"):
        (root / d).mkdir(parents=True)
    (root / "Makefile").write_text("all:\n")
    return root


# --- paths -------------------------------------------------------------------------------------
def test_root_is_found_from_the_notebooks_folder(tmp_path, monkeypatch):
    root = _project(tmp_path)
    monkeypatch.chdir(root / "notebooks")
    assert paths.project_root() == root.resolve()
    assert paths.resolve("data/figures.csv") == root.resolve() / "data/figures.csv"
    absolute = tmp_path / "elsewhere" / "figures.csv"
    assert paths.resolve(absolute) == absolute  # absolute paths untouched
    monkeypatch.chdir(root)
    assert paths.resolve("data/figures.csv") == Path("data/figures.csv")  # at the root: as written


def test_a_folder_without_all_marks_is_not_the_root(tmp_path):
    root = _project(tmp_path)
    (root / "Makefile").unlink()
    # outside any project: the package's own checkout (an editable install), never the half-marked folder
    assert paths.project_root(root / "notebooks") == Path(newsnumbers.__file__).resolve().parents[1]


def test_missing_folder_is_a_clear_error_naming_the_resolved_path(tmp_path):
    root = _project(tmp_path)
    with pytest.raises(FileNotFoundError) as err:
        paths.resolve("no_such_seeds", root=root, must_exist=True, what="seeds folder")
    assert f"seeds folder not found: {root / 'no_such_seeds'}" in str(err.value)
    assert paths.resolve("seeds", root=root, must_exist=True) == root / "seeds"


def test_chart_build_reads_relative_paths_from_the_root(tmp_path, monkeypatch, seed_figures_csv):
    root = _project(tmp_path)
    (root / "data").mkdir()
    shutil.copy(seed_figures_csv, root / "data/figures.csv")
    monkeypatch.chdir(root / "notebooks")  # where JupyterLab starts the kernel
    chart = notebook.build("03_token_prices", "data/figures.csv", "figures", "de", "svg", str(SEEDS))
    assert chart is not None and (root / "figures/03_token_prices.svg").exists()
    assert not (root / "notebooks/figures").exists()


# --- dollar signs are not maths ---------------------------------------------------------------
def test_markdown_escapes_every_dollar_once():
    assert report.escape_markdown("60 $ / 2,2 $") == "60 \\$ / 2,2 \\$"
    assert report.escape_markdown(report.escape_markdown("$5.6M")) == "\\$5.6M"


def _unescaped_dollars(markdown: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\\)\$", markdown)]


@pytest.mark.parametrize("locale", ["de", "en"])
def test_answer_and_headline_markdown_keep_dollars(seed_figures, locale):
    chart = questions.CHARTS["03_token_prices"](seed_figures, locale, str(SEEDS))
    assert "$" in notebook.headline_text(chart)  # "Verhältnis 60 $ / 2,2 $, …, abgerundet auf 27" in the notes
    for text in (notebook.answer_text(chart), notebook.headline_text(chart)):
        assert not _unescaped_dollars(text), text
        for paragraph in text.split("\n\n"):  # JupyterLab's MathJax skips these (see test_lab_browser.py)
            assert paragraph.startswith(f'<span class="{report.NO_MATHS_CLASS}">') and paragraph.endswith("</span>")
    assert chart.meta.title.replace("$", "\\$") in notebook.answer_text(chart)


def test_tables_and_articles_are_marked_for_mathjax_to_skip(seed_figures):
    try:
        report.no_maths()
        assert "mathjax_ignore" in seed_figures.head(2)._repr_html_()
        assert "tex2jax_ignore" in seed_figures.head(2).style.to_html()
    finally:
        pd.reset_option("display.html.use_mathjax")
        pd.reset_option("styler.html.mathjax")
    html = report.highlight_article(SEEDS, seed_figures["article"].iloc[0], seed_figures)
    assert html.startswith(f"<details class='{report.NO_MATHS_CLASS}'>")


# --- the notebooks' views ------------------------------------------------------------------------
def test_rows_table_is_readable(seed_figures):
    chart = questions.CHARTS["03_token_prices"](seed_figures, "de", str(SEEDS))
    table = notebook.rows_table(chart, str(SEEDS))
    assert list(table.columns) == ["Zahl zu", "Wert", "Genauigkeit", "Messgröße", "Zitat", "Medium", "Artikel"]
    assert set(table["Wert"]) == {"60\u00a0$", "2,2\u00a0$"}
    assert set(table["Zitat"]) == set(chart.data["quote"])
    html = notebook.rows(chart, str(SEEDS)).to_html()
    assert "2,2\u00a0$" in html and chart.data["quote"].iloc[0] in html


def test_extraction_progress_wraps_the_file_list(tmp_path):
    seen = []

    def bar(files):
        seen.extend(files)
        return iter(files)

    with_bar = extract_paths([SEEDS], progress=bar)[0]
    assert sorted(p.name for p in seen) == sorted(p.name for p in SEEDS.glob("*.txt"))
    pd.testing.assert_frame_equal(with_bar, extract_paths([SEEDS])[0])
    assert list(report.progress_bar(seen)) == seen  # the notebook's tqdm bar yields every file


# --- altair offline ------------------------------------------------------------------------------
def test_offline_renderer_inlines_vega_and_loads_nothing(seed_figures):
    chart = questions.CHARTS["03_token_prices"](seed_figures, "de", str(SEEDS))
    before = alt.renderers.active
    try:
        notebook.setup()
        bundle = notebook.interactive(chart, "de")._repr_mimebundle_()
    finally:
        alt.renderers.enable(before)
        pd.reset_option("display.html.use_mathjax")
        pd.reset_option("styler.html.mathjax")
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    html = bundle["text/html"]
    assert not loads_from_network(html), loads_from_network(html)[:5]
    assert "window.vegaEmbed=" in html.replace(" ", "") and "vegaEmbed('#nn-vega-" in html
    assert html.count("</script>") == 2  # nothing inside the bundle or the spec closes a script early
    assert "R1" in html


def test_the_network_check_sees_altairs_default_renderer():
    """altair's own HTML loads Vega from a CDN by script: the check above must catch it."""
    before = alt.renderers.active
    try:
        alt.renderers.enable("html")
        bundle = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q")._repr_mimebundle_()
    finally:
        alt.renderers.enable(before)
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    assert loads_from_network(bundle["text/html"])


def test_offline_spec_cannot_close_its_script():
    html = offline.html({"data": {"values": [{"quote": "</script><script>alert(1)"}]}, "mark": "point"})
    assert html.count("</script>") == 2 and "<\\/script><script>alert(1)" in html


# --- make lab ------------------------------------------------------------------------------------
def _lab_command(tmp_path: Path, uid: str) -> str:
    """What `make lab` would run, with `id -u` answering ``uid``."""
    bin_dir = tmp_path / f"bin{uid}"
    bin_dir.mkdir()
    (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (bin_dir / "id").chmod(0o755)
    env = {**make_env(), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["make", "-n", "-o", ".venv/.installed", "lab", "LAB_ARGS=--port 8899 --no-browser"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_make_lab_allows_root_only_for_root_and_passes_lab_args(tmp_path):
    as_root, as_user = _lab_command(tmp_path, "0"), _lab_command(tmp_path, "1000")
    assert "--allow-root" in as_root and "--allow-root" not in as_user
    for cmd in (as_root, as_user):
        assert "--port 8899 --no-browser" in cmd
        assert f'--ServerApp.root_dir="{ROOT}"' in cmd  # the project, not notebooks/
        assert f'JUPYTER_PATH="{ROOT}/.venv/share/jupyter"' in cmd  # the project's kernel first


# --- notebooks stripped when staged -----------------------------------------------------------
def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)


@pytest.mark.slow
def test_git_filter_from_make_setup_strips_notebooks(tmp_path):
    repo = copy_repo(tmp_path)
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    outside = subprocess.run(["make", "-s", "-o", ".venv/.installed", "gitfilter"], cwd=repo, env=make_env(),
                             capture_output=True, text=True, timeout=120)
    assert outside.returncode == 0 and "not a git checkout" in outside.stdout, outside.stderr
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "t")
    done = subprocess.run(["make", "-s", "-o", ".venv/.installed", "gitfilter"], cwd=repo, env=make_env(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    nb_path = repo / "notebooks/03_token_prices.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    code["execution_count"] = 3
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["saved in Lab\n"]}]
    nb_path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    _git(repo, "add", "notebooks/03_token_prices.ipynb")
    staged = json.loads(_git(repo, "show", ":notebooks/03_token_prices.ipynb").stdout)
    assert all(not c.get("outputs") and not c.get("execution_count") for c in staged["cells"])
    assert "saved in Lab" in nb_path.read_text(encoding="utf-8")  # the working copy keeps its outputs


# --- a notebook run where JupyterLab runs it -------------------------------------------------------
@pytest.mark.slow
def test_notebooks_run_from_the_notebooks_folder_use_the_roots_data(tmp_path):
    repo = copy_repo(tmp_path)
    out = tmp_path / "executed"
    run(repo / "notebooks/01_extract_figures.ipynb", out / "01.ipynb", {}, cwd=repo / "notebooks")
    assert len(pd.read_csv(repo / "data/figures.csv")) > 20
    assert not (repo / "notebooks/data").exists()
    run(repo / "notebooks/03_token_prices.ipynb", out / "03.ipynb", {"formats": "svg"}, cwd=repo / "notebooks")
    assert (repo / "figures/03_token_prices.svg").exists() and not (repo / "notebooks/figures").exists()
    executed = (out / "03.ipynb").read_text(encoding="utf-8")
    assert "27-mal" in executed and "Antwort:" in executed
    from nbconvert import HTMLExporter

    exported, _ = HTMLExporter().from_filename(str(out / "03.ipynb"))
    assert "vegaEmbed('#nn-vega-" in exported
    own = exported.split('<div class="nn-vega"', 1)[1]  # the chart's own output, after nbconvert's page head
    assert not loads_from_network(own), loads_from_network(own)[:5]


@pytest.mark.slow
def test_missing_seeds_folder_stops_01_with_the_resolved_path(tmp_path):
    from papermill.exceptions import PapermillExecutionError

    repo = copy_repo(tmp_path)
    with pytest.raises(PapermillExecutionError) as err:
        run(repo / "notebooks/01_extract_figures.ipynb", tmp_path / "01.ipynb", {"seeds_dir": "no_such_folder"},
            cwd=repo / "notebooks")
    assert "FileNotFoundError" in err.value.ename and str(repo / "no_such_folder") in err.value.evalue
    assert not (repo / "data/figures.csv").exists() and not (repo / "notebooks/data").exists()
