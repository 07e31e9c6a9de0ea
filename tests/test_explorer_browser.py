"""figures/explorer.html in a real headless browser: renders offline, no console errors, tooltips carry quotes.

Needs Debian's chromium (`make test` installs it when missing) and Playwright for Python,
which drives it through ``executable_path`` (no browser download).
"""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from conftest import ROOT

from newsnumbers import extract_paths, write_csv
from newsnumbers.charts import notebook

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make test installs it)")]


@pytest.fixture(scope="module")
def explorer_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("explorer")
    figures, _ = extract_paths([ROOT / "seeds"])
    write_csv(figures, out / "figures.csv")
    notebook.explorer(str(out / "figures.csv"), str(out), "de", str(ROOT / "seeds"), "svg,png")
    return out


def test_explorer_renders_offline_and_tooltips_show_quotes(explorer_file):
    from playwright.sync_api import sync_playwright

    html = explorer_file / "explorer.html"
    quotes = set(pd.read_csv(explorer_file / "figures.csv")["quote"])
    errors, remote = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1200})
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        def only_local(route):
            if route.request.url.startswith(("file:", "data:", "blob:")):
                route.continue_()
            else:  # the file must be self-contained: any network request is a failure
                remote.append(route.request.url)
                route.abort()

        page.route("**/*", only_local)
        page.goto(html.as_uri())
        page.wait_for_selector("g.mark-symbol path", timeout=20_000)
        marks = page.locator("g.mark-symbol path")
        assert marks.count() >= 10
        assert page.locator("select").count() >= 2  # measure and article filters
        marks.first.hover(force=True)
        tooltip = page.locator("#vg-tooltip-element")
        tooltip.wait_for(state="visible", timeout=5_000)
        text = tooltip.inner_text()
        assert any(q in text for q in quotes), text
        (ROOT / "build").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "build" / "explorer-screenshot.png"), full_page=True)
        browser.close()
    assert not errors, errors
    assert not remote, remote


def test_static_exports_exist(explorer_file):
    assert (explorer_file / "explorer.svg").read_text(encoding="utf-8").startswith("<svg")
    assert (explorer_file / "explorer.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _count_line(page) -> str:
    """The explorer's '31 Zeilen ausgewählt · …' line, as drawn."""
    return page.locator("g.mark-text text", has_text="ausgewählt").first.text_content()


def test_search_reset_and_csv_download_of_the_selection(explorer_file, tmp_path):
    from playwright.sync_api import sync_playwright

    table = pd.read_csv(explorer_file / "figures.csv")
    wanted = table[table["sentence"].str.contains("Stargate", case=False) | table["quote"].str.contains("Stargate")]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1024, "height": 900}, accept_downloads=True)
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "blob:"))
                   else route.abort())
        page.goto((explorer_file / "explorer.html").as_uri())
        page.wait_for_selector("g.mark-symbol path", timeout=20_000)
        assert _count_line(page).startswith(f"{len(table)} Zeilen")
        page.fill("input[type=search]", "stargate")
        page.wait_for_function(f"() => [...document.querySelectorAll('g.mark-text text')].some("
                               f"t => t.textContent.startsWith('{len(wanted)} Zeilen'))", timeout=5_000)
        with page.expect_download() as got:
            page.click("#download")
        rows = pd.read_csv(got.value.path())
        assert sorted(rows["id"]) == sorted(wanted["id"]) and len(rows) < len(table)
        assert {"quote", "sentence", "value", "unit", "measure", "organisation"} <= set(rows.columns)
        page.click("#reset")
        page.wait_for_function(f"() => [...document.querySelectorAll('g.mark-text text')].some("
                               f"t => t.textContent.startsWith('{len(table)} Zeilen'))", timeout=10_000)
        assert page.input_value("input[type=search]") == ""
        with page.expect_download() as got:
            page.click("#download")
        assert len(pd.read_csv(got.value.path())) == len(table)
        page.screenshot(path=str(tmp_path / "after-reset.png"), full_page=True)
        browser.close()
