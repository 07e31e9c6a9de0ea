"""The build as a person runs it: `make figures` with odd seeds, failures retried, skipped browser tests said loudly.

Each test failed before: a failed notebook kept its executed copy, so the next
`make` took it for done; `SEEDS="dir with spaces"` split into words; a corpus
without a chart's figures left the previous charts in figures/ and said
"nothing to draw" only inside build/notebooks/; without chromium the browser
tests were one quiet "s" among the dots, and a failed install stopped `make test`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, copy_repo, make_env

from newsnumbers.run import failed_copy
from newsnumbers.run import main as run_main


def make(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", *args], cwd=repo, env=make_env(),
                          capture_output=True, text=True)


@pytest.mark.slow
def test_a_failed_notebook_leaves_no_executed_copy_and_no_old_chart(tmp_path, capsys):
    figs = tmp_path / "figures"
    figs.mkdir()
    for ext in ("svg", "png", "csv", "json", "alt.txt"):
        (figs / f"03_token_prices.{ext}").write_text("from an earlier run", encoding="utf-8")
    out = tmp_path / "build" / "03_token_prices.ipynb"
    out.parent.mkdir()
    out.write_text("{}", encoding="utf-8")  # an earlier run's executed copy
    code = run_main([str(ROOT / "notebooks/03_token_prices.ipynb"), str(out), "-p", "figures_csv",
                     str(tmp_path / "missing.csv"), "-p", "figures_dir", str(figs)])
    err = capsys.readouterr().err
    assert code == 1
    assert not out.exists(), "make would take the failed notebook for done"
    assert failed_copy(out).exists() and f"executed copy with the traceback: {failed_copy(out)}" in err
    assert [p.name for p in figs.iterdir()] == ["index.csv"] and "removed" in err
    assert pd.read_csv(figs / "index.csv").empty
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


@pytest.mark.slow
def test_make_figures_with_spaces_removes_stale_charts_and_retries_failures(tmp_path):
    repo = copy_repo(tmp_path)
    first = make(repo, "figures", "FORMATS=svg")
    assert first.returncode == 0, first.stderr[-3000:]
    assert first.stdout.strip().splitlines()[-1].startswith("built: 6 charts (02_training_costs")
    assert (repo / "figures/03_token_prices.svg").exists()

    calm = tmp_path / "my seeds"
    calm.mkdir()
    (calm / "a calm day.txt").write_text("Heute war ein ruhiger Tag an der Börse.", encoding="utf-8")
    second = make(repo, "figures", "FORMATS=svg", f"SEEDS={calm}")
    assert second.returncode == 0, second.stderr[-3000:]
    last = second.stdout.strip().splitlines()[-1]
    assert last.startswith("built: 0 charts; empty: 6 (02_training_costs,") and last.endswith("rejected: none")
    assert "empty: 03_token_prices: no rows for measures price_per_million_tokens — removed figures/03_token_prices." \
        in second.stderr
    assert sorted(p.name for p in (repo / "figures").iterdir()) == ["index.csv"]
    assert pd.read_csv(repo / "figures/index.csv").empty

    # a chart that fails (here: a folder in the way of its SVG) is run again by the next make
    (repo / "figures/02_training_costs.svg").mkdir()
    third = make(repo, "figures", "FORMATS=svg")
    assert third.returncode != 0 and "error: notebooks/02_training_costs.ipynb: cell" in third.stderr
    assert not (repo / "build/notebooks/02_training_costs.ipynb").exists()
    (repo / "figures/02_training_costs.svg").rmdir()
    fourth = make(repo, "figures", "FORMATS=svg")
    assert fourth.returncode == 0, fourth.stderr[-3000:]
    assert "running notebooks/02_training_costs.ipynb" in fourth.stderr
    assert (repo / "figures/02_training_costs.svg").is_file()
    assert fourth.stdout.strip().splitlines()[-1].startswith("built: 6 charts")

    before = {p.name: p.read_bytes() for p in (repo / "figures").iterdir()}
    fifth = make(repo, "figures", "FORMATS=svg")
    assert fifth.returncode == 0 and "running" not in fifth.stderr  # nothing changed, nothing runs
    assert {p.name: p.read_bytes() for p in (repo / "figures").iterdir()} == before


def test_make_browser_warns_and_carries_on_when_chromium_cannot_be_installed(tmp_path):
    shutil.copy2(ROOT / "Makefile", tmp_path / "Makefile")
    done = subprocess.run(["make", "--no-print-directory", "browser", "CHROMIUM=no-such-browser-here", "APT_GET=false"], cwd=tmp_path, env=make_env(),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "WARNING" in done.stderr and "browser tests will be SKIPPED" in done.stderr


def test_pytest_says_loudly_that_the_browser_tests_were_skipped(tmp_path):
    """Without chromium on PATH, the run ends with a warning line, not one 's' among the dots."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    env = {**os.environ, "PATH": str(bindir)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(ROOT / "tests/test_explorer_browser.py")], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0, done.stdout[-2000:]
    assert any("WARNING" in line and "browser test(s) were SKIPPED" in line for line in lines[-3:]), lines[-5:]
