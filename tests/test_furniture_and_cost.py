"""Page furniture skips only itself, and every figure it holds is reported; cost grows with the text, not its square.

Each test failed before its fix (an audit found the cases). No test here
times anything: the cost checks count work (profiler call events, calls of a
membership test), which does not drift with the machine's load.
"""
import sys

import pytest

from newsnumbers import extract, extract_paths, iter_figures
from newsnumbers.engine.pipeline import _imply_currencies
from newsnumbers.engine.recognise import Figure
from newsnumbers.engine.segment import MAX_SENTENCE_CHARS, SENTENCE_COLUMN_MAX, Segmenter

ARTICLE = ("Nvidia verlor am Montag fast 600 Milliarden Dollar an Börsenwert.\n\n"
           "Mehr zum Thema\n\n"
           "OpenAI sammelt 40 Milliarden Dollar ein\n\n"
           "Die Aktie fiel um 17 Prozent, wie Händler in New York berichteten.\n\n"
           "Meta will in diesem Jahr 65 Milliarden Dollar investieren.")


def _quotes(text: str) -> list[str]:
    return extract(text)["quote"].tolist()


# -- furniture -------------------------------------------------------------------------
def test_a_news_paragraph_that_mentions_datenschutz_keeps_its_figures():
    text = "DeepSeek kostete 5,6 Millionen Dollar. Italiens Behörde prüft den Datenschutz. Nvidia verlor 600 Milliarden Dollar."
    assert _quotes(text) == ["5,6 Millionen Dollar", "600 Milliarden Dollar"]


def test_news_about_cookies_and_newsletters_is_no_furniture():
    text = ("Die Behörde für Datenschutz verhängte eine Strafe von 15 Millionen Euro.\n"
            "Der Newsletter-Anbieter Substack sammelte 65 Millionen Dollar ein.\n"
            "Google verschiebt das Aus für Cookies; der Werbemarkt ist 600 Milliarden Dollar schwer.")
    assert _quotes(text) == ["15 Millionen Euro", "65 Millionen Dollar", "600 Milliarden Dollar"]


def test_a_link_heading_in_mid_article_skips_its_link_not_the_rest():
    assert _quotes(ARTICLE) == ["fast 600 Milliarden Dollar", "17 Prozent", "65 Milliarden Dollar"]


def test_a_trailing_read_more_list_is_still_skipped():
    text = ("Nvidia lost nearly $600 billion in market value on Monday, the largest one-day loss in history.\n\n"
            "Read more:\n"
            "OpenAI raises $40 billion at a $300 billion valuation\n"
            "Meta to spend $65 billion on AI this year\n"
            "How DeepSeek trained R1 for $5.6 million\n")
    assert _quotes(text) == ["nearly $600 billion"]


def test_a_teaser_under_a_link_title_is_part_of_the_list():
    text = ("Meta will 65 Milliarden Dollar investieren.\n\nDas könnte Sie auch interessieren:\n\n"
            "Finmid will den Bankkredit umkrempeln\nDas Berliner Fintech sammelte 35 Millionen Euro ein.")
    assert _quotes(text) == ["65 Milliarden Dollar"]


def test_consent_and_newsletter_boxes_are_still_furniture():
    text = ("Nvidia verlor 600 Milliarden Dollar.\n\n"
            "Jetzt den Newsletter abonnieren und 3 Monate für 1 Euro lesen\n\n"
            "Wir verwenden Cookies. Alle akzeptieren oder werbefrei für 2,99 Euro im Monat lesen.\n\n"
            "Die Aktie fiel um 17 Prozent.")
    assert _quotes(text) == ["600 Milliarden Dollar", "17 Prozent"]


def test_figures_skipped_as_furniture_are_reported_per_article(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE + "\n\nLesen Sie auch\nMicrosoft steckt 80 Milliarden Dollar in KI\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Die Aktie fiel um 17 Prozent.", encoding="utf-8")
    figures, rejected = extract_paths([tmp_path])
    assert set(figures["article"]) == {"a.txt", "b.txt"}
    assert rejected[["article", "line"]].values.tolist() == [["a.txt", 5]]
    assert rejected["reason"].iloc[0] == (
        "warning: article read; 2 figures skipped as page furniture (cookie, newsletter or comment lines, "
        'link lists): "40 Milliarden Dollar" (line 5), "80 Milliarden Dollar" (line 12)')


def test_skipped_figures_reach_the_caller():
    skipped: list[tuple[int, str]] = []
    rows = list(iter_figures(ARTICLE, skipped=skipped))
    assert [r["quote"] for r in rows if r["quote"] == "40 Milliarden Dollar"] == []
    assert skipped == [(ARTICLE.index("40 Milliarden"), "40 Milliarden Dollar")]


# -- cost --------------------------------------------------------------------------------
def _one_long_line(chars: int) -> str:
    unit = "DeepSeek kostete 5,6 Millionen Dollar und Nvidia verlor 600 Milliarden Dollar an Börsenwert, "
    return (unit * (chars // len(unit) + 1))[:chars]


def test_the_sentence_column_is_capped_on_a_line_without_sentence_ends():
    text = _one_long_line(60_000)
    table = extract(text)
    assert len(table) > 1000
    assert table["sentence"].str.len().max() <= SENTENCE_COLUMN_MAX + 2
    for row in table.itertuples():
        assert text[row.start:row.end] == row.quote
        assert row.quote in row.sentence
        assert row.sentence.startswith("…") or row.sentence.endswith("…")


def test_a_long_run_without_sentence_ends_is_cut_into_short_pieces():
    text = _one_long_line(50_000)
    seg = Segmenter.of(text)
    spans = [seg.sentence_span(i) for i in range(len(seg.starts) - 1)]
    assert max(b - a for a, b in spans) <= MAX_SENTENCE_CHARS
    assert all(text[seg.starts[i] - 2:seg.starts[i]] == ", " for i in range(1, len(seg.starts) - 1))  # cut at commas
    normal = "Nvidia verlor 600 Milliarden Dollar. Die Aktie fiel um 17 Prozent."
    assert Segmenter.of(normal).cuts == frozenset()


def _calls(text: str, cap: int) -> int:
    """Python call events (generator steps included) while extracting ``text``; raises past ``cap`` so square work fails fast."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event == "call":
            count += 1
            if count > cap:
                raise RuntimeError(f"more than {cap} calls")
    list(iter_figures("Nvidia verlor 5 Milliarden Dollar."))  # load the lexicon first
    sys.setprofile(profile)
    try:
        list(iter_figures(text, "de"))
    finally:
        sys.setprofile(None)
    return count


def test_twenty_thousand_links_cost_ten_times_two_thousand():
    """Each figure was checked against every link of the article: 20,000 links cost 100 times 2,000."""
    links = lambda n: "\n".join(f"https://example.com/deal/{i}/$5" for i in range(n))  # noqa: E731
    small = _calls(links(2_000), cap=10**7)
    assert _calls(links(20_000), cap=15 * small) > 5 * small


class _CountingPer(str):
    """A rate text that counts how often it is asked whether it holds "tokens"."""

    asked = 0

    def __contains__(self, item: object) -> bool:
        _CountingPer.asked += 1
        return super().__contains__(item)


# A scaled number after a money figure of its sentence takes that figure's currency, unless it counts the things named
# right after it (shares, users; in German any noun). (text, quote of the scaled number, its unit or None for no figure)
IMPLIED_CURRENCY = [
    ("Washington injected $8.9 billion into the capital, purchasing 433.3 million INTC stocks.", "433.3 million", None),
    ("The IPO raised $1.2 billion and sold 37 million shares at the bottom of the range.", "37 million", None),
    ("It paid $2 billion for an app with 300 million monthly users.", "300 million", None),
    ("Bei einem Kurs von 164,42 Dollar ergibt das bei 24,44 Milliarden Aktien im Umlauf einen Börsenwert.", "24,44 Milliarden", None),
    ("Die App kostete 2 Milliarden Euro und hat 300 Millionen Nutzer.", "300 Millionen", None),
    ("Spending reached $3.2 billion last year, with 2.38 billion forecast for this year.", "2.38 billion", "USD"),
    ("Der Umsatz stieg um 592,7 Milliarden Dollar auf 2,9 Billionen.", "2,9 Billionen", "USD"),
    ("OpenAI will 40 Milliarden Dollar beisteuern, SoftBank bis zu 30 Milliarden und Nvidia 20 Milliarden.", "30 Milliarden", "USD"),
]


@pytest.mark.parametrize("text,quote,unit", IMPLIED_CURRENCY)
def test_a_scaled_number_takes_its_sentences_currency_unless_it_counts_things(text: str, quote: str, unit: str | None):
    rows = extract(text)
    hit = rows[rows["quote"].str.contains(quote, regex=False)]
    if unit is None:
        assert hit.empty, f"{quote!r} read as money: {hit[['quote', 'unit']].values.tolist()}"
    else:
        assert hit["unit"].tolist() == [unit]


def test_currency_carry_over_looks_at_each_figure_once():
    """It looked through all earlier figures of the sentence for each figure: square in the figures of a sentence."""
    n = 3_000
    figures = [Figure(10 * i, 10 * i + 5, 1.0 + i, None, "USD", _CountingPer(""), "exact", "money") for i in range(n)]
    figures.append(Figure(10 * n, 10 * n + 5, 2.0, None, "", "", "exact", "scaled"))
    kept = _imply_currencies(figures, Segmenter("x" * (10 * n + 10), [0, 10 * n + 10]), "x" * (10 * n + 10), "en")
    assert kept[-1].unit == "USD" and len(kept) == n + 1
    assert _CountingPer.asked <= 2 * n


def test_token_rates_carry_in_one_pass(monkeypatch):
    """Each amount without a rate looks at a bounded number of the sentence's rates, not at all of them."""
    from newsnumbers.engine import rates

    n = 3_000
    looked = []
    figures = [Figure(10 * i, 10 * i + 5, 10.0 ** (i % 2 * 6), None, "USD", "1M tokens" if i % 2 else "", "exact", "money")
               for i in range(n)]
    real = rates._comparable
    monkeypatch.setattr(rates, "_comparable", lambda a, b, *f: looked.append(1) or real(a, b, *f))
    rates.carry(figures, Segmenter("x" * (10 * n + 10), [0, 10 * n + 10]), "x" * (10 * n + 10))
    assert all(not f.per for f in figures[::2])  # $1 is no price per million tokens when the rates are $1M
    assert len(looked) <= rates.LOOK_BACK * n


def test_a_long_link_list_is_walked_once(monkeypatch):
    """Each heading of a list ("Read more" over every link) walked the rest of the list again: square time."""
    from newsnumbers.engine import boilerplate

    walks = []
    real = boilerplate._link_list_end
    monkeypatch.setattr(boilerplate, "_link_list_end", lambda text, pos: walks.append(pos) or real(text, pos))
    text = "Nvidia verlor 5 Milliarden Euro.\n\n" + "Read more\nMeta gibt 65 Milliarden Dollar aus\n" * 2000
    skipped: list[tuple[int, str]] = []
    assert [r["quote"] for r in iter_figures(text, "de", skipped=skipped)] == ["5 Milliarden Euro"]
    assert len(skipped) == 2000 and len(walks) == 1


def test_runs_of_marks_and_spaces_split_as_before():
    """Sentence ends and clause breaks now match only at the start of a run of dots or spaces (a run was
    read again from each of its characters, square time); where they split must not change."""
    from newsnumbers.engine.segment import clauses, sentence_bounds

    text = "Er zögerte... Dann kam es.   Neu?! Ja.... Ende"
    assert [text[a:b] for a, b in zip(sentence_bounds(text), sentence_bounds(text)[1:])] == [
        "Er zögerte... ", "Dann kam es.   ", "Neu?! ", "Ja.... ", "Ende"]
    text = "Nvidia verlor 5 Prozent ,   Meta fiel   -   und Google stieg    um 3 Prozent."
    assert [text[c.start:c.end] for c in clauses(text, 0, len(text))] == [
        "Nvidia verlor 5 Prozent", "Meta fiel", "und Google stieg    um 3 Prozent."]


def test_a_sentence_end_that_lost_its_space_still_ends_the_sentence():
    """Scraped text loses the space after a full stop ("erzielt.Samsung Electronics konnte"): the two sentences ran
    together, and the first one's companies owned the second one's figures. A domain ("Booking.com") or an
    abbreviation ("z.B.Der") is no sentence end."""
    from newsnumbers.engine.segment import sentence_bounds

    def split(text: str) -> list[str]:
        b = sentence_bounds(text)
        return [text[x:y] for x, y in zip(b, b[1:])]

    assert split("Rekordergebnisse erzielt.Samsung konnte mehr.") == ["Rekordergebnisse erzielt.", "Samsung konnte mehr."]
    assert split("Bei Booking.com und z.B.Der Test.") == ["Bei Booking.com und z.B.Der Test."]


def test_a_long_column_of_one_amount_costs_ten_times_a_tenth_of_it():
    """A price table copied one cell per line repeats one amount: each mention had sorted all the others of its
    amount (the same amount said again) and walked the whole column below it (one-cell-per-line tables). Counted:
    4,000 lines cost about ten times 400, not a hundred times."""
    column = lambda n: "Prices per million tokens\nModel\nInput\nOutput\n" + "\n".join("$5" for _ in range(n)) + "\n"  # noqa: E731
    small = _calls(column(400), cap=10**7)
    assert _calls(column(4_000), cap=15 * small) > 5 * small
