"""Random values written the way German and English articles write them parse back exactly."""
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from newsnumbers import extract
from newsnumbers.engine.numparse import parse_digits

SCALES = {"de": [("", 1), ("Tausend", 1e3), ("Millionen", 1e6), ("Milliarden", 1e9), ("Billionen", 1e12),
                 ("Mio.", 1e6), ("Mrd.", 1e9)],
          "en": [("", 1), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)]}
CURRENCY = {"de": [("Dollar", "USD"), ("US-Dollar", "USD"), ("Euro", "EUR"), ("Franken", "CHF"), ("Yuan", "CNY")],
            "en": [("dollars", "USD"), ("euros", "EUR"), ("yuan", "CNY")]}


def fmt(value: float, decimals: int, language: str, group: bool) -> str:
    text = f"{value:,.{decimals}f}" if group else f"{value:.{decimals}f}"
    if language == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


values = st.integers(min_value=0, max_value=999_999_999).map(lambda n: n / 100)


@settings(max_examples=300, deadline=None)
@given(values, st.integers(0, 2), st.sampled_from(["de", "en"]), st.booleans())
def test_digits_round_trip(value, decimals, language, group):
    text = fmt(value, decimals, language, group)
    expected = float(text.replace(",", "").replace(".", "")) / 10**decimals if decimals else float(
        text.replace(",", "").replace(".", ""))
    # a lone separator before exactly three digits is read as grouping, as a reader would
    assert math.isclose(parse_digits(text, language), expected, rel_tol=1e-12), text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.integers(0, 1), st.sampled_from(["de", "en"]),
       st.data())
def test_money_phrase_round_trip(n, decimals, language, data):
    scale_word, mult = data.draw(st.sampled_from(SCALES[language]))
    cur_word, code = data.draw(st.sampled_from(CURRENCY[language]))
    value = n / 10 if decimals else n
    number = fmt(value, decimals, language, group=True)
    sentence = (f"Die Firma zahlte {number} {scale_word} {cur_word} für das Projekt."
                if language == "de" else
                f"The firm paid {number} {scale_word} {cur_word} for the project.").replace("  ", " ")
    table = extract(sentence, language=language)
    assert len(table) == 1, (sentence, table["quote"].tolist())
    row = table.iloc[0]
    assert math.isclose(row["value"], value * mult, rel_tol=1e-9), sentence
    assert row["unit"] == code
    assert sentence[row["start"]:row["end"]] == row["quote"]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(0, 9), st.sampled_from(["de", "en"]))
def test_percent_round_trip(whole, tenth, language):
    number = f"{whole},{tenth}" if language == "de" else f"{whole}.{tenth}"
    word = "Prozent" if language == "de" else "percent"
    table = extract(f"Der Wert stieg um {number} {word}." if language == "de" else f"It rose {number} {word}.",
                    language=language)
    assert len(table) == 1 and math.isclose(table.iloc[0]["value"], whole + tenth / 10)
    assert table.iloc[0]["unit"] == "percent"
