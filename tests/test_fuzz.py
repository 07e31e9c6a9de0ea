"""Arbitrary text never breaks extraction, and every quote is the text at its offsets."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsnumbers import extract

NEWSY = st.lists(st.sampled_from([
    "5,6", "Millionen", "Mrd.", "Dollar", "$", "€", "%", "Prozent", "bis", "zwischen", "und", "fast", "mehr als",
    "Hunderte", "von", "pro", "Million", "Token", "Chips", "GPT-4", "R1", "OpenAI", "Nvidia", "2.000", "1,5",
    "billion", "per", "to", "-", " ", "\n", ".", ",", "das Modell", "das Unternehmen", "Aktie", "fiel", "2025",
]), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), NEWSY), st.sampled_from(["auto", "de", "en"]))
def test_extract_never_raises_and_quotes_match(text, language):
    table = extract(text, language=language)
    for row in table.itertuples():
        assert text[row.start:row.end] == row.quote
        assert row.start < row.end
        assert row.value == row.value  # not NaN
