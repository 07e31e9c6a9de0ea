"""From article text to the tidy table of figures: one row per figure mention."""
from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from ..corrections import apply as apply_corrections
from ..schema import COLUMNS, REJECTED_COLUMNS, fact_id, figure_id
from ..sources import check_sources
from . import recognise
from .attribute import Attributor, evidence_and_confidence
from .casefold import fold
from .segment import Segmenter, boilerplate_spans, detect_language
from .textio import Rejected, discover, read_article


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def iter_figures(text: str, language: str = "auto", article: str = "") -> Iterator[dict]:
    """Yield one dict per figure in ``text`` (columns as :data:`COLUMNS`)."""
    if not isinstance(text, str):
        raise TypeError(f"extract() needs str, got {type(text).__name__}")
    lang = detect_language(text) if language == "auto" else language
    if lang not in ("de", "en"):
        raise ValueError(f"language must be 'de', 'en' or 'auto', not {language!r}")
    folded = fold(text)  # lower-cased once, same offsets; the scans below are case-sensitive on it
    skip = boilerplate_spans(text, folded)
    figures = [f for f in recognise.find_figures(text, lang, folded=folded) if not _inside(f.start, skip)]
    seg = Segmenter.of(text)
    figures = _imply_currencies(figures, seg)
    if not figures:
        return
    attr = Attributor(text, seg, figures, folded, lang)
    sentences: dict[tuple[int, int], str] = {}  # a sentence's figures share its cleaned text
    for fig in figures:
        a, b = attr.place(fig).span
        b = max(b, fig.end)
        sentence = sentences.get((a, b))
        if sentence is None:
            sentence = sentences[(a, b)] = " ".join(text[a:b].split())
        measure = attr.measure_decision(fig)
        who = attr.who(fig, measure)
        evidence, confidence = evidence_and_confidence(measure, who)
        quote = text[fig.start:fig.end]
        yield {
            "id": figure_id(article, fig.start, fig.end, quote),
            "article": article,
            "start": fig.start,
            "end": fig.end,
            "quote": quote,
            "sentence": sentence,
            "value": fig.value,
            "value_high": fig.value_high if fig.value_high is not None else math.nan,
            "unit": fig.unit,
            "per": fig.per,
            "qualifier": fig.qualifier,
            "measure": measure.measure,
            "organisation": who.organisation,
            "model": who.model,
            "evidence": evidence,
            "confidence": confidence,
            "fact_id": fact_id(article, fig.value, fig.value_high, fig.unit, fig.per, measure.measure, who.organisation),
            "language": lang,
            "source": "rule",
        }


def _imply_currencies(figures: list[recognise.Figure], seg: Segmenter) -> list[recognise.Figure]:
    """'um 592,7 Milliarden Dollar auf 2,9 Billionen': a scaled number takes the currency
    of a money figure earlier in its sentence; without one it is not a figure.
    Likewise a rate ('pro Million Token') carries to later amounts of the sentence."""
    out: list[recognise.Figure] = []
    sentence, same = -1, []  # the figures kept so far in the current sentence
    for fig in figures:
        s = seg.sentence_index(fig.start)
        if s != sentence:
            sentence, same = s, []
        if fig.kind == "money" and not fig.per:
            # "$0.55 per million input tokens ..., compared with $15 for o1":
            # a token price named once in a sentence carries to its later amounts
            # of the same currency and a comparable size (not to a total)
            rates = [f for f in same if "tokens" in f.per and f.unit == fig.unit
                     and max(f.value, fig.value) < 1000 * max(min(f.value, fig.value), 1e-9)]
            if rates:
                fig.per, fig.direction = rates[-1].per, fig.direction or rates[-1].direction
        if fig.kind == "scaled":
            money = [f for f in same if f.kind == "money"]
            if not money:
                continue
            fig.kind, fig.unit = "money", money[-1].unit
        out.append(fig)
        same.append(fig)
    return out


_DTYPES = {"start": np.int64, "end": np.int64, "value": np.float64, "value_high": np.float64}


def extract(text: str, language: str = "auto") -> pd.DataFrame:
    """Figures in one text as a DataFrame (the table's columns without ``article``).

    Built column by column with the dtypes known in advance: pandas' own inference
    from a list of dicts cost more than the extraction of a short article.
    """
    rows = list(iter_figures(text, language))
    data = {c: np.array([r[c] for r in rows], dtype=_DTYPES.get(c, object)) for c in COLUMNS if c != "article"}
    return pd.DataFrame(data, copy=False)


def extract_paths(paths: list[str | Path], language: str = "auto", progress: bool = False,
                  corrections: str | Path | None | bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Extract every article under ``paths``; returns (figures, rejected) tables.

    Unreadable files never stop the run: they become rows of the rejected
    table with the reason. ``corrections``: a corrections CSV, ``True`` for
    ``corrections.csv`` in a folder given in ``paths`` (the default), or
    ``False``/``None`` for none. A ``sources.csv`` beside the articles is checked.
    """
    files, rejected = discover(paths)
    rows: list[dict] = []
    texts: dict[str, str] = {}
    rejected_rows = [{"article": r.article, "path": r.path, "line": "", "reason": r.reason} for r in rejected]
    for n, path in enumerate(files, 1):
        if progress:
            print(f"[{n}/{len(files)}] {path}", file=sys.stderr, flush=True)
        got = read_article(path)
        if isinstance(got, Rejected):
            rejected_rows.append({"article": got.article, "path": got.path, "line": "", "reason": got.reason})
            continue
        if got.name in texts:
            rejected_rows.append({"article": got.name, "path": got.path, "line": "",
                                  "reason": "another article has the same file name; ids would clash"})
            continue
        texts[got.name] = got.text
        rows.extend(iter_figures(got.text, language, got.name))
    figures = pd.DataFrame(rows, columns=COLUMNS)
    if not figures.empty:
        figures = figures.sort_values(["article", "start", "end"], kind="stable").reset_index(drop=True)
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if corrections is True:
        corrections = next((f / "corrections.csv" for f in folders if (f / "corrections.csv").exists()), None)
    if corrections:
        figures, problems = apply_corrections(figures, Path(corrections), texts)
        rejected_rows.extend(problems)
    for folder in folders:
        if (folder / "sources.csv").exists():
            rejected_rows.extend(check_sources(folder / "sources.csv", set(texts)))
    rejected_df = pd.DataFrame(rejected_rows, columns=REJECTED_COLUMNS)
    return figures, rejected_df


def write_csv(frame: pd.DataFrame, path: str | Path) -> None:
    """Deterministic CSV: UTF-8, '\\n' line ends, floats without trailing '.0'.

    Written atomically (a temporary file renamed into place), so a killed run or
    a full disk leaves the previous file, never a truncated one. A table with an
    ``id`` column must have unique ids: corrections refer to rows by id, and a
    duplicate would make one correction mean two figures.
    """
    from ..atomic import replacing

    if "id" in frame.columns and not frame["id"].is_unique:
        twice = sorted(frame.loc[frame["id"].duplicated(), "id"].astype(str).unique())
        raise ValueError(f"{path}: duplicate ids {', '.join(twice[:5])}; every figure needs its own id")
    with replacing(path) as tmp:
        frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n", float_format="%.15g")
