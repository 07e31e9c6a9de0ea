"""A chart notebook in the Notebook UI (not Lab: /tree, then /notebooks/…), in headless Chromium with the
network blocked (#12: altair draws offline "in JupyterLab, in the classic notebook and in the exported HTML").

Why a test of its own: the Notebook front end (the `notebook` package, served by the same `make lab`
server) is a different page from JupyterLab's; a chart that draws in one may not in the other. The
server and the blocked network are tests/labserver.py's, on a temporary copy of the project.
"""
from __future__ import annotations

import pytest
from labserver import CHROMIUM, SKIP_REASON, STATE_JS, close_notebook, lab, lab_page, run_all, shots_dir

pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason=SKIP_REASON)]
__all__ = ["lab", "lab_page"]  # fixtures used by name

NOTEBOOK = "notebooks/03_token_prices.ipynb"
#: A chart's marks as vega-embed draws them (SVG renderer: one DOM element per mark), or a canvas
MARKS = "svg g.mark-symbol path, svg g.mark-rect path, svg g.mark-rule line, svg g.mark-text text, canvas"


def _open_in_notebook_ui(page, server) -> None:
    """The file list at /tree/notebooks, then the notebook at /notebooks/… in the same (network-blocked) page."""
    page.goto(server.url("tree/notebooks"))
    listing = page.get_by_text("03_token_prices.ipynb", exact=True)
    listing.first.wait_for(state="visible", timeout=60_000)
    assert "/lab" not in page.url
    page.screenshot(path=str(shots_dir() / "notebook-ui-tree.png"))
    page.goto(server.url(f"notebooks/{NOTEBOOK}"))
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=60_000)
    assert page.evaluate("() => window.jupyterapp.name") == "Jupyter Notebook", "not the Notebook UI"
    page.wait_for_function(f"() => {{ const s = ({STATE_JS})(); return s && s.status === 'idle'; }}", timeout=60_000)


def test_chart_notebook_draws_offline_in_the_notebook_ui(lab, lab_page):
    page = lab_page
    _open_in_notebook_ui(page, lab)
    try:
        state = run_all(page)
        assert not state["errors"] and state["pending"] == 0, state
        outputs = page.locator(".jp-OutputArea-output")
        assert "Error loading script" not in " ".join(outputs.all_inner_texts())
        charts = page.locator(".jp-OutputArea-output .nn-vega")
        assert charts.count() >= 1, "no altair chart in the outputs"
        for i in range(charts.count()):
            marks = charts.nth(i).locator(MARKS)
            marks.first.wait_for(state="attached", timeout=30_000)
            assert marks.count() >= 2, f"chart {i} drew {marks.count()} marks"
        charts.first.scroll_into_view_if_needed()
        page.screenshot(path=str(shots_dir() / "notebook-ui-03_token_prices-chart.png"))
    finally:
        close_notebook(page)
    assert not lab.blocked, f"requests to the network: {lab.blocked[:5]}"
