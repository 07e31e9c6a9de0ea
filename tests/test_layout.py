"""Charts stay readable and truthful about their sources on any corpus (issue 13, part B).

Each test failed before: a fact said twice was drawn twice; the figure had a fixed
size, so 17 articles' labels overlapped; colours followed sort order, so an added
article recoloured OpenAI; the source line said "Artikel 000, 001 … (seeds/)".
"""
from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from conftest import DATA, ROOT, SEEDS

from newsnumbers import extract_paths
from newsnumbers.charts import colours, common, provenance, questions
from newsnumbers.charts.layout import GROUP_ABOVE
from newsnumbers.charts.style import decorate
from newsnumbers.sources import DETECTED_NAME, SOURCE_COLUMNS, describe, write_detected

sys.path.insert(0, str(Path(__file__).parent))
from textboxes import collisions  # noqa: E402

CORPUS = DATA / "corpus"


def seeds_and_dev(folder: Path) -> Path:
    """The seeds and the corpus's development articles in one folder, with one sources.csv (never the test split)."""
    folder.mkdir()
    with (SEEDS / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for p in SEEDS.glob("*.txt"):
        shutil.copy2(p, folder / p.name)
    with (CORPUS / "sources.csv").open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            if r["split"] == "dev":
                shutil.copy2(CORPUS / "articles" / r["article"], folder / r["article"])
                rows.append({k: r[k] for k in SOURCE_COLUMNS})
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, SOURCE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


def built(df: pd.DataFrame, seeds: Path, locale: str):
    """Every chart the table supports, its outlets attached as ``make figures`` does: (name, chart)."""
    table = provenance.attach(df, seeds, None, locale)
    for name, build in questions.CHARTS.items():
        try:
            yield name, build(table, locale, seeds)
        except common.NoData:
            continue


def drawn(df: pd.DataFrame, seeds: Path, locale: str):
    """Every chart of ``df`` with headline, subtitle, notes and source on it: (name, figure, chart)."""
    for name, chart in built(df, seeds, locale):
        decorate(chart.figure, chart.meta)
        yield name, chart.figure, chart


def assert_no_collisions(df: pd.DataFrame, seeds: Path) -> int:
    n = 0
    for locale in ("de", "en"):
        for name, fig, _ in drawn(df, seeds, locale):
            bad = collisions(fig)
            plt.close(fig)
            assert not bad, f"{name} ({locale}): {bad[:5]}"
            n += 1
    return n


def test_no_two_texts_overlap_on_the_seeds(seed_figures):
    assert assert_no_collisions(seed_figures, SEEDS) == 10


def test_no_two_texts_overlap_on_the_seeds_and_the_dev_corpus(tmp_path):
    folder = seeds_and_dev(tmp_path / "articles")
    df, _ = extract_paths([folder])
    assert df["article"].nunique() > 30
    assert assert_no_collisions(df, folder) == 10


def empty_margins(fig: plt.Figure) -> list[tuple[str, float, float]]:
    """(panel, share of its width left of the first mark, share right of the last mark or value label) of every
    panel with marks: how much of the axis shows no data."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    out = []
    for ax in fig.axes:
        box = ax.get_window_extent(renderer)
        xs = [x for line in ax.lines for x in ax.transData.transform(
            [(v, 0) for v in line.get_xdata() if v > 0 or ax.get_xscale() == "linear"])[:, 0]]
        xs += [p.get_window_extent(renderer).x1 for p in ax.patches if p.get_width() > 0]
        ends = [t.get_window_extent(renderer).x1 for t in ax.texts if t.get_text()]
        if xs:
            out.append((ax.get_title(loc="left"), (min(xs) - box.x0) / box.width, (box.x1 - max(xs + ends)) / box.width))
    return out


def test_axes_span_the_data_with_bounded_padding(tmp_path):
    """The log axis of the market chart ran four decades past its last mark; now an axis ends where its marks and
    value labels end (a twentieth of its width to spare), and a log axis begins at its first mark."""
    folder = seeds_and_dev(tmp_path / "articles")
    df, _ = extract_paths([folder])
    seen = 0
    for locale in ("de", "en"):
        for name, fig, _ in drawn(df, folder, locale):
            for panel, left, right in empty_margins(fig):
                log = any(ax.get_xscale() == "log" for ax in fig.axes if ax.get_title(loc="left") == panel)
                assert -0.01 <= right <= 0.1, f"{name} ({locale}) {panel!r}: {right:.0%} of the axis right of the data"
                assert not log or 0 <= left <= 0.1, f"{name} ({locale}) {panel!r}: {left:.0%} left of the first mark"
                seen += log
            for ax in fig.axes:  # no tick names a value a decade past the largest mark ("1.000.000 Bio. $")
                top = max((v for line in ax.lines for v in line.get_xdata() if v > 0), default=None)
                if ax.get_xscale() == "log" and top:
                    named = [t.get_position()[0] for t in ax.get_xticklabels() if t.get_text()]
                    assert all(x <= top * 10 for x in named), f"{name} ({locale}): a tick at {max(named):g} > 10 x {top:g}"
            plt.close(fig)
    assert seen  # a log axis was checked


def test_the_margin_check_sees_empty_decades():
    fig, ax = plt.subplots()
    ax.plot([1e3, 1e6], [0, 1], "o")
    ax.set_xscale("log")
    ax.set_xlim(1e2, 1e10)
    assert empty_margins(fig)[0][2] > 0.4
    plt.close(fig)


def test_the_collision_check_sees_overlapping_labels():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.annotate("a long value label", xy=(0.5, 0.5))
    ax.annotate("another long label", xy=(0.52, 0.51))
    assert collisions(fig)
    plt.close(fig)


def _twice(seed_figures: pd.DataFrame) -> pd.DataFrame:
    """The seeds' table with DeepSeek's training cost of article 003 said a second time (same fact)."""
    row = seed_figures[(seed_figures["measure"] == "training_cost") & (seed_figures["organisation"] == "DeepSeek")].iloc[0]
    again = row.copy()
    again["id"], again["start"], again["end"] = "f" * 16, row["start"] + 1000, row["end"] + 1000
    return pd.concat([seed_figures, again.to_frame().T], ignore_index=True).astype(seed_figures.dtypes.to_dict())


def test_a_fact_said_twice_is_one_mark_and_two_rows_of_the_csv(seed_figures):
    once = questions.training_costs(seed_figures, "de", SEEDS)
    twice = questions.training_costs(_twice(seed_figures), "de", SEEDS)
    ticks = [len(c.figure.axes[0].get_yticks()) for c in (once, twice)]
    assert ticks[0] == ticks[1] == once.data["fact_id"].nunique()
    assert len(twice.data) == len(once.data) + 1
    for col in ("id", "fact_id", "start", "end", "outlet", "date"):
        assert col in twice.data.columns
    assert twice.data["id"].is_unique and not twice.data["fact_id"].is_unique
    plt.close("all")


def _many(seed_figures: pd.DataFrame, n: int) -> pd.DataFrame:
    """The seeds' table plus ``n`` invented training-cost facts of other labs."""
    base = seed_figures[seed_figures["measure"] == "training_cost"].iloc[0]
    rows = []
    for i in range(n):
        r = base.copy()
        r["id"], r["fact_id"], r["value"] = f"{i:016x}", f"{i:012x}", 1e6 * (i + 2)
        r["organisation"], r["model"], r["qualifier"] = f"Lab {i % 9}", "", "exact"
        rows.append(r)
    return pd.concat([seed_figures, pd.DataFrame(rows)], ignore_index=True).astype(seed_figures.dtypes.to_dict())


def test_height_follows_the_rows_and_many_facts_are_grouped(seed_figures):
    heights, lines = [], []
    for n in (0, 6, 6, 40):
        chart = questions.training_costs(_many(seed_figures, n), "de", SEEDS)
        decorate(chart.figure, chart.meta)
        heights.append(chart.figure.get_size_inches()[1])
        lines.append(len(chart.figure.axes[0].get_yticks()))
        plt.close(chart.figure)
    assert heights[0] < heights[1] == heights[2]  # grows with the rows, the same rows give the same size
    assert lines[1] == lines[0] + 6 and lines[3] < GROUP_ABOVE  # 40 more facts: one line per lab and model
    assert lines[3] >= 9


def test_openai_keeps_its_colour_whatever_else_is_drawn(seed_figures):
    few = colours.colours_for(seed_figures["organisation"])
    more = colours.colours_for(list(seed_figures["organisation"]) + ["AAA Capital", "Aardvark AI", "0xLab"])
    assert few["OpenAI"] == more["OpenAI"] == colours.house()["OpenAI"]
    assert more["AAA Capital"] == colours.GREY


def test_no_two_organisations_share_a_colour_in_a_chart(tmp_path):
    figures = pd.read_csv(CORPUS / "gold.csv", dtype=str, keep_default_na=False)
    orgs = set(figures["organisation"]) | set(colours.house())
    picked = colours.colours_for(orgs)
    coloured = [c for c in picked.values() if c != colours.GREY]
    assert len(coloured) == len(set(coloured)) == len(colours.house())
    keys = colours.key_colours([f"article {i}" for i in range(12)])
    assert len(set(keys.values())) == 12  # keys that are not organisations: distinct while the palette lasts
    # a key's first choice depends only on its name, not on the other keys or their order
    assert colours.key_colours(["article 3"])["article 3"] == colours.PALETTE[colours._rank("article 3") % 16]


def test_house_table_rejects_a_colour_used_twice(tmp_path, monkeypatch):
    bad = tmp_path / "house_colours.csv"
    bad.write_text("organisation,colour\nOpenAI,#000000\nMeta,#000000\n", encoding="utf-8")
    monkeypatch.setattr(colours, "__file__", str(bad))
    colours.house.cache_clear()
    try:
        with pytest.raises(ValueError, match="used twice"):
            colours.house()
    finally:
        colours.house.cache_clear()


def test_source_line_and_row_labels_name_outlets_and_dates(seed_figures, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "sources.csv").write_text(
        "article,title,outlet,date,url,language\n"
        "000_c4fb8e7e0f58dad6.txt,,Handelsblatt,2025-01-27,,de\n"
        "003_f348a2a9456c9d4a.txt,,heise online,2025-01-28,,de\n"
        "001_8a989e1628b33e29.txt,,unbekannt,2025-01,,de\n", encoding="utf-8")
    chart = questions.training_costs(seed_figures, "de", seeds)
    plt.close(chart.figure)
    assert chart.meta.source.startswith("Quelle: Handelsblatt (27.1.2025), heise online (28.1.2025), unbekannt (")
    assert "Artikel" not in chart.meta.source and "seeds/" not in chart.meta.source
    labels = chart.data["label"].tolist()
    assert any(lab.endswith("· Handelsblatt") for lab in labels) and not any("· 00" in lab for lab in labels)
    en = questions.training_costs(seed_figures, "en", seeds)
    plt.close(en.figure)
    assert en.meta.source.startswith("Source: Handelsblatt (27 Jan 2025), heise online (28 Jan 2025), unknown (")


def test_the_committed_seeds_sources_describe_every_seed(capsys):
    arts = sorted(p.name for p in SEEDS.glob("*.txt"))
    about = describe(arts, SEEDS, None, unknown="unbekannt")
    assert set(about) == set(arts) and all(a["date"].startswith("2025-01") for a in about.values())
    assert "warning" not in capsys.readouterr().err  # "unbekannt" is said, not missing


PAGE = ('<html lang="de"><head><title>Nvidia verliert 600 Milliarden - heise online</title>'
        '<meta property="og:site_name" content="heise online">'
        '<meta property="article:published_time" content="2025-01-28T10:00:00+01:00"></head>'
        '<body><article><h1>Nvidia verliert 600 Milliarden</h1><p>Nvidia hat am Montag fast 600 Milliarden Dollar '
        'an Börsenwert verloren, so viel wie kein Unternehmen zuvor an einem Tag. Die Aktie fiel um 17 Prozent.'
        '</p><p>Analysten sprechen von einer Überreaktion des Marktes auf das Modell von DeepSeek.</p>'
        '</article></body></html>')


def test_page_metadata_is_detected_and_the_analyst_wins(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.html").write_text(PAGE, encoding="utf-8")
    (seeds / "b.html").write_text(PAGE.replace("2025-01-28", "2025-01-29"), encoding="utf-8")
    (seeds / "sources.csv").write_text("article,title,outlet,date,url,language\nb.html,,heise,,,de\n", encoding="utf-8")
    before = (seeds / "sources.csv").read_bytes()
    out = tmp_path / "data" / DETECTED_NAME
    out.parent.mkdir()
    rows = write_detected([seeds], out)
    assert [(r["article"], r["outlet"].casefold(), r["date"]) for r in rows] == [
        ("a.html", "heise online", "2025-01-28"), ("b.html", "heise online", "2025-01-29")]
    assert (seeds / "sources.csv").read_bytes() == before  # the analyst's file is only read
    about = describe(["a.html", "b.html"], seeds, out, unknown="unbekannt")
    assert about["a.html"]["outlet"].casefold() == "heise online" and about["b.html"]["outlet"] == "heise"
    assert about["b.html"]["date"] == "2025-01-29"  # the analyst left the date empty: the page's
    with pytest.raises(ValueError, match="analyst"):
        write_detected([seeds], seeds / "sources.csv")


@pytest.mark.parametrize("date,de,en", [("2025-01-27", "27.1.2025", "27 Jan 2025"), ("2025-03", "März 2025", "Mar 2025"),
                                         ("2024", "2024", "2024"), ("", "", ""), ("2025-13", "2025", "2025")])
def test_dates_read_as_the_locale_writes_them(date, de, en):
    assert provenance.date_text(date, "de") == de and provenance.date_text(date, "en") == en


def test_no_outlet_columns_still_give_a_chart(seed_figures):
    """A table built by hand, without outlets or ids, is drawn with file names and empty ids."""
    bare = seed_figures.drop(columns=["id", "fact_id", "start", "end"])
    chart = questions.investments(bare, "en", None)
    plt.close(chart.figure)
    assert "outlet" in chart.data.columns and chart.data["outlet"].iloc[0] != ""


def test_root_is_the_repository():
    assert (ROOT / "seeds" / "sources.csv").exists()


def test_the_source_check_opens_with_the_topic_its_headline_states(tmp_path):
    """On seeds and dev the source check has dozens of panels; the one its headline speaks of comes first, not
    the alphabetically first organisation."""
    folder = seeds_and_dev(tmp_path / "articles")
    df, _ = extract_paths([folder])
    for locale in ("de", "en"):
        chart = dict(built(df, folder, locale))["06_source_check"]
        first = chart.figure.axes[0].get_title(loc="left")
        org = first.split(" · ")[0]
        assert len(chart.figure.axes) > 3 and org and org in chart.meta.title, (first, chart.meta.title)
        plt.close(chart.figure)


def labels_at_the_frame(fig: plt.Figure, pad_pt: float) -> list[tuple[str, float]]:
    """(text, points left to the panel's right edge) of every value label that ends closer than ``pad_pt`` to it."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    out = []
    for ax in fig.axes:
        right = ax.get_window_extent(renderer).x1
        for t in ax.texts:
            left = (right - t.get_window_extent(renderer).x1) * 72 / fig.dpi
            if t.get_text() and left < pad_pt:
                out.append((t.get_text(), round(left, 1)))
    return out


def test_value_labels_end_inside_the_panel_with_room_to_spare(tmp_path):
    """06 drew "mind. 100 Mio. $" against the end of its axis: every value label now ends inside its panel with
    at least 8 pt to spare, in every chart of the seeds and the dev corpus."""
    folder = seeds_and_dev(tmp_path / "articles")
    df, _ = extract_paths([folder])
    for locale in ("de", "en"):
        for name, fig, _ in drawn(df, folder, locale):
            bad = labels_at_the_frame(fig, 8.0)
            plt.close(fig)
            assert not bad, f"{name} ({locale}): {bad[:5]}"


def test_the_frame_check_sees_a_label_at_the_edge():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_xlim(0, 1)
    ax.annotate("mind. 100 Mio. $", xy=(0.7, 0.5), xytext=(7, 0), textcoords="offset points")
    assert labels_at_the_frame(fig, 8.0)
    plt.close(fig)


def _panels_with_titles(titles: list[str]) -> plt.Figure:
    """Stacked panels whose row labels take half the width (as 06's quoted sources do), with ``titles``."""
    from newsnumbers.charts.style import ChartMeta, new_panels

    fig, axes = new_panels([2] * len(titles), 4.0)
    for ax, title in zip(axes, titles):
        ax.barh([0, 1], [3, 4])
        ax.set_yticks([0, 1], ["Süddeutsche Zeitung · „280 Milliarden Dollar“", "Kleine Zeitung · „279 Mrd.“"])
        ax.set_title(title, loc="left", fontsize=9, fontweight="bold")
    decorate(fig, ChartMeta("x", "Headline", "Subtitle", "", "Quelle: test", "alt", "de"))
    return fig


def test_a_panel_title_too_long_for_its_panel_starts_at_the_margin_or_wraps():
    """'Nvidia · Verlust an Börsenwert · Sept. 2024' ran past the figure's edge from its panel's left edge: a
    title that does not fit there moves, with the figure's other panel titles, to the headline's margin; one
    wider than the whole figure is wrapped, and its panel gets the room for the lines."""
    short = _panels_with_titles(["Nvidia · Kursgewinn", "Google · Umsatz"])
    assert not collisions(short) and all(ax._left_title.get_position()[0] == 0 for ax in short.axes)
    moved = _panels_with_titles(["Nvidia · Kursgewinn", "Nvidia · Verlust an Börsenwert · Sept. 2024"])
    assert not collisions(moved), collisions(moved)
    assert all(ax._left_title.get_position()[0] < 0 for ax in moved.axes)  # both titles, alike
    assert "\n" not in moved.axes[1].get_title(loc="left")
    long = "Nvidia Corporation · Verlust an Börsenwert, wie ihn die Artikel nennen · Sept. 2024 · " * 2
    wrapped = _panels_with_titles(["Nvidia · Kursgewinn", long.strip(" ·")])
    assert not collisions(wrapped), collisions(wrapped)
    assert "\n" in wrapped.axes[1].get_title(loc="left")
    assert wrapped.get_size_inches()[1] > moved.get_size_inches()[1]  # the wrapped title's lines get room
    plt.close("all")
