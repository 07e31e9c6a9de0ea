"""The review queue in JupyterLab (#12): an editor opens notebooks/08_review.ipynb, runs it and clicks
**confirm** on the first queued row; exactly one line lands in the project's corrections.csv, the rebuilt
table marks the row confirmed, and `make data` (the table step of `make figures`) keeps the confirmation.

Why in a browser as well as in tests/test_review.py: there the handlers are called from Python; only
here do the real widgets travel through JupyterLab's widget manager and the kernel's comms, which is
what an editor clicks. The server (tests/labserver.py) runs on a temporary copy of the project, so the
confirm appends to the copy's seeds/corrections.csv, never the work tree's.
"""
from __future__ import annotations

import csv
import io
import subprocess

import pandas as pd
import pytest
from conftest import ROOT, make_env
from labserver import CHROMIUM, SKIP_REASON, close_notebook, lab, lab_page, open_notebook, run_all, shots_dir

from newsnumbers import extract_paths
from newsnumbers.review import queue, words

pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason=SKIP_REASON)]
__all__ = ["lab", "lab_page"]  # fixtures used by name

NOTEBOOK = "notebooks/08_review.ipynb"
LOCALE = "de"  # the notebook's default


def _records(text: str) -> list[list[str]]:
    """The corrections file's records (comments and blank lines left out)."""
    lines = [line for line in io.StringIO(text, newline="") if line.strip() and not line.lstrip().startswith("#")]
    return list(csv.reader(lines))


def _shown_id(page) -> str:
    """The id on the review card JupyterLab shows (the card ends with 'ID <code>…</code>')."""
    card = page.locator(".jp-OutputArea-output .widget-html-content", has_text=words.word("confidence", LOCALE) + ":").first
    card.wait_for(state="visible", timeout=60_000)
    return card.locator("code").last.inner_text().strip()


def _make_data(project) -> pd.DataFrame:
    """`make data` in the copy, as `make figures` builds the table; the table it wrote (the form's copy
    is removed first, so the table read is make's own)."""
    (project / "data/figures.csv").unlink()
    done = subprocess.run(["make", "-s", "-o", ".venv/.installed", "data"], cwd=project, env=make_env(),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return pd.read_csv(project / "data/figures.csv", keep_default_na=False)


def test_confirm_in_jupyterlab_appends_one_line_and_survives_the_build(lab, lab_page):
    page, project = lab_page, lab.project
    corrections = project / "seeds/corrections.csv"
    before = corrections.read_text(encoding="utf-8")
    ours = (ROOT / "seeds/corrections.csv").read_bytes()
    first = queue.order(extract_paths([project / "seeds"])[0], str(project / "seeds")).iloc[0]

    open_notebook(page, lab, NOTEBOOK)
    try:
        state = run_all(page)
        assert not state["errors"] and state["pending"] == 0, state
        assert _shown_id(page) == first["id"], "the form does not start with the queue's first row"
        page.screenshot(path=str(shots_dir() / "08_review-before-confirm.png"))
        page.get_by_role("button", name=words.word("confirm", LOCALE), exact=True).first.click()
        status = page.locator(".jp-OutputArea-output .widget-html-content", has_text="✓ " + words.word("done_confirm", LOCALE))
        status.wait_for(state="visible", timeout=180_000)
        status.scroll_into_view_if_needed()
        page.screenshot(path=str(shots_dir() / "08_review-after-confirm.png"))
        assert "Tabelle neu erstellt" in status.inner_text()
        assert _shown_id(page) != first["id"], "the form did not move on to the next row"
    finally:
        close_notebook(page)

    after = corrections.read_text(encoding="utf-8")
    assert after.startswith(before), "a line of the analyst's file was rewritten"
    added = _records(after[len(before):])
    assert len(added) == 1, f"expected one appended line, got {added}"
    header = _records(before)[0]
    line = dict(zip(header, added[0]))
    assert (line["id"], line["action"], line["article"], line["start"]) == (
        first["id"], "confirm", first["article"], str(first["start"]))
    assert (ROOT / "seeds/corrections.csv").read_bytes() == ours, "the work tree's corrections.csv was written"

    rebuilt = pd.read_csv(project / "data/figures.csv", keep_default_na=False).set_index("id")
    assert rebuilt.loc[first["id"], ["source", "confidence"]].tolist() == ["confirmed", "high"]
    written_by_form = (project / "data/figures.csv").read_bytes()

    built = _make_data(project).set_index("id")
    assert built.loc[first["id"], ["source", "confidence", "value", "measure"]].tolist() == [
        "confirmed", "high", first["value"], first["measure"]]
    assert (project / "data/figures.csv").read_bytes() == written_by_form, "make data built another table"
    rejected = pd.read_csv(project / "data/rejected.csv", keep_default_na=False)
    assert not rejected["path"].str.endswith("corrections.csv").any(), rejected.to_string()
    assert not lab.blocked, f"requests to the network: {lab.blocked[:5]}"
