"""Every notebook in JupyterLab, in headless Chromium with the network blocked (#12): Run All gives no
error, every altair chart draws its marks, hovering a mark shows its tooltip, no `$` becomes maths,
and the notebooks read and write the project root's data/ although their kernels start in notebooks/.

The server is `make lab` itself (tests/labserver.py), on a temporary copy of the project.
"""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import ROOT
from labserver import CHROMIUM, SKIP_REASON, close_notebook, lab, lab_page, open_notebook, run_all, shots_dir

pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason=SKIP_REASON)]
__all__ = ["lab", "lab_page"]  # fixtures used by name

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("0[1-7]_*.ipynb"))
CHARTS = [n for n in NOTEBOOKS if not n.startswith("01_")]  # each ends with an altair chart


def _check_charts(page, name: str, quotes: set[str]) -> None:
    charts = page.locator(".jp-OutputArea-output .nn-vega")
    assert charts.count() >= 1, f"{name}: no altair chart in the outputs"
    for i in range(charts.count()):
        chart = charts.nth(i)
        marks = chart.locator("svg g.mark-symbol path, svg g.mark-rect path, svg g.mark-rule line")
        marks.first.wait_for(state="attached", timeout=30_000)
        assert marks.count() >= 2, f"{name}: chart {i} drew {marks.count()} marks"
    chart = charts.first
    chart.scroll_into_view_if_needed()
    page.screenshot(path=str(shots_dir() / f"{name}-chart.png"))
    tooltip = page.locator("#vg-tooltip-element")
    for j in range(min(5, chart.locator("svg g.mark-symbol path").count())):
        chart.locator("svg g.mark-symbol path").nth(j).hover(force=True)
        try:
            tooltip.wait_for(state="visible", timeout=3_000)
            break
        except Exception:  # a mark under another one: try the next
            continue
    text = tooltip.inner_text()
    assert any(q in text for q in quotes), f"{name}: tooltip without a quote: {text!r}"
    page.screenshot(path=str(shots_dir() / f"{name}-tooltip.png"))
    page.mouse.move(1, 1)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab_offline(lab, lab_page, name):
    page = lab_page
    open_notebook(page, lab, f"notebooks/{name}")
    page.screenshot(path=str(shots_dir() / f"{name}-opened.png"))
    state = run_all(page)
    try:
        assert not state["errors"], f"{name}: {state['errors']}"
        assert state["pending"] == 0, f"{name}: {state['pending']} cells did not run"
        assert page.locator(".jp-OutputArea mjx-container").count() == 0, f"{name}: a $ was typeset as maths"
        quotes = set(pd.read_csv(lab.project / "data/figures.csv", keep_default_na=False)["quote"])
        if name in CHARTS:
            _check_charts(page, name, quotes)
        page.locator(".jp-NotebookPanel:visible .jp-Cell").first.scroll_into_view_if_needed()
        page.screenshot(path=str(shots_dir() / f"{name}-top.png"))
    finally:
        close_notebook(page)
    assert not (lab.project / "notebooks" / "data").exists(), "a notebook wrote data/ under notebooks/"
    assert not (lab.project / "notebooks" / "figures").exists(), "a notebook wrote figures/ under notebooks/"
    assert not lab.blocked, f"requests to the network: {lab.blocked[:5]}"
    sessions = page.evaluate("() => window.jupyterapp.serviceManager.sessions.refreshRunning()"
                             ".then(() => Array.from(window.jupyterapp.serviceManager.sessions.running()).length)")
    assert sessions == 0, f"{name}: its kernel was left running"
