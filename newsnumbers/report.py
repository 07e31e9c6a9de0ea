"""Small views of the figures table for notebooks: summary, pivot, highlighted article."""
from __future__ import annotations

import html
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

import pandas as pd

from .engine.textio import Article, read_article
from .schema import unit_kind

#: MathJax leaves elements with these classes alone (JupyterLab, the classic notebook, nbconvert's HTML)
NO_MATHS_CLASS = "tex2jax_ignore mathjax_ignore"


def escape_markdown(text: str) -> str:
    """Text for a Markdown display with its dollar signs kept as dollar signs.

    Why: notebooks render ``$...$`` in Markdown as maths, so "60 $ / 2,2 $" became
    "Verhältnis 27 = 60 /2,2" in italics. A backslash before each ``$`` is read by
    the Markdown renderer (and MathJax's escapes) as a literal dollar sign.
    """
    return str(text).replace("\\$", "$").replace("$", "\\$")


def markdown_without_maths(text: str) -> str:
    """Markdown whose ``$`` stay dollar signs in every front end: escaped, and each paragraph marked for MathJax to skip.

    Why both: CommonMark renderers read ``\\$`` as a dollar, but JupyterLab hands the
    rendered text to MathJax, which would pair the dollars again ("60 $ / 2,2 $" as
    maths); MathJax leaves elements of the ``tex2jax_ignore``/``mathjax_ignore`` classes alone.
    """
    paragraphs = [p for p in escape_markdown(text).split("\n\n") if p.strip()]
    return "\n\n".join(f'<span class="{NO_MATHS_CLASS}">{p}</span>' for p in paragraphs)


def no_maths() -> None:
    """Tables displayed from now on (pandas HTML and Styler) are marked so MathJax never reads their ``$`` as maths."""
    pd.set_option("display.html.use_mathjax", False)
    pd.set_option("styler.html.mathjax", False)


def progress_bar(files: list[Path]) -> Iterable[Path]:
    """A tqdm bar over the files being extracted, on stdout (``make`` shows a notebook's stderr as warnings)."""
    from tqdm import tqdm

    return tqdm(files, desc="articles", unit="file", file=sys.stdout, ascii=True)


def summary(figures: pd.DataFrame, rejected: pd.DataFrame) -> pd.DataFrame:
    """One row per article: how many figures, of which money, percent and counts."""
    if figures.empty:
        return pd.DataFrame({"articles": [0], "figures": [0], "rejected": [len(rejected)]})
    kind = figures["unit"].map(unit_kind)
    table = (figures.assign(kind=kind).groupby(["article", "kind"]).size()
             .unstack(fill_value=0).reindex(columns=["money", "percent", "count"], fill_value=0))
    table["figures"] = table.sum(axis=1)
    table.loc["all"] = table.sum()
    return table


def tell_rejected(rejected: pd.DataFrame, stream: TextIO | None = None) -> None:
    """One line per rejected input, ``rejected: path:line: reason``, on stderr.

    Why: in a notebook the rejected table is displayed, but ``make`` shows only
    what the notebook wrote to stderr; an analyst must see there that a
    correction or an article was not used, with the file and line to fix.
    """
    stream = sys.stderr if stream is None else stream
    for row in rejected.itertuples():
        where = f"{row.path}:{row.line}" if str(row.line) not in ("", "nan") else row.path
        print(f"rejected: {where}: {row.reason}", file=stream)


def by_measure(figures: pd.DataFrame) -> pd.DataFrame:
    """Count of figures per measure and organisation."""
    if figures.empty:
        return pd.DataFrame()
    return (figures.assign(organisation=figures["organisation"].fillna("").replace("", "(none)"))
            .groupby(["measure", "organisation"]).size().rename("figures").reset_index()
            .sort_values(["measure", "figures"], ascending=[True, False]))


MAX_SHOWN = 60_000


def highlight_article(seeds_dir: Path, article: str, figures: pd.DataFrame, max_chars: int = MAX_SHOWN) -> str:
    """The article's text as HTML with every figure marked; the title attribute says how it was read.

    Very long articles are cut at ``max_chars`` (the table still holds all their figures).
    """
    candidates = [p for p in Path(seeds_dir).rglob(article) if p.is_file()]
    if not candidates:
        return f"<p><b>{html.escape(article)}</b>: file not found under {html.escape(str(seeds_dir))}</p>"
    got = read_article(candidates[0])
    if not isinstance(got, Article):
        return f"<p><b>{html.escape(article)}</b>: {html.escape(got.reason)}</p>"
    text = got.text
    cut = len(text) > max_chars
    text = text[:max_chars]
    rows = figures[(figures["article"] == article) & (figures["end"] <= len(text))].sort_values("start")
    out, pos = [], 0
    for r in rows.itertuples():
        if r.start < pos:
            continue
        out.append(html.escape(text[pos:r.start]))
        tip = (f"{r.value:g} {r.unit}" + (f"–{r.value_high:g}" if pd.notna(r.value_high) else "")
               + (f" per {r.per}" if isinstance(r.per, str) and r.per else "")
               + f" · {r.qualifier} · {r.measure} · {r.organisation or '-'} · {r.model or '-'}")
        out.append(f'<mark title="{html.escape(tip)}">{html.escape(text[r.start:r.end])}</mark>')
        pos = r.end
    out.append(html.escape(text[pos:]))
    if cut:
        out.append(f"\n[… shown up to character {max_chars}; the table holds every figure]")
    body = "".join(out).replace("\n", "<br>")
    return (f"<details class='{NO_MATHS_CLASS}'><summary><b>{html.escape(article)}</b> · {len(rows)} figures</summary>"
            f"<div style='max-width:60em;line-height:1.5'>{body}</div></details>")
