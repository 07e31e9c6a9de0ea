"""CLDR's currencies (newsnumbers/lexicon/cldr.py) and how the hand list (currencies.csv) overrides them.

The sentences that exercise them end to end are the "cldr currencies" group of tests/data/rule_cases.csv;
here are the rules a sentence cannot show: what CLDR contributes, and who wins when both match.
"""
from __future__ import annotations

import dataclasses
import re

from newsnumbers import extract
from newsnumbers.engine import currency
from newsnumbers.engine.casefold import fold
from newsnumbers.engine.table import Table
from newsnumbers.lexicon import cldr


def test_cldr_gives_the_active_currencies_only():
    vocab = cldr.vocabulary()
    assert {"CHF", "GBP", "JPY", "CNY", "KRW", "INR", "SEK", "KHR"} <= vocab.codes
    assert not {"DEM", "FIM", "XAU", "XDR", "BYR"} & vocab.codes  # historical, metals, funds
    assert len(vocab.codes) > 140


def test_cldr_names_in_both_languages_all_plural_forms_and_german_endings():
    names = cldr.vocabulary().names
    assert names["schwedische krone"] == names["schwedische kronen"] == names["swedish kronor"] == "SEK"
    for form in ("japanischer yen", "japanische yen", "japanischen yen", "japanisches yen", "japanese yen"):
        assert names[form] == "JPY", form
    assert names["polnischer zloty"] == names["polnischer złoty"] == "PLN"  # accents dropped as news often do
    assert "cfa franc" not in names  # two currencies share it: left out
    assert "xcg" not in names  # CLDR gives the code as the name; codes are matched apart


def test_only_unambiguous_symbols_with_a_currency_sign():
    symbols = cldr.vocabulary().symbols
    assert symbols["₩"] == "KRW" and symbols["R$"] == "BRL" and symbols["CA$"] == "CAD"
    assert "FCFA" not in symbols and "SEK" not in symbols  # letters only: a code, not a symbol


def _after(c: currency.Currencies, text: str) -> currency.Hit | None:
    m = c.after.match(fold(text))
    return currency.after(c, text, m) if m.lastindex else None


def test_the_longest_match_wins_and_a_hand_row_wins_a_tie():
    de = currency.currencies("de")
    hit = _after(de, " Renminbi Yuan")  # hand "Renminbi" < CLDR "Renminbi Yuan"
    assert (hit.end, hit.code) == (len(" Renminbi Yuan"), "CNY")
    hit = _after(de, " Nordkoreanische Won")  # not the hand row "Won" (KRW)
    assert hit.code == "KPW"
    overridden = dataclasses.replace(de, hand_codes=Table([(re.compile("Euros?$", re.IGNORECASE), "XEU")]))
    assert _after(overridden, " Euro").code == "XEU"  # CLDR also knows "Euro": same text, the hand row decides


def test_never_rows_veto_codes_and_symbols_that_are_words():
    de = currency.currencies("de")
    assert currency.code_of(de, "SEK") == "SEK" and currency.code_of(de, "cad$") == "CAD"
    assert currency.code_of(de, "TOP") is None and currency.code_of(de, "AMD") is None
    assert currency.code_of(de, "sek") is None  # codes count in capitals only
    assert extract("Der Preis: 5 ¥ oder 3 TRY.", language="de").empty  # ¥ is yen and yuan, the text names neither; TRY is a word
    assert extract("Der Preis in Japan: 5 ¥.", language="de")["unit"].tolist() == ["JPY"]  # named: taken


def test_cents_join_only_a_currency_they_belong_to():
    table = extract("Es kostet 7 Schwedische Kronen und 20 Rappen.", language="de")
    assert table[["quote", "value", "unit"]].values.tolist() == [
        ["7 Schwedische Kronen", 7.0, "SEK"], ["20 Rappen", 0.2, "CHF"]]
    table = extract("Der Kurs lag bei 15 Dollar und 15 Prozent darunter.", language="de")
    assert table["quote"].tolist() == ["15 Dollar", "15 Prozent"]
