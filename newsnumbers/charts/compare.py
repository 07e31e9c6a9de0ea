"""What a headline may compare: like with like, each fact once, and the wording of a share.

Why: headlines computed from the table stated false findings when the table held
unlike figures — a data-centre budget read as a training cost, "USA" (from a "US$"
prefix) as a seller of tokens, a pledge over four years against one year's
spending, euros divided by dollars, and a range spanning a headline and the body
sentence repeating it. Here two figures are alike only when measure, currency
(after conversion), rate and period agree and the measure's rules (``like.csv``)
hold; repeats of a fact count once. When nothing alike is left, the builder
describes instead of computing.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import lexicon
from ..engine.segment import clauses
from . import numfmt
from .style import label

HERE = Path(__file__).parent
ROUNDED_REPEAT = 0.05  # "fast 600 Milliarden" within 5 % of the article's exact 588: the same fact, rounded
#: Reports of one figure differ by rounding and estimates ("5,6" and "sechs Millionen"), by far less than this
#: factor; a larger step between two sorted values is another figure (Nvidia's 279 Mrd. of September, 589 of January).
SAME_FIGURE = 1.5
KEY = ["measure", "unit", "per", "period"]
SEP = "\x1f"  # between organisation(s) and model in a subject: names hold spaces ("Thinking Machines Lab")


@dataclass(frozen=True)
class Rule:
    needs_period: bool
    needs: str
    exclude_types: frozenset[str]


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    """Measure -> its comparison rule (``like.csv``)."""
    return {r["measure"]: Rule(r["needs_period"] == "yes", r["needs"], frozenset(t for t in r["exclude_types"].split(";") if t))
            for r in lexicon.read_rows("like.csv", HERE)}


def rule(measure: str) -> Rule:
    return rules().get(measure, Rule(False, "", frozenset()))


@lru_cache(maxsize=1)
def _training() -> dict[str, re.Pattern[str]]:
    return {r["language"]: lexicon.compile_pattern(r) for r in lexicon.read_rows("training_cues.csv", HERE)}


@lru_cache(maxsize=1)
def org_types() -> dict[str, str]:
    """Canonical organisation -> its type (company, place, project, index, generic) from the lexicon."""
    # the companies of a place ("deutsche Startups", type group) are, for a chart, that place
    return {r["canonical"]: "place" if r["type"] == "group" else r["type"] for r in lexicon.load().organisations}


def own_clause(sentence: str, quote: str) -> str:
    """The clause of ``sentence`` that holds ``quote`` (the whole sentence when the quote is not found)."""
    at = sentence.find(quote)
    if at < 0:
        return sentence
    for c in clauses(sentence, 0, len(sentence), [(at, at + len(quote))]):
        if c.start <= at < c.end:
            return sentence[c.start:c.end]
    return sentence


def speaks_of_training(row: pd.Series) -> bool:
    clause = own_clause(str(row.get("sentence", "")), str(row.get("quote", "")))
    return any(p.search(clause) for p in _training().values())


def eligible(row: pd.Series) -> bool:
    """Whether a row may be a side of a headline's comparison (the measure's rules in ``like.csv``)."""
    r = rule(row["measure"])
    orgs = [o for o in str(row["organisation"]).split("|") if o]
    if not orgs or any(org_types().get(o, "company") in r.exclude_types for o in orgs):
        return False
    if r.needs_period and not row.get("period", ""):
        return False
    if r.needs == "model_or_training" and not row["model"] and not speaks_of_training(row):
        return False
    return True


def facts(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per fact: repeats (same ``fact_id``) once, and an article's rounded repeat of its exact figure
    ("fast 600 Milliarden" beside "588 Milliarden", same measure and organisation) folded into it."""
    if rows.empty:
        return rows
    rows = rows.copy()
    if "period" not in rows:
        rows["period"] = ""
    if "fact_id" not in rows or rows["fact_id"].eq("").any():
        rows["fact_id"] = rows[["article", "value", "value_high", *KEY, "organisation", "model"]].map(str).agg("|".join, axis=1)
    rows = rows.drop_duplicates("fact_id")
    drop = []
    for _, g in rows.groupby(["article", *KEY, "organisation"], sort=False):
        exact = g[g["qualifier"] == "exact"]["value"].tolist()
        for i, r in g[g["qualifier"] != "exact"].iterrows():
            if any(abs(r["value"] - v) <= ROUNDED_REPEAT * abs(v) for v in exact):
                drop.append(i)
    return rows.drop(index=drop)


def agreed(f: pd.DataFrame) -> pd.DataFrame:
    """The facts of one side that report one figure, the one most articles give: what a headline may state.

    Why: a side's facts can be different figures (DeepSeek's 294.000 $ for R1's reinforcement learning beside the
    5,6 Mio. $ of V3; Nvidia's loss of one day in September beside that of the DeepSeek Monday; a misread market
    value of 4 Bio. $), and a span over them ("294.000 $ bis 6 Mio. $") reads as doubt about one number. Sorted by
    value, a step of more than ``SAME_FIGURE`` starts another figure; the figure reported by the most articles
    (then by the most facts, then the larger) is kept, the others stay in the chart."""
    if len(f) < 2:
        return f
    order = f.sort_values(["value", "article"], kind="stable")
    groups: list[list] = [[]]
    top = 0.0
    for i, r in order.iterrows():
        if groups[-1] and r["value"] > top * SAME_FIGURE:
            groups.append([])
        groups[-1].append(i)
        top = max(top if len(groups[-1]) > 1 else 0.0, float(r["value_high"]) if pd.notna(r["value_high"]) else r["value"])
    best = max(groups, key=lambda g: (f.loc[g, "article"].nunique(), len(g), f.loc[g, "value"].max()))
    return f.loc[best]


def subject(row: pd.Series, with_model: bool) -> str:
    """Who a fact is about: the organisation(s), with the model when the measure is a model's."""
    orgs = str(row["organisation"])
    return f"{orgs}{SEP}{row['model']}" if with_model and row["model"] else orgs


def matches(who: str, name: str) -> bool:
    """Whether subject ``who`` is meant by a parameter ``name`` ('DeepSeek', 'OpenAI o1', 'o1')."""
    name = name.strip()
    if " " in name and who.replace(SEP, " ") == name:
        return True
    orgs, _, model = who.partition(SEP)
    return bool(name) and (who == name or name in orgs.split("|") or (model != "" and name == model))


def lowest(f: pd.DataFrame) -> float:
    """The least a side's facts allow: an upper bound allows anything down to 0."""
    return float(f.apply(lambda r: 0.0 if r["qualifier"] == "upper_bound" else r["value"], axis=1).min())


def highest(f: pd.DataFrame) -> float:
    """The most a side's facts allow: a lower bound is open upwards."""
    def top(r: pd.Series) -> float:
        if r["qualifier"] == "lower_bound":
            return math.inf
        return float(r["value_high"]) if pd.notna(r["value_high"]) else float(r["value"])
    return float(f.apply(top, axis=1).max())


@dataclass
class Pair:
    """The two sides of a headline's comparison: every fact of each, and which side is larger."""

    focus: pd.DataFrame
    other: pd.DataFrame
    focus_name: str
    other_name: str
    ratio: float        # at least this many times: larger side's lowest / smaller side's highest
    focus_larger: bool


def _rank(f: pd.DataFrame, names: pd.Series, focus_articles: set[str]) -> list[str]:
    """Subjects, most reported first: articles shared with the focus (the articles' own comparisons), articles, facts."""
    stats = []
    for name, g in f.groupby(names):
        arts = set(g["article"])
        stats.append((-len(arts & focus_articles), -len(arts), -len(g), name))
    return [s[-1] for s in sorted(stats)]


def pair(rows: pd.DataFrame, focus: str, compare: tuple[str, ...], with_model: bool) -> Pair | None:
    """The comparison a headline may state, or None when the table supports none.

    The focus side is ``focus`` (else the most reported subject); the other is the first
    of ``compare`` with alike facts (else the most reported other subject). Both sides
    need facts of one like-key (measure, currency, rate, period) and values that do not
    overlap, so the ratio holds for every fact of either side.
    """
    f = facts(rows[rows.apply(eligible, axis=1)]) if len(rows) else rows
    if f.empty:
        return None
    names = f.apply(lambda r: subject(r, with_model), axis=1)
    focus_mask = names.map(lambda w: matches(w, focus))
    if not focus_mask.any():
        first = _rank(f, names, set())[0]
        focus_mask, focus = names == first, first
    for key, g in f[focus_mask].groupby(KEY, sort=False):
        mine = agreed(g)
        others = f[~focus_mask & (f[KEY] == pd.Series(key, index=KEY)).all(axis=1)]
        if others.empty:
            continue
        other_names = names[others.index]
        ranked = _rank(others, other_names, set(mine["article"]))
        wanted = [n for n in ranked if any(matches(n, c) for c in compare)] if compare else ranked
        mine_members = set().union(*(_members(n) for n in names[mine.index]))
        for name in wanted:
            if _members(name) & mine_members:
                continue  # "Google, Meta, Microsoft" against Microsoft: a sum holding the other side is no rival of it
            theirs = agreed(others[other_names == name])
            if lowest(theirs) > highest(mine) > 0:
                return Pair(mine, theirs, _name(mine, focus, with_model), name, lowest(theirs) / highest(mine), False)
            if lowest(mine) > highest(theirs) > 0:
                return Pair(mine, theirs, _name(mine, focus, with_model), name, lowest(mine) / highest(theirs), True)
    return None


def _members(who: str) -> set[str]:
    """The organisations a subject without a model joins ("Google|Meta|Microsoft"); a model's subject stands alone,
    so two models of one company may be compared."""
    return {who} if SEP in who else set(who.split("|")) - {""}


def _name(rows: pd.DataFrame, focus: str, with_model: bool) -> str:
    """The focus side's name: its subject when all its facts share one, else the focus parameter."""
    names = set(rows.apply(lambda r: subject(r, with_model), axis=1))
    return names.pop() if len(names) == 1 else focus


def at_least(k: float, locale: str) -> str:
    """A ratio rounded down ('27' for 27.3, '3,4' for 3.49): an 'at least' claim must stay true."""
    k = math.floor(k) if k >= 10 else math.floor(k * 10) / 10
    return numfmt.ratio(k, locale)


CLOSE_RATIO = 1.1  # below it a ratio rounded down reads "1-mal so viel": the headline says how much more instead


def times_key(key: str, k: float) -> str:
    """The headline template for a ratio ``k``: ``key`` ("3,4-mal so viel wie"), or ``{key}_close`` where ``k`` is below
    :data:`CLOSE_RATIO` ("5 Prozent mehr als"): "84,2 Mrd. $ – 1-mal so viel wie 80 Mrd. $" says nothing true."""
    return f"{key}_close" if k < CLOSE_RATIO else key


def more_than(k: float, locale: str) -> str:
    """'5 Prozent mehr als' / '5% more than' for a ratio ``k`` (rounded down: an 'at least' claim must stay true), or
    'mindestens so viel wie' / 'at least as much as' where that is under one per cent."""
    pct = math.floor(round((k - 1) * 100, 9))
    if pct < 1:
        return label("more_same", locale)
    return label("more_pct", locale).format(pct=numfmt.ratio(pct, locale))


@lru_cache(maxsize=1)
def _fractions() -> dict[int, dict[str, str]]:
    return {int(r["n"]): {"de": r["de"], "en": r["en"]} for r in lexicon.read_rows("fractions.csv", HERE)}


def share(k: float, locale: str) -> str:
    """'ein Dreizehntel' / 'a thirteenth of' when the smaller side is at most 1/n of the larger (k within 5 % above
    a whole n in fractions.csv), else '8 Prozent' / '8% of' (rounded up: an 'at most' claim must stay true)."""
    n = math.floor(k)
    if n in _fractions() and k <= n * 1.05:
        return _fractions()[n][locale]
    p = 100 / k
    p = math.ceil(p) if p >= 1 else math.ceil(p * 10) / 10
    return f"{numfmt._digits(p, locale)} Prozent" if locale == "de" else f"{numfmt._digits(p, locale)}% of"


def span(f: pd.DataFrame, locale: str) -> str:
    """'5,6–6 Mio. $' over a side's facts (repeats once), one value when they agree."""
    lo, hi = float(f["value"].min()), float(f["value_high"].fillna(f["value"]).max())
    unit = f["unit"].iloc[0]
    if math.isclose(lo, hi):  # one value: with its qualifier where every figure of it has the same ("rund 600 Mrd.")
        quals = f["qualifier"].unique() if "qualifier" in f else ["exact"]
        return numfmt.qualified(numfmt.money(hi, unit, locale), quals[0] if len(quals) == 1 else "", locale)
    a, b = numfmt.money(lo, unit, locale), numfmt.money(hi, unit, locale)
    if locale == "de":
        (na, ua), (nb, ub) = a.split("\u00a0", 1), b.split("\u00a0", 1)
        return f"{na}–{nb}\u00a0{ub}" if ua == ub else f"{a} bis {b}"
    return f"{a}–{b}"
