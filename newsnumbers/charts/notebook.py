"""What a chart notebook calls: build one chart, save it, show it — or say clearly why not.

Paths given to these functions are read from the project root when relative
(``newsnumbers.paths``): JupyterLab runs a notebook's kernel in ``notebooks/``,
papermill in the root, and both must read and write the root's ``data/`` and ``figures/``.
"""
from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from .. import paths
from ..report import markdown_without_maths, no_maths
from ..schema import REVIEWED_SOURCES
from ..sources import outlets
from . import common, offline, outputs, provenance, questions
from .plots import value_label
from .scope import Scope
from .style import count, finalise, label

EXPLORER = "07_explorer"
#: ``all``: every row (for exploring); ``reviewed``: only rows confirmed or corrected in corrections.csv.
PUBLISH = ("all", "reviewed")
LEFT_OUT_COLUMNS = ["id", "article", "quote", "measure", "organisation", "confidence"]


def formats_list(formats: str | list[str] | tuple[str, ...]) -> list[str]:
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    out = [f.strip().lower() for f in items if f.strip()]
    bad = [f for f in out if f not in ("svg", "png", "pdf")]
    if bad:
        raise ValueError(f"unknown format(s) {', '.join(bad)}; use svg, png, pdf")
    return out


def published(name: str, df: pd.DataFrame, publish: str = "all", seeds_dir: str | None = None,
              scope: Scope | None = None) -> pd.DataFrame:
    """The rows chart ``name`` may draw: all of them, or (``reviewed``) those a person confirmed or corrected.

    Why the left-out rows are listed: a published chart that silently lost a figure
    looks complete; the notebook names every row the chart would have drawn but
    that nobody has reviewed yet, and a line on stderr counts them for the build.
    """
    if publish not in PUBLISH:
        raise ValueError(f"publish must be {' or '.join(PUBLISH)}, not {publish!r}")
    if publish == "all":
        return df
    reviewed = df["source"].isin(REVIEWED_SOURCES) if "source" in df else pd.Series(False, index=df.index)
    unreviewed = df[~reviewed]
    if name in questions.CHARTS:
        try:
            chart = questions.CHARTS[name](df, "en", seeds_dir, scope or Scope.of())
            plt.close(chart.figure)
            drawn = set(common.row_keys(chart.data))
        except common.NoData:
            drawn = set()
        unreviewed = unreviewed[common.row_keys(unreviewed).isin(drawn).to_numpy(dtype=bool)]
    n = len(unreviewed)
    print(f"publish = reviewed: {n} row{'s' * (n != 1)} left out, not confirmed or corrected in corrections.csv"
          + (" (review them in notebooks/08_review.ipynb):" if n else "."))
    if n:
        shown = unreviewed.reindex(columns=LEFT_OUT_COLUMNS).fillna("")
        print(shown.to_string(index=False))
        print(f"publish: {name}: {n} unreviewed row{'s' * (n != 1)} left out", file=sys.stderr)
    return df[reviewed].reset_index(drop=True)


def build(name: str, figures_csv: str, figures_dir: str, locale: str = "de",
          formats: str | list[str] = "svg,png,pdf", seeds_dir: str | None = "seeds", publish: str = "all",
          **analysis):
    """Build chart ``name`` from the table; returns the Chart, or None with a printed reason.

    ``publish``: ``all`` rows (the default, for exploring) or only the ``reviewed`` ones;
    then the rows left out are listed (see :func:`published`).
    ``analysis`` holds the notebook's analytic parameters, passed on to the builder as a
    :class:`~newsnumbers.charts.scope.Scope`: ``focus``, ``compare``, ``measures``,
    ``date_from``/``date_to``, ``convert``, ``currency``, ``rate_date``.

    A table without the chart's measures is not an error of the build: the
    notebook says which figures were missing, the chart's files from an earlier
    run are removed (they would describe another table), and a line on stderr
    says both, which ``newsnumbers.run`` shows on the terminal.
    """
    if name not in questions.CHARTS:
        raise ValueError(f"no chart named {name!r}; charts: {', '.join(sorted(questions.CHARTS))}")
    if locale not in ("de", "en"):
        raise ValueError(f"locale must be 'de' or 'en', not {locale!r}")
    figures_csv, figures_dir = paths.resolve(figures_csv), paths.resolve(figures_dir)
    seeds_dir = paths.resolve(seeds_dir) if seeds_dir else None
    scope = Scope.of(**analysis)
    loaded = provenance.attach(common.load(figures_csv), seeds_dir, provenance.detected_beside(figures_csv), locale)
    df = published(name, loaded, publish, seeds_dir, scope)
    try:
        chart = questions.CHARTS[name](df, locale, seeds_dir, scope)
    except common.NoData as exc:
        print(f"{name}: nothing to draw. {exc}")
        empty(name, figures_dir, exc.wanted)
        return None
    finalise(chart.figure, chart.meta, chart.data, figures_dir, formats_list(formats))
    return chart


def empty(name: str, figures_dir: str, why: str) -> None:
    """Remove an empty chart's earlier files and index row, and say so on stderr: ``empty: NAME: WHY — removed ...``."""
    try:
        removed = outputs.remove_chart(name, figures_dir)
    except OSError as exc:
        print(f"empty: {name}: {why} — could not remove its earlier files: {exc}", file=sys.stderr)
        raise
    done = f"removed {outputs.describe(removed, figures_dir)} and its index.csv row" if removed else "no earlier files"
    print(f"empty: {name}: {why} — {done}", file=sys.stderr)


def setup() -> None:
    """What every notebook calls first: altair charts drawn offline, and no ``$`` read as maths in tables."""
    offline.enable()
    no_maths()


def answer_text(chart) -> str:
    """The notebook's answer as Markdown: the chart's computed headline and subtitle, and what they rest on."""
    m = chart.meta
    basis = label("answer_basis", m.language).format(rows=count("n_rows", len(chart.data), m.language),
                                                     articles=chart.data["article"].nunique())
    return markdown_without_maths(f"**{label('answer', m.language)}:** {m.title}  \n{m.subtitle}  \n*{basis}*")


def answer(chart) -> None:
    """Display the answer computed from the same rows as the headline (no typed number goes stale)."""
    from IPython.display import Markdown, display

    if chart is not None:
        display(Markdown(answer_text(chart)))


def headline_text(chart) -> str:
    """The published chart's fields as Markdown, every ``$`` a dollar sign."""
    m = chart.meta
    fields = (f"**{m.title}**  \n{m.subtitle}  \n*{m.notes}*  \n{m.source}", f"Alt text: {m.alt}")
    return markdown_without_maths("\n\n".join(fields))


def show(chart, figures_dir: str) -> None:
    """Display the headline fields and the saved PNG (in a notebook); ``rows`` shows the data drawn."""
    from IPython.display import Image, Markdown, display

    if chart is None:
        return
    display(Markdown(headline_text(chart)))
    png = paths.resolve(figures_dir) / f"{chart.meta.name}.png"
    if png.exists():
        display(Image(filename=str(png), width=640))


def rows_table(chart, seeds_dir: str | None = "seeds") -> pd.DataFrame:
    """The rows behind a chart, readable: value as written for the locale, quote, outlet, article."""
    data, locale = chart.data, chart.meta.language
    with contextlib.redirect_stderr(io.StringIO()):  # the build has already warned about sources.csv
        names = outlets(sorted(data["article"].unique()), paths.resolve(seeds_dir) if seeds_dir else None,
                        unknown=label("unknown_outlet", locale))
    cols = {"label": data["label"].str.replace("\n", " · ", regex=False),
            "value": data.apply(lambda r: value_label(r, locale), axis=1),
            "qualifier": data["qualifier"], "measure": data["measure"].map(lambda x: label(x, locale)),
            "quote": data["quote"], "outlet": data["article"].map(names), "article": data["article"]}
    return pd.DataFrame({label(f"col_{k}", locale): v for k, v in cols.items()})


def rows(chart, seeds_dir: str | None = "seeds"):
    """The rows behind a chart as a styled table (pandas Styler), for reading rather than for code."""
    if chart is None:
        return None
    table = rows_table(chart, seeds_dir)
    quote = label("col_quote", chart.meta.language)
    return (table.style.hide(axis="index")
            .set_properties(**{"text-align": "left", "vertical-align": "top"})
            .set_properties(subset=[quote], **{"font-style": "italic", "max-width": "28em"})
            .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}]))


def interactive(chart, locale: str = "de"):
    """The altair version of a built chart: one mark per fact, one panel per unit; hover a mark for its value
    (and as the article wrote it), qualifier, quote, sentence, outlet and how often the article says it."""
    from . import interactive as inter

    if chart is None:
        return None
    return inter.figure_chart(chart.data, locale, chart.meta.title)


def explorer(figures_csv: str, figures_dir: str, locale: str = "de", seeds_dir: str | None = "seeds",
             formats: str | list[str] = "svg,png", publish: str = "all"):
    """Build the explorer over the whole table (or its reviewed rows), save figures/explorer.html (offline)
    and static snapshots."""
    from . import explorer as ex
    from . import interactive as inter
    from .style import ChartMeta, write_meta

    figures_csv, figures_dir = paths.resolve(figures_csv), paths.resolve(figures_dir)
    seeds_dir = paths.resolve(seeds_dir) if seeds_dir else None
    df = provenance.attach(common.load(figures_csv), seeds_dir, provenance.detected_beside(figures_csv), locale)
    df = published(EXPLORER, df, publish, seeds_dir)
    if df.empty:
        print("explorer: the figures table is empty; nothing to explore")
        empty(EXPLORER, figures_dir, "the figures table is empty")
        return None
    title, source = ex.headline(df, locale), common.source_line(df, locale, seeds_dir)
    chart = ex.explorer(df, locale, title, source)
    out = Path(figures_dir)
    files = ["explorer.html"]
    ex.save_page(chart, out / "explorer.html", locale, title)
    files += inter.save_statics(chart, out, "explorer", formats_list(formats))
    outputs.prune(EXPLORER, out, files)
    alt_text = ("Interaktive Ansicht: Geldbeträge auf logarithmischer Skala nach Messgröße, Filter für Messgröße, "
                "Artikel und Organisation, darunter die ausgewählten Zeilen mit ihren Sätzen."
                if locale == "de" else
                "Interactive view: money figures on a log scale by measure, filters for measure, article and "
                "organisation, and below the selected rows with their sentences.")
    write_meta(ChartMeta(EXPLORER, title, label("log_scale", locale), "", source, alt_text, locale, files), out)
    return chart
