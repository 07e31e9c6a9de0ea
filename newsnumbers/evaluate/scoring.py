"""Score an extracted table against a hand annotation (gold), by span overlap.

A predicted row matches a gold row of the same article when their character
spans overlap. Gold rows marked ``required=optional`` neither count for recall
nor make an overlapping prediction a false positive. Used by the tests and the
benchmark so that quality is measured the same way everywhere.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..schema import FIELDS


def _text(v) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v).strip()


def _number(v) -> float | None:
    s = _text(v)
    return float(s) if s else None


def field_ok(name: str, gold: dict, pred: dict) -> bool:
    """Whether one field of a prediction agrees with the gold row."""
    g, p = gold.get(name), pred.get(name)
    if name in ("value", "value_high"):
        gv, pv = _number(g), _number(p)
        if gv is None or pv is None:
            return gv is None and pv is None
        return math.isclose(gv, pv, rel_tol=1e-6, abs_tol=1e-9)
    if name in ("organisation", "model"):
        ga = {x.strip().lower() for x in _text(g).split("|") if x.strip()}
        pa = {x.strip().lower() for x in _text(p).split("|") if x.strip()}
        if name == "model":
            return ga == pa
        return (bool(pa) and pa <= ga) if ga else not pa
    if name == "measure":
        base = "price_per_million_tokens"
        norm = lambda s: base if s.lower().startswith(base) else s.lower()  # noqa: E731
        return norm(_text(g)) == norm(_text(p))
    if name == "per":
        return _text(g).lower().replace(" ", "") == _text(p).lower().replace(" ", "")
    return _text(g).lower() == _text(p).lower()


@dataclass
class Score:
    required: int = 0
    found: int = 0
    predicted: int = 0
    false_positives: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    misses: list[str] = field(default_factory=list)
    false_positive_quotes: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    confused: list[tuple[str, str, str]] = field(default_factory=list)  # (field, gold, got) of every wrong field

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return (self.predicted - self.false_positives) / self.predicted if self.predicted else 0.0

    def accuracy(self, name: str) -> float:
        return self.field_hits[name] / self.found if self.found else 0.0


def score(gold: pd.DataFrame, pred: pd.DataFrame) -> Score:
    """Compare two tables with columns article, start, end and the FIELDS."""
    gold = gold.assign(article=gold["article"].map(lambda a: Path(str(a)).name))
    pred = pred.assign(article=pred["article"].map(lambda a: Path(str(a)).name))
    pred = pred[pred["article"].isin(set(gold["article"]))].reset_index(drop=True)
    result = Score(predicted=len(pred))
    matched: set[int] = set()
    by_article = {a: list(g.to_dict("records")) for a, g in pred.reset_index().groupby("article")}
    for g in gold.to_dict("records"):
        cands = [p for p in by_article.get(g["article"], []) if p["start"] < g["end"] and g["start"] < p["end"]]
        matched.update(p["index"] for p in cands)
        if _text(g.get("required", "yes")).lower() == "optional":
            continue
        result.required += 1
        if not cands:
            result.misses.append(f"{g['article']}:{g['start']} {g['quote']!r}")
            continue
        result.found += 1
        best = max(cands, key=lambda p: sum(field_ok(f, g, p) for f in FIELDS))
        for f in FIELDS:
            if field_ok(f, g, best):
                result.field_hits[f] += 1
            else:
                result.confused.append((f, _text(g.get(f)), _text(best.get(f))))
                result.wrong.append(f"{g['article']}:{g['start']} {g['quote']!r} {f}: "
                                    f"gold={_text(g.get(f))!r} got={_text(best.get(f))!r}")
    for p in pred.reset_index().to_dict("records"):
        if p["index"] not in matched:
            result.false_positives += 1
            result.false_positive_quotes.append(f"{p['article']}:{p['start']} {p.get('quote', '')!r}")
    return result


def read_gold(path: str | Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"per": str, "unit": str, "model": str, "organisation": str},
                       keep_default_na=False, na_values=[""])
