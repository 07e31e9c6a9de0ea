"""The comparison rules behind the headlines (issue 13): the false headlines of the issue must not come back."""
from __future__ import annotations

import datetime as dt

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from newsnumbers.charts import compare, money, questions
from newsnumbers.charts.scope import Scope
from newsnumbers.engine.period import find


def _row(article, quote, value, measure, org, model="", unit="USD", qualifier="exact", period="", sentence="", per=""):
    return {"id": f"{article}{quote}", "article": article, "start": 0, "end": len(quote), "quote": quote,
            "sentence": sentence or quote, "value": float(value), "value_high": float("nan"), "unit": unit, "per": per,
            "period": period, "qualifier": qualifier, "measure": measure, "organisation": org, "model": model,
            "fact_id": "", "language": "de", "source": "rule"}


def _title(name: str, rows: list[dict], locale: str = "de", **scope) -> str:
    chart = questions.CHARTS[name](pd.DataFrame(rows), locale, None, Scope.of(**scope))
    plt.close(chart.figure)
    return chart.meta.title


@pytest.mark.parametrize("clause,language,period", [
    ("350 Millionen Euro pro Jahr", "de", "year"), ("jährlich 5 Milliarden", "de", "year"),
    ("bis 2029 rund 20 Milliarden", "de", "until:2029"), ("im Geschäftsjahr 2025 3 Mrd.", "de", "fiscal_year:2025"),
    ("im vierten Quartal 2 Mrd. Dollar", "de", "quarter"), ("über vier Jahre 500 Mrd.", "de", "multi_year:4"),
    ("$10 billion per year", "en", "year"), ("$3 billion annually", "en", "year"),
    ("$500 billion over four years", "en", "multi_year:4"), ("$72 billion in the quarter", "en", "quarter"),
    ("$1 trillion by 2030", "en", "until:2030"), ("$75 billion this year", "en", "year"),
    ("der größte Verlust seit 26 Jahren", "de", ""), ("the biggest drop in 26 years", "en", ""),
    ("the three-year old company", "en", ""), ("im April dieses Jahres 40 Mrd.", "de", ""),
])
def test_period_from_the_figures_clause(clause, language, period):
    assert find(clause, language) == period


def test_a_data_centre_budget_read_as_training_cost_is_not_compared():
    rows = [_row("a.txt", "6 Millionen Dollar", 6e6, "training_cost", "DeepSeek", "V3",
                 sentence="Das Training von V3 kostete 6 Millionen Dollar."),
            _row("b.txt", "80 Milliarden Dollar", 8e10, "training_cost", "Microsoft",
                 sentence="Microsoft gibt 80 Milliarden Dollar für Rechenzentren aus.")]
    assert _title("02_training_costs", rows) == "Trainingskosten von KI-Modellen laut 2 Artikeln"
    assert _title("02_training_costs", rows, "en") == "Training costs of AI models in 2 articles"
    rows.append(_row("b.txt", "78 Millionen Dollar", 7.8e7, "training_cost", "OpenAI", "GPT-4"))
    assert _title("02_training_costs", rows) == ("DeepSeek V3 trainierte für 6\u00a0Mio.\u00a0$ – höchstens ein "
                                                 "Dreizehntel der Kosten von OpenAI GPT-4 (78\u00a0Mio.\u00a0$)")
    assert "at most a thirteenth of the cost of OpenAI GPT-4" in _title("02_training_costs", rows, "en")


def test_token_prices_never_compare_with_a_place():
    rows = [_row("a.txt", "2,2 $", 2.2, "price_per_million_tokens", "DeepSeek", "R1", per="1M tokens"),
            _row("a.txt", "US$ 60", 60, "price_per_million_tokens", "USA", per="1M tokens"),
            _row("a.txt", "60 $", 60, "price_per_million_tokens", "OpenAI", "o1", per="1M tokens")]
    assert _title("03_token_prices", rows) == "OpenAI o1 kostet pro Million Token 27-mal so viel wie DeepSeek R1"
    assert _title("03_token_prices", [rows[0], rows[1]]).startswith("Preis pro Million Token laut")


def test_a_multi_year_pledge_is_not_set_against_one_year():
    rows = [_row("a.txt", "500 Mrd. $", 5e11, "investment", "Stargate", period="multi_year:4"),
            _row("b.txt", "5,5 Mrd. $", 5.5e9, "investment", "China", period="year")]
    assert _title("04_investments", rows) == "Investitionen in KI laut 2 Artikeln"
    unknown = [dict(r, period="") for r in rows]  # a flow whose period no clause states compares with none
    assert _title("04_investments", unknown) == "Investitionen in KI laut 2 Artikeln"
    alike = [dict(r, period="year") for r in rows]
    assert _title("04_investments", alike).startswith("Stargate: 500\u00a0Mrd.\u00a0$ – 90-mal so viel wie China")


def test_a_sum_of_several_companies_is_not_set_against_one_of_them():
    # seen in make figures on session 27's batches: "Google, Meta, Microsoft: ca. 78 Mrd. $ – 2,2-mal so viel wie
    # Microsoft": the three companies' capex holds Microsoft's own
    rows = [_row("a.txt", "78 Mrd. $", 7.8e10, "investment", "Google|Meta|Microsoft", period="quarter"),
            _row("a.txt", "34,9 Mrd. $", 3.49e10, "investment", "Microsoft", period="quarter")]
    assert _title("04_investments", rows) == "Investitionen in KI laut einem Artikel"
    rows.append(_row("b.txt", "10 Mrd. $", 1e10, "investment", "Oracle", period="quarter"))
    assert _title("04_investments", rows).startswith("Google, Meta, Microsoft: 78\u00a0Mrd.\u00a0$ – 7,8-mal so viel wie Oracle")


def test_euros_are_converted_before_any_ratio_and_never_divided_by_dollars():
    rows = [_row("a.txt", "500 Mrd. $", 5e11, "investment", "Stargate", period="year"),
            _row("b.txt", "600 Mio. €", 6e8, "investment", "Mistral", unit="EUR", period="year")]
    chart = questions.CHARTS["04_investments"](pd.DataFrame(rows), "de", None, Scope.of(rate_date="2025-01-27"))
    plt.close(chart.figure)
    r, day = money.rate("EUR", "USD", dt.date(2025, 1, 27))
    assert day == dt.date(2025, 1, 27) and 1.0 < r < 1.1
    assert f"{compare.at_least(5e11 / (6e8 * r), 'de')}-mal" in chart.meta.title and "833-mal" not in chart.meta.title
    assert "umgerechnet in US-Dollar zum EZB-Referenzkurs vom 27.1.2025" in chart.meta.notes
    mistral = chart.data[chart.data["unit_original"] == "EUR"].iloc[0]
    assert mistral["value_original"] == 6e8 and mistral["unit"] == "USD" and mistral["value"] == pytest.approx(6e8 * r)
    kept = questions.CHARTS["04_investments"](pd.DataFrame(rows), "de", None, Scope.of(convert=False))
    plt.close(kept.figure)
    assert kept.meta.title == "Investitionen in KI laut 2 Artikeln" and "US-Dollar" not in kept.meta.subtitle
    assert len(kept.figure.axes) == 2  # one panel per currency: no euros on a dollar axis


def test_weekend_dates_take_the_last_published_rate():
    assert money.rate("EUR", "USD", dt.date(2025, 1, 25))[1] == dt.date(2025, 1, 24)  # a Saturday


def test_a_range_never_spans_repeats_of_one_fact():
    rows = [_row("a.txt", "588 Milliarden Dollar", 5.88e11, "market_value_loss", "Nvidia"),
            _row("a.txt", "fast 600 Milliarden Dollar", 6e11, "market_value_loss", "Nvidia", qualifier="approx"),
            _row("a.txt", "17 %", 17, "share_price_drop", "Nvidia", unit="percent")]
    assert _title("05_market_reaction", rows) == "Nvidia verlor 588\u00a0Mrd.\u00a0$ an Börsenwert, die Aktie fiel um 17\u00a0%"
    rows.append(_row("b.txt", "589 Milliarden Dollar", 5.89e11, "market_value_loss", "Nvidia"))
    assert "588–589\u00a0Mrd." in _title("05_market_reaction", rows)
    same = pd.DataFrame([_row("a.txt", "6 Mio. $", 6e6, "training_cost", "DeepSeek")] * 2).assign(fact_id="f1")
    assert len(compare.facts(same)) == 1


def test_a_headline_states_one_figure_not_a_span_over_different_ones():
    """'Nvidia verlor 279 Mrd. $ bis 4 Bio. $': a September loss, the DeepSeek Monday and a market value misread as
    a loss are three figures; the headline states the one most articles report, the chart shows all."""
    rows = [_row("a.txt", "279 Milliarden Dollar", 2.79e11, "market_value_loss", "Nvidia"),
            _row("b.txt", "589 Milliarden Dollar", 5.89e11, "market_value_loss", "Nvidia"),
            _row("c.txt", "588 Milliarden Dollar", 5.88e11, "market_value_loss", "Nvidia"),
            _row("d.txt", "4 Billionen Dollar", 4e12, "market_value_loss", "Nvidia")]
    assert _title("05_market_reaction", rows) == "Nvidia verlor 588–589\u00a0Mrd.\u00a0$ an Börsenwert"
    assert len(questions.CHARTS["05_market_reaction"](pd.DataFrame(rows), "de", None).data) == 4
    train = [_row("a.txt", "5,6 Mio. $", 5.6e6, "training_cost", "DeepSeek", "V3"),
             _row("b.txt", "6 Mio. $", 6e6, "training_cost", "DeepSeek", "V3"),
             _row("c.txt", "294.000 $", 2.94e5, "training_cost", "DeepSeek", "R1"),
             _row("c.txt", "78 Mio. $", 7.8e7, "training_cost", "OpenAI", "GPT-4")]
    assert _title("02_training_costs", train, "en").startswith("DeepSeek V3 trained for $5.6M–$6M, at most a thirteenth")


def _dated(folder, dates: dict[str, str]):
    """A sources.csv in ``folder`` dating each article (outlet = its name without .txt)."""
    lines = ["article,title,outlet,date,url,language"] + [f"{a},,{a[:-4]},{d},,de" for a, d in dates.items()]
    (folder / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_the_source_check_leads_with_the_most_reported_topic_and_leaves_a_figure_far_apart_to_the_notes(tmp_path):
    """The widest spread was a misread (a share price of 162,9 $ read as Nvidia's market value)."""
    rows = [_row(a, q, v, "market_cap", "Nvidia") for a, q, v in
            (("a.txt", "2,9 Billionen", 2.9e12), ("b.txt", "3,5 Billionen", 3.5e12), ("c.txt", "162,9 $", 162.9),
             ("c.txt", "4 Billionen", 4e12))]
    rows += [_row("a.txt", "1 Mrd. $", 1e9, "investment", "Stargate"), _row("b.txt", "500 Mrd. $", 5e11, "investment", "Stargate")]
    seeds = _dated(tmp_path, {"a.txt": "2025-01", "b.txt": "2025-01-07", "c.txt": "2025-01-30"})
    chart = questions.CHARTS["06_source_check"](pd.DataFrame(rows), "de", seeds)
    plt.close(chart.figure)
    assert chart.meta.title == ("3 Artikel, 3 Angaben zu Nvidias Börsenwert im Jan. 2025: "
                                "von 2,9\u00a0Bio.\u00a0$ bis 4\u00a0Bio.\u00a0$")
    assert "Eine Angabe zum Thema der Überschrift nennt einen anderen Wert" in chart.meta.notes
    assert len(chart.data) == 6  # every figure drawn


@pytest.mark.parametrize("k,de,en", [(13.0, "ein Dreizehntel", "a thirteenth of"), (2.02, "die Hälfte", "half of"),
                                     (60 / 2.2, "4 Prozent", "4% of"), (13.9, "8 Prozent", "8% of")])
def test_shares_in_good_style(k, de, en):
    assert compare.share(k, "de") == de and compare.share(k, "en") == en


def test_a_describing_headline_counts_the_articles_of_the_measure_it_names():
    """'Kursverlust laut 2 Artikeln' once counted the articles of every measure drawn (3 here)."""
    rows = [_row("a.txt", "17 %", 17, "share_price_drop", "Nvidia", unit="percent"),
            _row("b.txt", "3 %", 3, "share_price_drop", "Nvidia", unit="percent"),
            _row("c.txt", "5 %", 5, "share_price_gain", "Oracle", unit="percent")]
    assert _title("05_market_reaction", rows) == "Kursverlust laut 2 Artikeln"
    spending = [_row("a.txt", "1 Mrd. $", 1e9, "model_spending", "OpenAI"),
                _row("b.txt", "2 Mrd. $", 2e9, "infrastructure_cost", "Meta")]
    assert _title("02_training_costs", spending, "en") == "Spending on AI models in one article"


def test_the_source_check_counts_a_fact_said_twice_once():
    """'2 Artikel, 3 Angaben' counted a headline and the body sentence repeating it as two figures."""
    rows = [_row("a.txt", "6 Mio. $", 6e6, "training_cost", "DeepSeek"),
            _row("a.txt", "sechs Mio. $", 6e6, "training_cost", "DeepSeek"),
            _row("b.txt", "5,6 Mio. $", 5.6e6, "training_cost", "DeepSeek")]
    rows[0]["fact_id"] = rows[1]["fact_id"] = "f1"
    rows[2]["fact_id"] = "f2"
    assert _title("06_source_check", rows).startswith("2 Artikel, 2 Angaben zu DeepSeeks Trainingskosten")


def test_a_month_only_date_converts_at_the_first_of_the_month_and_the_notes_name_the_day(tmp_path):
    """'2025-01' in sources.csv: the rate of 1 January 2025, a holiday, so of 31 December 2024 — and the notes say so."""
    (tmp_path / "sources.csv").write_text("article,title,outlet,date,url,language\na.txt,,A,2025-01,,de\n"
                                          "b.txt,,B,2025-01-27,,de\n", encoding="utf-8")
    rows = [_row("a.txt", "600 Mio. €", 6e8, "investment", "Mistral", unit="EUR"),
            _row("b.txt", "500 Mio. €", 5e8, "investment", "Aleph Alpha", unit="EUR")]
    for locale, words in (("de", ("vom Datum des jeweiligen Artikels (31.12.2024, 27.1.2025)",
                                  "Artikel nur mit Monat datiert: Kurs vom Ersten des Monats")),
                          ("en", ("of each article's date (31 Dec 2024, 27 Jan 2025)",
                                  "articles dated by month only: the rate of the 1st of the month"))):
        chart = questions.CHARTS["04_investments"](pd.DataFrame(rows), locale, tmp_path)
        plt.close(chart.figure)
        assert all(w in chart.meta.notes for w in words), chart.meta.notes
        by_article = dict(zip(chart.data["article"], chart.data["rate_date"]))
        assert by_article == {"a.txt": "2024-12-31", "b.txt": "2025-01-27"}
    one = questions.CHARTS["04_investments"](pd.DataFrame(rows[1:]), "de", tmp_path)
    plt.close(one.figure)
    assert "EZB-Referenzkurs vom 27.1.2025." in one.meta.notes and "Monat" not in one.meta.notes


@pytest.mark.parametrize("name,de,en", [("Schweiz", "Schweiz'", "Schweiz's"), ("Cerebras", "Cerebras'", "Cerebras'"),
                                        ("Max", "Max'", "Max's"), ("Nvidia", "Nvidias", "Nvidia's"),
                                        ("DeepSeek R1", "DeepSeek R1s", "DeepSeek R1's"), ("Fritz", "Fritz'", "Fritz's"),
                                        ("Strauß", "Strauß'", "Strauß's"), ("Alliance", "Alliance'", "Alliance's")])
def test_a_name_s_genitive_as_the_locale_writes_it(name, de, en):
    from newsnumbers.charts.style import genitive

    assert genitive(name, "de") == de and genitive(name, "en") == en


def test_the_source_check_writes_a_name_ending_in_z_with_an_apostrophe(tmp_path):
    """'13 Angaben zu Schweizs Finanzierung' (dev batch p): Duden writes "Schweiz'". Funding is a fact of its
    month (dated.csv), so the articles are dated alike."""
    rows = [_row("a.txt", "1,47 Mrd. CHF", 1.47e9, "funding", "Switzerland", unit="CHF"),
            _row("b.txt", "1,5 Mrd. CHF", 1.5e9, "funding", "Switzerland", unit="CHF")]
    folder = _dated(tmp_path, {"a.txt": "2025-07-10", "b.txt": "2025-07-22"})
    for locale, start in (("de", "2 Artikel, 2 Angaben zu Schweiz' Finanzierung"),
                          ("en", "2 articles, 2 figures on Switzerland's funding")):
        chart = questions.CHARTS["06_source_check"](pd.DataFrame(rows), locale, folder)
        plt.close(chart.figure)
        assert chart.meta.title.startswith(start), chart.meta.title


def test_the_source_check_states_one_fact_not_a_total_beside_its_subtotals(tmp_path):
    """Dev batch p: Switzerland's half-year total beside the year before and a sector's subtotal, all filed under
    Switzerland, made one range. Only figures that claim the same fact (within rounding) make the headline."""
    rows = [_row("a.txt", "1,47 Mrd. CHF", 1.47e9, "funding", "Switzerland", unit="CHF"),
            _row("b.txt", "1.473,7 Mio. CHF", 1.4737e9, "funding", "Switzerland", unit="CHF"),
            _row("b.txt", "1.082,4 Mio. CHF", 1.0824e9, "funding", "Switzerland", unit="CHF"),
            _row("b.txt", "705 Mio. CHF", 7.05e8, "funding", "Switzerland", unit="CHF"),
            _row("c.txt", "1,5 Mrd. CHF", 1.5e9, "funding", "Switzerland", unit="CHF")]
    folder = _dated(tmp_path, {"a.txt": "2025-07-10", "b.txt": "2025-07-15", "c.txt": "2025-07-22"})
    chart = questions.CHARTS["06_source_check"](pd.DataFrame(rows), "de", folder)
    plt.close(chart.figure)
    assert chart.meta.title.startswith("3 Artikel, 3 Angaben zu Schweiz' Finanzierung")
    assert chart.meta.title.endswith(": von 1,47\u00a0Mrd.\u00a0CHF bis 1,5\u00a0Mrd.\u00a0CHF"), chart.meta.title
    assert "2 Angaben zum Thema der Überschrift nennen andere Werte" in chart.meta.notes
    assert len(chart.data) == 5  # every figure drawn


def test_figures_that_differ_by_rounding_or_a_bound_are_one_fact():
    from newsnumbers.charts.agreement import digits, same_facts

    assert [digits(v) for v in (1.4737e9, 1.47e9, 5e11, 17, 3.3)] == [5, 3, 1, 2, 2]
    rows = pd.DataFrame([_row("a", "5,6 Mio.", 5.6e6, "training_cost", "DeepSeek"),
                         _row("b", "sechs Mio.", 6e6, "training_cost", "DeepSeek", qualifier="approx"),
                         _row("c", "588 Mrd.", 5.88e11, "training_cost", "DeepSeek"),
                         _row("d", "589 Mrd.", 5.89e11, "training_cost", "DeepSeek"),
                         _row("e", "mehr als 100 Mio.", 1e8, "training_cost", "DeepSeek", qualifier="lower_bound"),
                         _row("f", "78 Mio.", 7.8e7, "training_cost", "DeepSeek")])
    assert [sorted(rows.loc[g, "article"]) for g in same_facts(rows)] == [["a", "b"], ["e", "f"], ["c", "d"]]


def test_the_source_check_quotes_in_the_locale_s_quotation_marks():
    """English charts kept German quotation marks („…“) around the articles' words."""
    rows = [_row("a.txt", "6 Mio. $", 6e6, "training_cost", "DeepSeek"),
            _row("b.txt", "5,6 Mio. $", 5.6e6, "training_cost", "DeepSeek")]
    for locale, (left, right), other in (("de", "„“", "“”"), ("en", "“”", "„")):
        chart = questions.CHARTS["06_source_check"](pd.DataFrame(rows), locale, None)
        plt.close(chart.figure)
        labels = chart.data["label"].tolist()
        assert all(f" · {left}" in lab and lab.endswith(right) for lab in labels), labels
        if locale == "en":
            assert not any(other in lab for lab in labels), labels


def test_funding_rounds_of_different_months_are_two_facts_not_a_disagreement(tmp_path):
    """Review of the test half: xAI's Series B (May 2024) and Series C (December 2024) were set side by side as
    sources that disagree. A round is a fact of its month (dated.csv)."""
    from newsnumbers.charts.common import NoData

    rows = [_row("a.txt", "6 Mrd. $", 6e9, "funding", "xAI"), _row("b.txt", "6 Mrd. $", 6e9, "funding", "xAI"),
            _row("b.txt", "4 Mrd. $", 4e9, "funding", "xAI")]
    folder = _dated(tmp_path, {"a.txt": "2024-05-27", "b.txt": "2024-12-23"})
    with pytest.raises(NoData):
        questions.CHARTS["06_source_check"](pd.DataFrame(rows), "de", folder)


def test_the_highest_market_value_is_one_companys_reached_value_in_one_currency():
    """Chart 05 without a loss names the highest market value reported: never an index, a sector, a country or two
    companies' joint value, never a 'bis zu' forecast, never a larger number in another currency (review 15)."""
    rows = [_row("a", "3,8 Bio. $", 3.8e12, "market_cap", "Nvidia"),
            _row("a", "3,5 Bio. $", 3.5e12, "market_cap", "Apple"),
            _row("b", "12 Bio. $", 12e12, "market_cap", "Nasdaq"),
            _row("b", "20 Bio. $", 20e12, "market_cap", "AI industry"),
            _row("b", "30 Bio. $", 30e12, "market_cap", "USA"),
            _row("c", "7,2 Bio. $", 7.2e12, "market_cap", "Nvidia|Microsoft"),
            _row("c", "10 Bio. $", 10e12, "market_cap", "Microsoft", qualifier="upper_bound"),
            _row("d", "4,5 Bio. HKD", 4.5e12, "market_cap", "Tencent", unit="HKD")]
    assert _title("05_market_reaction", rows) == "Nvidia: höchster genannter Börsenwert, 3,8\u00a0Bio.\u00a0$"


def test_a_loss_of_several_companies_together_is_said_in_the_plural():
    """'AMD, Nvidia, Samsung … verlor mind. 500 Mrd. $' read as one company's loss: a sum several companies lost
    together takes the plural and says "zusammen", in both languages."""
    rows = [_row("a1", "über 500 Milliarden US-Dollar", 500e9, "market_value_loss", "AMD|Nvidia|Samsung", qualifier="lower_bound")]
    de, en = _title("05_market_reaction", rows), _title("05_market_reaction", rows, "en")
    assert "verloren zusammen" in de and "verlor " not in de
    assert "together lost" in en


@pytest.mark.parametrize("low,de,en", [
    (80e9, "Microsoft: 84\u00a0Mrd.\u00a0$ – 5 Prozent mehr als Google (80\u00a0Mrd.\u00a0$)",
     "Microsoft: $84B, 5% more than Google ($80B)"),
    (83.9e9, "Microsoft: 84\u00a0Mrd.\u00a0$ – mindestens so viel wie Google (83,9\u00a0Mrd.\u00a0$)",
     "Microsoft: $84B, at least as much as Google ($83.9B)"),
])
def test_two_close_amounts_are_compared_by_how_much_more_not_as_one_times(low, de, en):
    """A ratio under 1.1 rounded down read "1-mal so viel wie": the headline says the percent more instead, rounded
    down, and "at least as much as" under one per cent."""
    rows = [_row("a.txt", "84 Mrd. $", 84e9, "investment", "Microsoft", period="year"),
            _row("b.txt", "x", low, "investment", "Google", period="year")]
    assert _title("04_investments", rows) == de
    assert _title("04_investments", rows, locale="en") == en
