"""Every number a headline states is supported by the hand annotation (issue 13).

Each chart is built from the development corpus's gold table (dev split only; the
test split is never read here) plus the seeds' gold, and from the table the
extractor makes of the same articles. Every number in every headline, in both
locales, must then appear among the gold's values of the chart's measures (after
the same currency conversion), or be computed from two gold values of the same
measure, currency, rate and period: a ratio ("27-mal"), a share ("ein Dreizehntel",
"4 Prozent"). Every count a headline states ("laut 19 Artikeln", "2 Artikel, 5 Angaben") must
be the chart's own count: the distinct articles, or the facts drawn, of the measure (and topic) it
names, on either table. The gold has no period column; it is read from the article at the
gold span with the extractor's own rule (engine/period.py).
"""
from __future__ import annotations

import csv
import math
import re
from itertools import permutations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from conftest import DATA, SEEDS

from newsnumbers import extract_paths
from newsnumbers.charts import compare, numfmt, questions
from newsnumbers.charts.layout import facts
from newsnumbers.charts.scope import Scope
from newsnumbers.charts.selection import prepare, who
from newsnumbers.charts.style import label
from newsnumbers.engine.period import period_at
from newsnumbers.engine.segment import Segmenter, detect_language

CORPUS = DATA / "corpus"
CHARTS = ["02_training_costs", "03_token_prices", "04_investments", "05_market_reaction", "06_source_check"]
MEASURES = {"02_training_costs": ["training_cost", "model_spending", "infrastructure_cost"],
            "03_token_prices": ["price_per_million_tokens"], "04_investments": ["investment", "funding"],
            "05_market_reaction": ["market_value_loss", "market_cap", "share_price", "share_price_drop", "share_price_gain"]}


def _dev() -> list[str]:
    with (CORPUS / "sources.csv").open(encoding="utf-8") as handle:
        return [r["article"] for r in csv.DictReader(handle) if r["split"] == "dev"]


def _text(article: str) -> str:
    path = SEEDS / article if (SEEDS / article).exists() else CORPUS / "articles" / article
    return path.read_text(encoding="utf-8-sig")


def _gold() -> pd.DataFrame:
    """The gold rows of the seeds and the dev corpus, with the sentence and period the charts read."""
    dev = set(_dev())
    seeds = pd.read_csv(DATA / "seeds.gold.csv", keep_default_na=False)
    corpus = pd.read_csv(CORPUS / "gold.csv", keep_default_na=False)
    gold = pd.concat([seeds, corpus[corpus["article"].isin(dev)]], ignore_index=True)
    gold = gold[gold["required"] == "yes"].copy()
    sentences, periods = [], []
    for _, r in gold.iterrows():
        text = _text(r["article"])
        assert text[r["start"]:r["end"]] == r["quote"]
        seg = Segmenter.of(text)
        a, b = seg.sentence_span(seg.sentence_index(r["start"]))
        sentences.append(text[a:b])
        periods.append(period_at(text, r["start"], r["end"], detect_language(text)))
    gold["sentence"], gold["period"] = sentences, periods
    gold["value"] = pd.to_numeric(gold["value"])
    gold["value_high"] = pd.to_numeric(gold["value_high"].replace("", float("nan")))
    gold["fact_id"] = ""
    return gold


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    """A seeds folder's sources.csv giving the dev articles' dates, so amounts convert at their day's rate."""
    folder = tmp_path_factory.mktemp("sources")
    with (CORPUS / "sources.csv").open(encoding="utf-8") as handle, \
            (folder / "sources.csv").open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["article", "title", "outlet", "date", "url", "language"])
        for r in csv.DictReader(handle):
            if r["split"] == "dev":
                w.writerow([r["article"], r["title"], r["outlet"], r["date"], r["url"], r["language"]])
    return folder


@pytest.fixture(scope="module")
def tables():
    gold = _gold()
    paths = [SEEDS / a for a in sorted(set(gold["article"])) if (SEEDS / a).exists()]
    paths += [CORPUS / "articles" / a for a in _dev()]
    extracted, _ = extract_paths(paths)
    return {"gold": gold, "extracted": extracted}


def _numbers(title: str, locale: str) -> list[tuple[str, float]]:
    """(kind, value) of every number in a headline: money, ratio, share (1/n or percent of), percent."""
    out: list[tuple[str, float]] = []
    words = {row[locale]: n for n, row in compare._fractions().items()}
    for word, n in words.items():
        if word in title:
            out.append(("fraction", n))
            title = title.replace(word, " ")
    number = r"\d[\d.,]*" if locale == "en" else r"\d[\d.]*(?:,\d+)?"

    def num(s: str) -> float:
        return float(s.replace(",", "") if locale == "en" else s.replace(".", "").replace(",", "."))
    pats = ([(rf"({number})-mal", "ratio"), (rf"({number}) Prozent", "share"), (rf"({number})\u00a0%", "percent")]
            if locale == "de" else
            [(rf"({number}) times", "ratio"), (rf"({number})% of", "share"), (rf"({number})%", "percent")])
    for pat, kind in pats:
        for m in re.finditer(pat, title):
            out.append((kind, num(m.group(1))))
        title = re.sub(pat, " ", title)
    scale = {"Tsd.": 1e3, "Mio.": 1e6, "Mrd.": 1e9, "Bio.": 1e12, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12, "": 1}
    if locale == "de":
        for m in re.finditer(rf"({number})(?:–({number}))?(?:\u00a0(Tsd\.|Mio\.|Mrd\.|Bio\.))?\u00a0[$€£¥]", title):
            for g in (m.group(1), m.group(2)):
                if g:
                    out.append(("money", num(g) * scale[m.group(3) or ""]))
    else:
        for m in re.finditer(rf"[$€£¥]({number})([KMBT]?)", title):
            out.append(("money", num(m.group(1)) * scale[m.group(2)]))
    return out


def _supported(kind: str, x: float, rows: pd.DataFrame, locale: str) -> bool:
    """Whether a headline's number appears in (or is computed from) the gold rows of the chart."""
    if kind in ("money", "percent"):
        columns = [c for c in ("value", "value_high", "value_original", "value_high_original") if c in rows]
        values = pd.concat([rows[c].dropna() for c in columns])  # as drawn, or as written where not converted
        fmt = (lambda v: numfmt.number(v, locale)) if kind == "money" else (lambda v: numfmt._digits(v, locale))
        return fmt(x) in {fmt(v) for v in values}
    for _, g in rows.groupby(compare.KEY):
        values = sorted(set(pd.concat([g["value"], g["value_high"].dropna()])))
        for a, b in permutations([v for v in values if v > 0], 2):
            k = a / b
            if kind == "ratio" and compare.at_least(k, locale) == compare.at_least(x, locale):
                return True
            if kind in ("fraction", "share") and k > 1 and compare.share(k, locale) == compare.share(
                    x if kind == "fraction" else 100 / x * 0.9999, locale):
                return True
    return False


@pytest.mark.parametrize("source", ["gold", "extracted"])
@pytest.mark.parametrize("locale", ["de", "en"])
@pytest.mark.parametrize("name", CHARTS)
def test_every_number_in_a_headline_is_supported_by_the_gold(tables, sources, name, locale, source):
    chart = questions.CHARTS[name](tables[source], locale, str(sources), Scope())
    plt.close(chart.figure)
    gold_rows, _ = prepare(tables["gold"], MEASURES.get(name, sorted(set(tables["gold"]["measure"]))), Scope(),
                           str(sources), money_only=None)
    numbers = _numbers(chart.meta.title, locale)
    if name != "06_source_check":
        assert numbers or "Artikel" in chart.meta.title or "article" in chart.meta.title, chart.meta.title
    for kind, x in numbers:
        assert _supported(kind, x, gold_rows, locale), f"{chart.meta.title!r}: {kind} {x} not in the gold"
    assert not math.isnan(sum(x for _, x in numbers))


#: what a describing headline and the source check's headline count, in each locale's words
COUNTS = {"de": {"describe": r"^(?P<what>.+) laut (?P<n>\d+|einem) Artikeln?$",
                 "topic": r"^(?P<n>\d+) Artikel, (?P<facts>\d+) Angaben zu (?P<what>.+):"},
          "en": {"describe": r"^(?P<what>.+) in (?P<n>\d+|one) articles?$",
                 "topic": r"^(?P<n>\d+) articles, (?P<facts>\d+) figures on (?P<what>.+):"}}


def _count(n: str) -> int:
    return 1 if n in ("einem", "one") else int(n)


def _described(what: str, data: pd.DataFrame, locale: str) -> pd.DataFrame:
    """The chart's rows of the measure a describing headline names ('Investitionen in KI' -> investment)."""
    for measure in sorted(set(data["measure"])):
        for key in (f"describe_{measure}", measure):
            if label(key, locale) == what:
                return data[data["measure"] == measure]
    names = {label(f"describe_{m}", locale) for m in set(data["measure"])}
    if what == label("price_per_million_tokens", locale):  # the token-price chart counts every kind of price
        return data[data["measure"].str.startswith("price_per_million_tokens")]
    raise AssertionError(f"the headline names {what!r}, no measure of the chart ({sorted(names)})")


def _topics(what: str, data: pd.DataFrame, locale: str) -> list[pd.DataFrame]:
    """The source check's topics a headline names ('Googles Investitionen', "Google's investment")."""
    out = []
    for key, g in data.groupby(questions.TOPIC):
        org, model, measure = key[:3]
        name = who(org + compare.SEP + model if model else org, locale)
        m = label(measure, locale)
        if what in (f"{name}s {m}", f"{name}' {m}", f"{name}'s {m.lower()}", f"{name}' {m.lower()}"):
            out.append(g)
    return out


@pytest.mark.parametrize("source", ["gold", "extracted"])
@pytest.mark.parametrize("locale", ["de", "en"])
@pytest.mark.parametrize("name", CHARTS)
def test_every_count_in_a_headline_is_the_chart_s_own(tables, sources, name, locale, source):
    chart = questions.CHARTS[name](tables[source], locale, str(sources), Scope())
    plt.close(chart.figure)
    title, data = chart.meta.title, chart.data
    described = re.match(COUNTS[locale]["describe"], title)
    topic = re.match(COUNTS[locale]["topic"], title)
    if described:
        rows = _described(described["what"], data, locale)
        assert _count(described["n"]) == rows["article"].nunique() > 0, title
    elif topic:
        found = [(g["article"].nunique(), len(facts(g))) for g in _topics(topic["what"], data, locale)]
        assert (_count(topic["n"]), int(topic["facts"])) in found, f"{title!r}: topics counted {found}"
    else:
        assert not re.search(r"\d+ (Artikel|Angaben|articles|figures)\b", title), title
    if name == "06_source_check":
        assert topic, title


def test_the_count_check_sees_a_count_of_other_measures(tables, sources):
    """Counting the articles of every measure drawn, not of the one named, is caught."""
    caught = []
    # the seeds and the first 31 dev articles: there 04 describes (the later batches add a pair it can compare)
    table = tables["extracted"][~tables["extracted"]["article"].str.startswith(("i", "j"))]
    for name in CHARTS:  # a describing headline over several measures
        chart = questions.CHARTS[name](table, "de", str(sources), Scope())
        plt.close(chart.figure)
        described = re.match(COUNTS["de"]["describe"], chart.meta.title)
        if described:
            rows = _described(described["what"], chart.data, "de")
            caught.append(chart.data["article"].nunique() != rows["article"].nunique())
    assert any(caught), caught
