"""`make` redoes only what a change touches (issue 13): asked with `make -n`/`make -q` in a copy of the project.

Before, every chart and the extraction depended on every file of the package, so
touching the benchmark's scoring or a chart's colour re-ran the extraction, and
`make -q` always said "out of date" (a FORCE'd listing of the seeds).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, copy_repo, make_env

CHARTS = sorted(p.stem for p in (ROOT / "notebooks").glob("0[2-7]_*.ipynb"))
EXTRACT = "notebooks/01_extract_figures.ipynb"


def make(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", *args], cwd=repo,
                          env=make_env(), capture_output=True, text=True)


def _set_times(paths, when: float) -> None:
    for p in paths:
        os.utime(p, (when, when), follow_symlinks=False)


@pytest.fixture()
def built(tmp_path) -> Path:
    """A copy of the project that make takes for fully built (targets newer than every input), nothing executed."""
    repo = copy_repo(tmp_path)
    (repo / "bench").mkdir()
    (repo / "bench" / "bench.py").write_text("print('bench')\n", encoding="utf-8")
    (repo / "tests").mkdir()
    (repo / "tests" / "test_x.py").write_text("def test_x():\n    pass\n", encoding="utf-8")
    past = time.time() - 1000
    _set_times([p for p in repo.rglob("*") if ".venv" not in p.parts], past)
    assert make(repo, "-q", "build/params.txt").returncode == 0  # the listings are written while make reads
    targets = [repo / "data/figures.csv", repo / "data/rejected.csv", repo / "build/summary.txt", repo / "build/vega-embed.js",
               *[repo / f"build/notebooks/{n}.ipynb" for n in ["01_extract_figures", *CHARTS]]]
    for t in targets:
        t.parent.mkdir(parents=True, exist_ok=True)
        t.write_text("built\n", encoding="utf-8")
    _set_times([repo / "build/params.txt", repo / "build/seeds.txt"], past)
    _set_times(targets, past + 500)
    return repo


def would_run(repo: Path, *args: str) -> list[str]:
    """The notebooks `make -n figures` would execute."""
    done = make(repo, "-n", "figures", *args)
    assert done.returncode == 0, done.stderr
    return re.findall(r"newsnumbers\.run notebooks/(\S+)\.ipynb", done.stdout)


def touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    os.utime(path)


def test_nothing_changed_nothing_runs(built):
    assert would_run(built) == []
    assert make(built, "-q", "build/summary.txt").returncode == 0


@pytest.mark.parametrize("changed", ["newsnumbers/engine/recognise.py", "newsnumbers/lexicon/organisations.csv",
                                     "seeds/000_c4fb8e7e0f58dad6.txt", "seeds/corrections.csv",
                                     "notebooks/01_extract_figures.ipynb"])
def test_the_engine_lexicon_or_seeds_rerun_extraction_and_charts(built, changed):
    touch(built / changed)
    assert would_run(built) == ["01_extract_figures", *CHARTS]


@pytest.mark.parametrize("changed", ["newsnumbers/charts/plots.py", "newsnumbers/charts/house_colours.csv",
                                     "newsnumbers/charts/labels.csv"])
def test_charts_code_reruns_the_charts_only(built, changed):
    touch(built / changed)
    assert would_run(built) == CHARTS


def test_one_chart_notebook_reruns_itself_only(built):
    touch(built / "notebooks/03_token_prices.ipynb")
    assert would_run(built) == ["03_token_prices"]


def test_another_locale_reruns_the_charts_only(built):
    assert would_run(built, "LOCALE=en") == CHARTS


@pytest.mark.parametrize("changed", ["bench/bench.py", "tests/test_x.py", "newsnumbers/evaluate/scoring.py",
                                     "README.md"])
def test_bench_and_test_code_rerun_nothing(built, changed):
    touch(built / changed)
    assert would_run(built) == []
    assert make(built, "-q", "build/summary.txt").returncode == 0


def _prerequisites(target: str) -> set[str]:
    done = subprocess.run(["make", "-pq", "-o", ".venv/.installed", target], cwd=ROOT, env=make_env(),
                          capture_output=True, text=True)
    for line in done.stdout.splitlines():
        if line.startswith(f"{target}:"):
            return set(line.split(":", 1)[1].split("|")[0].split())
    raise AssertionError(f"no rule for {target} in make's database")


def _modules_read(code: str) -> set[str]:
    """The package's files a step loads (run in a fresh interpreter)."""
    script = (code + "\nimport sys\nfor m in sorted(sys.modules):\n    f = getattr(sys.modules[m], '__file__', None)\n"
              "    if m.startswith('newsnumbers') and f:\n        print(f)\n")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    return {str(Path(f).resolve().relative_to(ROOT)) for f in out.split()}


@pytest.mark.slow
def test_each_step_depends_on_every_module_it_loads():
    extract = _modules_read("import newsnumbers, newsnumbers.report, newsnumbers.run\n"
                            "from newsnumbers import extract_paths, sources\nextract_paths(['seeds'])\n"
                            "sources.detect(['seeds'])")
    charts = _modules_read("import newsnumbers.charts.notebook, newsnumbers.charts.interactive, newsnumbers.run")
    data = _prerequisites("data/figures.csv")
    chart = _prerequisites("build/notebooks/02_training_costs.ipynb")
    assert extract - data == set()
    # the engine (and what it imports: corrections, vocabulary) is loaded by the package's __init__, not used by charts
    incidental = {"newsnumbers/corrections.py", "newsnumbers/vocabulary.py"}
    assert {m for m in charts - incidental if "/engine/" not in m and "/lexicon/" not in m} - chart == set()
    assert "newsnumbers/charts/plots.py" in chart and "newsnumbers/engine/recognise.py" in data
    assert not [p for p in data | chart if "/evaluate/" in p or p.startswith(("bench/", "tests/"))]
