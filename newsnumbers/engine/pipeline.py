"""From article text to the tidy table of figures: one row per figure mention."""
from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import lexicon
from ..corrections import apply as apply_corrections
from ..schema import COLUMNS, REJECTED_COLUMNS, fact_id, figure_id
from ..sources import check_sources
from . import boilerplate, period, price_lists, rates, recognise, tables, vertical_tables, wordscan
from .attribute import Attributor, Decision, Who, _tables, evidence_and_confidence, settled_measure
from .casefold import fold
from .frame import build as build_frame
from .grammar import grammar
from .per_share import carry_per_share
from .segment import SENTENCE_COLUMN_MAX, Clause, Segmenter, blocks, detect_language, sentence_column
from .textio import Rejected, discover, is_folder, read_article

MAX_LISTED_SKIPPED = 10  # skipped figures named in the rejected table's reason, per article
BLOCK_CHARS = 1_000_000  # a longer text is read in parts of at most this many characters (news articles are far shorter)


def iter_figures(text: str, language: str = "auto", article: str = "",
                 skipped: list[tuple[int, str]] | None = None) -> Iterator[dict]:
    """Yield one dict per figure in ``text`` (columns as :data:`COLUMNS`).

    ``skipped``, when given, receives (offset, quote) of each figure left out
    because it stands in page furniture (a cookie line, a link list): the
    caller reports them, so no figure disappears unseen.

    A text longer than :data:`BLOCK_CHARS` (a dump, not an article) is read
    block by block, cut at paragraph breaks: attribution keeps what it learns
    about every sentence until the text is done, which for a 10 MB text was
    fourteen times its size. Offsets stay those of the whole text.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs str, got {type(text).__name__}")
    whole = fold(text) if len(text) <= BLOCK_CHARS else None  # one block: lower-cased once, for both
    lang = detect_language(text, folded=whole) if language == "auto" else language
    if lang not in ("de", "en"):
        raise ValueError(f"language must be 'de', 'en' or 'auto', not {language!r}")
    for a, b in blocks(text, BLOCK_CHARS):
        one = (a, b) == (0, len(text))
        yield from _block_figures(text if one else text[a:b], a, lang, article, skipped, whole if one else None)


def _block_figures(text: str, offset: int, lang: str, article: str, skipped: list[tuple[int, str]] | None,
                   folded: str | None = None) -> Iterator[dict]:
    """The rows of one block of the text (the whole text, unless it is very long); ``offset``: where the block
    starts; ``folded``: the block lower-cased, when the caller has it."""
    folded = fold(text) if folded is None else folded  # lower-cased once, same offsets; the scans below are case-sensitive on it
    _folded_scans()  # their word lists are found in it in one pass
    furniture, links = boilerplate.find(text, folded)
    figures = []
    for f in recognise.find_figures(text, lang, folded=folded):
        if f.start in links:
            continue  # digits in a link or an e-mail address are no figures
        if f.unit == "tokens" and tables.denominator(folded, f.start):
            continue  # "| Input (per 1M tokens) |": a rate's denominator standing alone, no count
        if f.start in furniture:
            if skipped is not None:
                skipped.append((offset + f.start, text[f.start:f.end]))
            continue
        figures.append(f)
    seg = Segmenter.of(text)
    figures = _imply_currencies(figures, seg, text, lang)
    tables.carry_headers(figures, text)  # "| GPT-5 | $1.25 | $10.00 |" under "| Input (per 1M tokens) | Output … |"
    price_lists.carry_list_heads(figures, text)  # "Input$0.30" under "Token Type Price per 1M tokens"
    price_lists.carry_label_rates(figures, text)  # "Input price (per 1M tokens): $1.25"
    price_lists.carry_captions(figures, text)  # "GPT-4o: $2.50 input / $10.00 output" under "Pricing (per million tokens):"
    vertical_tables.carry_vertical(figures, text)  # "Model", "Input", "Output", then "Claude Opus 4.6", "$5", "$25"
    rates.carry(figures, seg, folded)  # "… ($0.15/$0.60)": the amounts of a price list are token prices too
    carry_per_share(figures, seg, text)  # "Das Ergebnis je Aktie kletterte von 0,90 US-Dollar auf 1,74 US-Dollar"
    if not figures:
        return
    attr = Attributor(text, seg, figures, folded, lang)
    periods: dict[tuple[int, int], str] = {}  # the periods of the block's clauses, by span (figures often share a clause)
    last: tuple[int, str] = (-1, "")  # a sentence's figures share its cleaned text
    previous: recognise.Figure | None = None
    for fig in figures:
        converts = previous is not None and attr.restates(previous, fig)
        previous = fig
        place = attr.place(fig)
        whole = fig.end <= place.span[1] and place.span[1] - place.span[0] <= SENTENCE_COLUMN_MAX  # the same for all its figures
        sentence = last[1] if whole and last[0] == place.sentence else None
        if sentence is None:
            sentence = sentence_column(text, place.span, (fig.start, fig.end), seg.was_cut(place.sentence))
            last = (place.sentence, sentence) if whole else (-1, "")
        if not converts:
            measure = attr.measure_decision(fig)
            who = attr.who(fig, measure)
            decided = (settled_measure(attr, fig, measure, who), who)
        yield _row(text, offset, article, lang, fig, sentence, attr.places.clauses(place.sentence), attr.lower, decided,
                   periods)


@lru_cache(maxsize=1)
def _folded_scans() -> wordscan.ScanGroup:
    """The word scans of a block's lower-cased text (page furniture, number words, generic names and
    anaphors) as one group: one Aho–Corasick pass over the text instead of one per scan. The named
    aliases, matched on the text itself, find their places in the same pass (case-folded)."""
    cues = boilerplate._cues()
    return wordscan.ScanGroup([cues.strong, cues.weak, grammar("de").trigger, grammar("en").trigger,
                               _tables().lower_regex], folded=[_tables().regex])


def _row(text: str, offset: int, article: str, lang: str, fig: recognise.Figure, sentence: str, clauses: list[Clause],
         lower: str, decided: tuple[Decision, Who], periods: dict[tuple[int, int], str]) -> dict:
    """The table row of one figure (``offset``: where ``text`` starts in the article); ``clauses``: those of its
    sentence; ``decided``: its measure and who, or those of the amount it converts ("380 Mrd. Yuan (53 Mrd.
    Dollar)"); ``periods``: the block's clause periods so far."""
    measure, who = decided
    evidence, confidence = evidence_and_confidence(measure, who)
    quote = text[fig.start:fig.end]
    start, end = offset + fig.start, offset + fig.end
    return {
        "id": figure_id(article, start, end, quote),
        "article": article,
        "start": start,
        "end": end,
        "quote": quote,
        "sentence": sentence,
        "value": fig.value,
        "value_high": fig.value_high if fig.value_high is not None else math.nan,
        "unit": fig.unit,
        "per": fig.per,
        "period": period.in_clauses(text, clauses, fig.start, lang, lower, periods),
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


def _imply_currencies(figures: list[recognise.Figure], seg: Segmenter, text: str, lang: str) -> list[recognise.Figure]:
    """'um 592,7 Milliarden Dollar auf 2,9 Billionen': a scaled number takes the currency
    of a money figure earlier in its sentence; without one it is not a figure, nor where
    it counts the things named right after it ("$8.9 billion …, purchasing 433.3 million
    INTC stocks": grammar_words ``counted_after_scale``).

    One pass: per sentence it keeps the last money figure's currency, instead of
    looking through all the sentence's figures each time.
    """
    out: list[recognise.Figure] = []
    sentence, money_unit = -1, ""
    counted = _counted_after_scale()[lang]
    for fig in figures:
        s = seg.sentence_index(fig.start)
        if s != sentence:
            sentence, money_unit = s, ""
        if fig.kind == "scaled":
            if not money_unit or counted.match(text, fig.end):
                continue
            fig.kind, fig.unit = "money", money_unit
        out.append(fig)
        if fig.kind == "money":
            money_unit = fig.unit
    return out


@lru_cache(maxsize=1)
def _counted_after_scale() -> dict[str, re.Pattern[str]]:
    """Per language, the words after a scaled number that it counts (case-sensitive), after one space."""
    rows = [r for r in lexicon.load().grammar_words if r["role"] == "counted_after_scale"]
    return {lang: re.compile(rf"\ (?:{'|'.join(r['pattern'] for r in rows if r['language'] == lang)})") for lang in ("de", "en")}


_EXTRACT_COLUMNS = [c for c in COLUMNS if c != "article"]


def extract(text: str, language: str = "auto") -> pd.DataFrame:
    """Figures in one text as a DataFrame (the table's columns without ``article``).

    Built column by column with the dtypes known in advance (:mod:`.frame`): pandas'
    own inference from a list of dicts cost more than the extraction of a short article.
    """
    return build_frame(list(iter_figures(text, language)), _EXTRACT_COLUMNS)


def extract_paths(paths: list[str | Path], language: str = "auto",
                  progress: bool | Callable[[list[Path]], Iterable[Path]] = False,
                  corrections: str | Path | None | bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Extract every article under ``paths``; returns (figures, rejected) tables.

    Unreadable files never stop the run: they become rows of the rejected
    table with the reason. ``corrections``: a corrections CSV, ``True`` for
    ``corrections.csv`` in a folder given in ``paths`` (the default), or
    ``False``/``None`` for none. A ``sources.csv`` beside the articles is checked.
    ``progress``: ``True`` prints a line per file on stderr (the CLI); a function
    wraps the file list (a notebook's progress bar).
    """
    files, rejected = discover(paths)
    rows: list[dict] = []
    texts: dict[str, str] = {}
    rejected_rows = [{"article": r.article, "path": r.path, "line": "", "reason": r.reason} for r in rejected]
    each = progress(files) if callable(progress) else files
    for n, path in enumerate(each, 1):
        if progress is True:
            print(f"[{n}/{len(files)}] {path}", file=sys.stderr, flush=True)
        _extract_file(path, language, texts, rows, rejected_rows)
    figures = pd.DataFrame(rows, columns=COLUMNS)
    if not figures.empty:
        figures = figures.sort_values(["article", "start", "end"], kind="stable").reset_index(drop=True)
    folders = [Path(p) for p in paths if is_folder(p)]
    if corrections is True:
        corrections = next((f / "corrections.csv" for f in folders if _exists(f / "corrections.csv")), None)
    if corrections:
        figures, problems = apply_corrections(figures, Path(corrections), texts)
        rejected_rows.extend(problems)
    for folder in folders:
        if _exists(folder / "sources.csv"):
            rejected_rows.extend(check_sources(folder / "sources.csv", set(texts)))
    rejected_df = pd.DataFrame(rejected_rows, columns=REJECTED_COLUMNS)
    return figures, rejected_df


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; False when its folder cannot be searched (that folder is already rejected)."""
    try:
        return path.exists()
    except OSError:
        return False


def _extract_file(path: Path, language: str, texts: dict[str, str], rows: list[dict], rejected_rows: list[dict]) -> None:
    """Read one file and add its figures to ``rows``, its problems and warnings to ``rejected_rows``."""
    got = read_article(path)
    if isinstance(got, Rejected):
        rejected_rows.append({"article": got.article, "path": got.path, "line": "", "reason": got.reason})
        return
    if got.name in texts:
        rejected_rows.append({"article": got.name, "path": got.path, "line": "",
                              "reason": "another article has the same file name; ids would clash"})
        return
    rejected_rows.extend({"article": got.name, "path": got.path, "line": line, "reason": reason}
                         for line, reason in got.warnings)
    texts[got.name] = got.text
    skipped: list[tuple[int, str]] = []
    rows.extend(iter_figures(got.text, language, got.name, skipped))
    if skipped:
        rejected_rows.append(skipped_row(got.name, got.path, got.text, skipped))


def skipped_row(article: str, path: str, text: str, skipped: list[tuple[int, str]]) -> dict:
    """One warning row naming the figures an article lost to page furniture, with their lines.

    >>> skipped_row("a.txt", "in/a.txt", "Text.\\nAbo: 9,99 Euro", [(11, "9,99 Euro")])["reason"]
    'warning: article read; 1 figure skipped as page furniture (cookie, newsletter or comment lines, link lists): "9,99 Euro" (line 2)'
    """
    line, at, named = 1, 0, []
    for start, quote in skipped:
        line += text.count("\n", at, start)
        at = start
        named.append((line, quote))
    listed = ", ".join(f'"{quote}" (line {line})' for line, quote in named[:MAX_LISTED_SKIPPED])
    more = f" and {len(named) - MAX_LISTED_SKIPPED} more" if len(named) > MAX_LISTED_SKIPPED else ""
    n = len(named)
    return {"article": article, "path": path, "line": named[0][0],
            "reason": f"warning: article read; {n} figure{'s' * (n != 1)} skipped as page furniture "
                      f"(cookie, newsletter or comment lines, link lists): {listed}{more}"}


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
