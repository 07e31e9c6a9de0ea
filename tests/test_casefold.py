"""Lower-casing keeps offsets, so quotes stay exact even with characters whose lower case is longer."""
from newsnumbers import extract
from newsnumbers.engine.casefold import fold, fold_pattern


def test_fold_keeps_length():
    text = "İstanbul: KOSTEN 5,6 Millionen Dollar"
    assert len(fold(text)) == len(text)
    assert fold(text).endswith("kosten 5,6 millionen dollar")


def test_figures_after_a_length_changing_character_keep_their_offsets():
    text = "İİİ Die Firma zahlte 5,6 Millionen Dollar."
    row = extract(text, "de").iloc[0]
    assert text[row["start"]:row["end"]] == row["quote"] == "5,6 Millionen Dollar"


def test_patterns_with_upper_case_escapes_are_not_folded():
    assert fold_pattern(r"Aktie\s+fiel") == r"aktie\s+fiel"
    assert fold_pattern(r"Aktie\S+") is None


def test_an_emoji_costs_the_folded_copy_no_four_byte_storage():
    import sys
    text = "Nvidia 🫧 verlor „5 Prozent“ " * 100
    folded = fold(text)
    assert len(folded) == len(text) and folded[7] == "\ufffd" and folded[9:15] == "verlor"
    assert sys.getsizeof(folded) < sys.getsizeof(text) * 0.6  # two bytes a character, not four


def test_a_figure_after_an_emoji_keeps_its_offsets_and_its_reading():
    text = "🚀 Die Firma 🫧 zahlte 5,6 Millionen Dollar."
    row = extract(text, "de").iloc[0]
    assert text[row["start"]:row["end"]] == row["quote"] == "5,6 Millionen Dollar"
    assert row["value"] == 5.6e6 and row["unit"] == "USD"
