"""The development corpus (``tests/data/corpus/``): check its gold annotation, score the extractor per split.

Usage: ``python -m newsnumbers.evaluate.corpus [CORPUS_DIR] [--split dev|test|all]``

Why a split: the ``dev`` half is read and tuned on; the ``test`` half is only
scored, so its numbers say how the rules do on articles nobody tuned them for.
"""
from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from ..engine.pipeline import extract_paths
from ..engine.textio import Article, read_article
from ..schema import FIELDS, QUALIFIERS, is_money
from .scoring import Score, read_gold, score

MEASURES = frozenset({
    "training_cost", "model_spending", "price_per_million_tokens", "price_per_million_tokens_input",
    "price_per_million_tokens_output", "price_per_million_tokens_cached", "investment", "infrastructure_cost",
    "market_value_loss", "market_cap", "share_price", "share_price_drop", "share_price_gain", "price_cut", "growth",
    "revenue", "funding", "valuation", "assets_under_management", "resource_reduction", "gap_reduction", "chip_count",
    "parameter_count", "gpu_hours", "context_length", "age", "other"})
COUNT_UNITS = frozenset({"percent", "percentage_points", "chips", "tokens", "parameters", "GPU_hours", "years"})
SOURCE_COLUMNS = ["article", "url", "outlet", "title", "date", "language", "split"]


def gold_problems(corpus: Path) -> list[str]:
    """Every gold row checked against its article: the quote at its offsets, a number, a known unit, qualifier, measure."""
    gold = read_gold(corpus / "gold.csv")
    sources = pd.read_csv(corpus / "sources.csv", dtype=str, keep_default_na=False)
    problems = [f"sources.csv: missing column {c}" for c in SOURCE_COLUMNS if c not in sources.columns]
    texts: dict[str, str] = {}
    for name in sources.get("article", []):
        got = read_article(corpus / "articles" / name)
        if isinstance(got, Article):
            texts[name] = got.text
        else:
            problems.append(f"sources.csv: {name}: {got.reason}")
    for line, row in zip(range(2, len(gold) + 2), gold.to_dict("records")):
        where = f"gold.csv:{line}"
        text = texts.get(row["article"])
        if text is None:
            problems.append(f"{where}: article {row['article']!r} not in sources.csv")
            continue
        start, end = int(row["start"]), int(row["end"])
        if text[start:end] != row["quote"]:
            problems.append(f"{where}: quote {row['quote']!r} is not text[{start}:{end}] = {text[start:end]!r}")
        elif inside_a_number(text, start, end):
            problems.append(f"{where}: quote {row['quote']!r} is part of a longer number: {text[max(0, start - 5):end + 5]!r}")
        if not isinstance(row["value"], float) or math.isnan(row["value"]):
            problems.append(f"{where}: value {row['value']!r} is not a number")
        if not (is_money(row["unit"]) or row["unit"] in COUNT_UNITS):
            problems.append(f"{where}: unknown unit {row['unit']!r}")
        if row["qualifier"] not in QUALIFIERS:
            problems.append(f"{where}: unknown qualifier {row['qualifier']!r}")
        if row["measure"] not in MEASURES:
            problems.append(f"{where}: unknown measure {row['measure']!r}")
    unannotated = set(texts) - set(gold["article"])
    problems += [f"sources.csv: {a} has no gold row" for a in sorted(unannotated)]
    return problems


_PRICE_CELL_END = re.compile(r"\.\d\d$")  # a price's cents: where a table's cells are glued ("$75.00200K"), a number ends


def inside_a_number(text: str, start: int, end: int) -> bool:
    """Whether a quote that starts or ends with a digit cuts a number ("2 %" inside "22 %", "5" of "15"): an
    offset found with ``str.find`` lands on the first place the quote's characters stand, not on its figure.
    A price's cents end a number where a table's cells are glued ("Claude 3 Opus$15.00$75.00200K")."""
    before, after = text[max(0, start - 1):start], text[end:end + 1]
    cut_start = text[start:start + 1].isdigit() and before.isdigit() and not _PRICE_CELL_END.search(text, max(0, start - 3), start)
    cut_end = text[end - 1:end].isdigit() and after.isdigit() and not _PRICE_CELL_END.search(text, max(0, end - 3), end)
    return cut_start or cut_end


SHINGLE_WORDS = 8  # words per shingle: an agency's sentence copied by two outlets shares them, two stories on one topic do not
MAX_SHARED = 0.15  # share of a test article's shingles that a dev article may hold: above it, reading the dev one reads the test one


def split_overlaps(corpus: Path, most: float = MAX_SHARED) -> list[tuple[str, str, float]]:
    """(test article, dev article, share) where a test article shares more than ``most`` of its word shingles with a dev
    article: the same agency copy or press release in two outlets. Rules tuned on the dev one have read the test one,
    so its score is no longer on unseen text (move it to dev). Each shingle is indexed once, so the cost grows with the
    corpus, not with its pairs."""
    sources = pd.read_csv(corpus / "sources.csv", dtype=str, keep_default_na=False)
    shingles: dict[str, set[str]] = {}
    for name in sources["article"]:
        words = re.findall(r"\w+", (corpus / "articles" / name).read_text(encoding="utf-8").lower())
        shingles[name] = {" ".join(words[k:k + SHINGLE_WORDS]) for k in range(len(words) - SHINGLE_WORDS + 1)}
    dev_of: dict[str, list[str]] = {}
    for name in sources.loc[sources["split"] == "dev", "article"]:
        for s in shingles[name]:
            dev_of.setdefault(s, []).append(name)
    out = []
    for name in sources.loc[sources["split"] == "test", "article"]:
        shared = Counter(d for s in shingles[name] for d in dev_of.get(s, ()))
        out += [(name, d, round(n / len(shingles[name]), 3)) for d, n in sorted(shared.items()) if n > most * len(shingles[name])]
    return out


def score_split(corpus: Path, split: str) -> tuple[Score, pd.DataFrame]:
    """Extract the articles of one split (or ``all``) and score them against their gold rows."""
    sources = pd.read_csv(corpus / "sources.csv", dtype=str, keep_default_na=False)
    names = sources["article"] if split == "all" else sources.loc[sources["split"] == split, "article"]
    paths = [corpus / "articles" / n for n in names]
    figures, _ = extract_paths(paths, corrections=False)
    gold = read_gold(corpus / "gold.csv")
    return score(gold[gold["article"].isin(set(names))], figures), figures


def confusions(result: Score, name: str = "measure") -> Counter:
    """(gold, got) pairs of one field among the found figures, most common first."""
    return Counter((gold, got) for field, gold, got in result.confused if field == name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsnumbers.evaluate.corpus")
    ap.add_argument("corpus", nargs="?", default="tests/data/corpus")
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--show", type=int, default=0, help="list this many wrong fields and misses")
    a = ap.parse_args(argv)
    corpus = Path(a.corpus)
    problems = gold_problems(corpus)
    for p in problems:
        print(f"gold: {p}")
    result, _ = score_split(corpus, a.split)
    print(f"{a.split}: recall {result.recall:.3f} precision {result.precision:.3f} "
          f"(found {result.found}/{result.required}, {result.false_positives} false positives of {result.predicted})")
    print("  " + "  ".join(f"{f} {result.accuracy(f):.3f}" for f in FIELDS))
    for field in ("measure", "organisation", "model"):
        top = confusions(result, field).most_common(8)
        print(f"  {field} confused: " + "; ".join(f"{g or '-'} -> {p or '-'} ({n})" for (g, p), n in top))
    for line in (result.misses + result.false_positive_quotes + result.wrong)[:a.show]:
        print("   ", line)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
