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
import functools
import re
from pathlib import Path

import headline_claims
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from conftest import DATA, SEEDS
from test_layout import seeds_and_dev

from newsnumbers import extract_paths
from newsnumbers.charts import agreement, compare, numfmt, provenance, questions
from newsnumbers.charts.agreement import in_range
from newsnumbers.charts.layout import facts
from newsnumbers.charts.provenance import date_text
from newsnumbers.charts.scope import Scope
from newsnumbers.charts.selection import prepare, who
from newsnumbers.charts.style import genitive, label, text
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


def _gold(required: tuple[str, ...] = ("yes",)) -> pd.DataFrame:
    """The gold rows of the seeds and the dev corpus, with the sentence and period the charts read.

    ``required``: 'yes' for what an extractor must find; 'optional' rows are right too (vague or unusual figures an
    extractor may miss), so they support a headline's number."""
    dev = set(_dev())
    seeds = pd.read_csv(DATA / "seeds.gold.csv", keep_default_na=False)
    corpus = pd.read_csv(CORPUS / "gold.csv", keep_default_na=False)
    gold = pd.concat([seeds, corpus[corpus["article"].isin(dev)]], ignore_index=True)
    gold = gold[gold["required"].isin(required)].copy()
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
def sources(tmp_path_factory) -> Path:
    """The seeds and the dev corpus in one folder, as a user passes it (``make figures SEEDS=...``): its
    sources.csv dates the articles, so amounts convert at their day's rate."""
    return seeds_and_dev(tmp_path_factory.mktemp("combined") / "articles")


@pytest.fixture(scope="module")
def tables(sources):
    """The gold, and the table the extractor makes of the combined folder."""
    extracted, _ = extract_paths([sources])
    return {"gold": _gold(), "extracted": extracted}


def _num(s: str, locale: str) -> float:
    """'1.234,5' (de) / '1,234.5' (en) -> 1234.5."""
    return float(s.replace(",", "") if locale == "en" else s.replace(".", "").replace(",", "."))


def _numbers(title: str, locale: str) -> list[tuple[str, float]]:
    """(kind, value) of every number in a headline: money, ratio, share (1/n or percent of), percent."""
    out: list[tuple[str, float]] = []
    words = {row[locale]: n for n, row in compare._fractions().items()}
    for word, n in words.items():
        if word in title:
            out.append(("fraction", n))
            title = title.replace(word, " ")
    number = r"\d[\d.,]*" if locale == "en" else r"\d[\d.]*(?:,\d+)?"
    num = functools.partial(_num, locale=locale)
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
    """Whether a headline's amount is one of the rows' figures, as drawn or as written where not converted."""
    if kind not in ("money", "percent") or rows.empty:
        return False
    columns = [c for c in ("value", "value_high", "value_original", "value_high_original") if c in rows]
    values = pd.concat([rows[c].dropna() for c in columns])
    fmt = (lambda v: numfmt.number(v, locale)) if kind == "money" else (lambda v: numfmt._digits(v, locale))
    return fmt(x) in {fmt(v) for v in values}


def _between(kind: str, x: float, larger: pd.DataFrame, smaller: pd.DataFrame, locale: str) -> bool:
    """Whether a ratio or share is computed from one gold figure of each side (the larger first), alike in KEY."""
    for _, r in larger.iterrows():
        alike = smaller[(smaller[compare.KEY] == r[compare.KEY]).all(axis=1)]
        for a in (v for v in (r["value"], r["value_high"]) if pd.notna(v) and v > 0):
            for b in (v for v in set(pd.concat([alike["value"], alike["value_high"].dropna()])) if v > 0):
                if kind == "ratio" and compare.at_least(a / b, locale) == compare.at_least(x, locale):
                    return True
                if kind == "margin" and compare.more_than(a / b, locale) == x:  # the words: "5 Prozent mehr als"
                    return True
                if kind in ("fraction", "share") and a > b and compare.share(a / b, locale) == compare.share(
                        x if kind == "fraction" else 100 / x * 0.9999, locale):
                    return True
    return False


def unsupported(title: str, gold_rows: pd.DataFrame, locale: str) -> list[str]:
    """What in a headline the gold does not support: each number must be a gold figure (or computed from gold
    figures) of the measure the headline's words state, about the organisation or model it names."""
    read = headline_claims.read(title, locale)
    if read is None:
        return [] if headline_claims.describes(title, locale) else [f"no template reads {title!r}"]
    problems = []
    for claim, fields in ((c, read[1]) for c in read[0]):
        rows = headline_claims.measure_rows(gold_rows, claim, fields, locale)
        sides = [headline_claims.about(rows, fields[s], locale, s.endswith("_genitive")) for s in claim.subjects]
        what = f"{claim.field} {fields[claim.field]!r} ({claim.measure} of {[fields[s] for s in claim.subjects]})"
        if claim.kind == "amount":
            numbers = _numbers(fields[claim.field], locale)
            ok = bool(numbers) and all(_supported(k, x, sides[0], locale) for k, x in numbers)
        elif claim.kind == "ratio":
            ok = _between("ratio", _num(fields[claim.field], locale), *sides, locale)
        elif claim.kind == "margin":
            ok = _between("margin", fields[claim.field], *sides, locale)
        else:
            numbers = _numbers(fields[claim.field], locale)
            ok = bool(numbers) and all(_between(k, x, *sides, locale) for k, x in numbers)
        if not ok:
            problems.append(what)
    return problems


@pytest.fixture(scope="module")
def gold_rows(tables, sources):
    """The gold rows (required or optional) of every measure, converted as the charts convert them."""
    gold = _gold(("yes", "optional"))
    return prepare(gold, sorted(set(gold["measure"])), Scope(), str(sources), money_only=None)[0]


@pytest.mark.parametrize("source", ["gold", "extracted"])
@pytest.mark.parametrize("locale", ["de", "en"])
@pytest.mark.parametrize("name", CHARTS)
def test_every_number_in_a_headline_is_supported_by_the_gold(tables, sources, gold_rows, name, locale, source):
    chart = questions.CHARTS[name](tables[source], locale, str(sources), Scope())
    plt.close(chart.figure)
    title = chart.meta.title
    if name != "06_source_check":
        assert _numbers(title, locale) or "Artikel" in title or "article" in title, title
    problems = unsupported(title, gold_rows, locale)
    assert not problems, f"{title!r}: not in the gold: {problems}"


@pytest.mark.parametrize("title,locale", [
    ("Nvidia verlor 279\u00a0Mrd.\u00a0$ bis 4\u00a0Bio.\u00a0$ an Börsenwert", "de"),  # a value reached is no loss
    ("Nvidia lost $279B–$4T in market value", "en"),
    ("ASML verlor 589\u00a0Mrd.\u00a0$ an Börsenwert", "de"),  # Nvidia's loss, not ASML's
    ("DeepSeek trained for $5.6M, at most a thirteenth of the cost of Google Gemini Ultra (≥ $78M)", "en"),
    ("Nvidia verlor 279\u00a0Mrd.\u00a0$ an Börsenwert, die Aktie fiel um 2,8\u00a0%", "de"),  # a gain
    ("Tencent: $11B, 3 times Alibaba ($3.6B)", "en"),  # Microsoft's 3.6B
])
def test_a_number_of_another_claim_is_caught(gold_rows, title, locale):
    """Numbers that are in the gold, but as another measure or of another organisation, are not support."""
    assert unsupported(title, gold_rows, locale)


def test_the_gold_s_own_claims_pass(gold_rows):
    """The check accepts what the gold states: it can pass, so a failure above means something."""
    assert not unsupported("Nvidia verlor 279–589\u00a0Mrd.\u00a0$ an Börsenwert, die Aktie fiel um 17\u00a0%",
                           gold_rows, "de")
    assert not unsupported("DeepSeek trained for $5.6M–$6M, at most a thirteenth of the cost of OpenAI GPT-4 (≥ $78M)",
                           gold_rows, "en")


#: what a describing headline and the source check's headline count, in each locale's words
COUNTS = {"de": {"describe": r"^(?P<what>.+) laut (?P<n>\d+|einem) Artikeln?$",
                 "topic": r"^(?P<n>\d+) Artikel, (?P<facts>\d+) Angaben? zu (?P<what>.+):"},
          "en": {"describe": r"^(?P<what>.+) in (?P<n>\d+|one) articles?$",
                 "topic": r"^(?P<n>\d+) articles?, (?P<facts>\d+) figures? on (?P<what>.+):"}}


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
    for key, g in data.groupby(agreement.TOPIC):
        org, model, measure, month = key[0], key[1], key[2], key[-1]
        name = who(org + compare.SEP + model if model else org, locale)
        m = label(measure, locale)
        when = text("title_source_check_when", locale, month=date_text(month, locale)) if month else ""
        if what in (f"{genitive(name, locale)} {m}{when}", f"{genitive(name, locale)} {m.lower()}{when}"):
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
        # the headline counts the topic's facts its range covers; the notes count those further apart
        found = {(in_range(g)["article"].nunique(), len(in_range(g))): len(facts(g)) - len(in_range(g))
                 for g in _topics(topic["what"], data, locale)}
        apart = found.get((_count(topic["n"]), int(topic["facts"])))
        assert apart is not None, f"{title!r}: topics counted {found}"
        if apart:
            assert text("note_apart_one" if apart == 1 else "note_apart", locale, n=apart) in chart.meta.notes
        else:
            assert label("note_apart", locale).split("} ", 1)[1] not in chart.meta.notes
            assert label("note_apart_one", locale) not in chart.meta.notes
    else:
        assert not re.search(r"\d+ (Artikel|Angaben|articles|figures)\b", title), title
    if name == "06_source_check":
        assert topic, title


def test_the_count_check_sees_a_count_of_other_measures(tables, sources):
    """Counting the articles of every measure drawn, not of the one named, is caught.

    Every chart is made to describe (``compare`` names no one in the table, so no comparison is left), whatever
    the articles are called; the charts that draw several measures must then count differently."""
    caught = []
    nobody = Scope.of(compare="no such organisation")
    for name in CHARTS:  # a describing headline over several measures
        chart = questions.CHARTS[name](tables["extracted"], "de", str(sources), nobody)
        plt.close(chart.figure)
        described = re.match(COUNTS["de"]["describe"], chart.meta.title)
        if described:
            rows = _described(described["what"], chart.data, "de")
            caught.append(chart.data["article"].nunique() != rows["article"].nunique())
    assert any(caught), caught


@pytest.mark.parametrize("locale", ["de", "en"])
def test_the_source_check_draws_the_most_reported_topics_and_says_how_many_it_leaves_out(tables, sources, locale):
    """On 99 articles the source check had a panel per topic (15,700 px tall): no publication graphic. It draws the
    most reported topics, and its notes count the rest, so nobody reads the picture as the whole story."""
    df = tables["extracted"]
    chart = questions.CHARTS["06_source_check"](df, locale, str(sources), Scope())
    plt.close(chart.figure)
    drawn = chart.data.groupby(agreement.TOPIC, dropna=False).ngroups
    dated = provenance.attach(questions.in_dates(df, Scope(), str(sources))[0], sources, None, locale)
    everything = agreement.by_prominence(agreement.disagreements(dated))
    assert len(everything) > questions.MAX_SOURCE_PANELS  # the corpus is broad enough for the cap to matter
    assert drawn == questions.MAX_SOURCE_PANELS
    assert str(len(everything) - drawn) in chart.meta.notes
