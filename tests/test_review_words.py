"""The review form speaks the project's locales (de, en): every word from newsnumbers/review/labels.csv,
every key in both locales, and a German form with German words on its buttons, labels, card and status."""
from __future__ import annotations

import csv
import shutil

import ipywidgets as w
import pytest
from conftest import ROOT

from newsnumbers.review import words
from newsnumbers.review.widgets import ReviewQueue


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    """The form in both locales over one copy of the seeds (the German one clicked by the test below)."""
    tmp = tmp_path_factory.mktemp("words")
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    return {loc: ReviewQueue(str(tmp / "seeds"), str(tmp / f"data-{loc}"), locale=loc) for loc in words.LOCALES}


def _raw_rows() -> list[dict[str, str]]:
    with words.LABELS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def test_every_key_has_a_word_in_every_locale_once():
    rows = _raw_rows()
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys)), "a key twice"
    missing = [(r["key"], loc) for r in rows for loc in words.LOCALES if not (r.get(loc) or "").strip()]
    assert not missing, missing
    assert all(None not in r for r in rows), "a row with more columns than the header"


def test_unknown_key_or_locale_is_an_error_not_an_english_word():
    with pytest.raises(KeyError, match="no word 'confrim'"):
        words.word("confrim", "de")
    with pytest.raises(ValueError, match="locale must be de or en"):
        words.word("confirm", "fr")
    with pytest.raises(ValueError, match="locale must be de or en"):
        ReviewQueue(str(ROOT / "seeds"), "data", locale="english")


def _labels(widget: w.Widget) -> list[str]:
    """Every description, placeholder and HTML text shown by the form, depth first."""
    out = [getattr(widget, a) for a in ("description", "placeholder", "tooltip") if getattr(widget, a, "")]
    if isinstance(widget, w.HTML) and widget.value:
        out.append(widget.value)
    for child in getattr(widget, "children", ()):
        out += _labels(child)
    return out


def test_the_german_form_shows_german_words(forms):
    de, en = forms["de"], forms["en"]
    assert (de.confirm_button.description, de.fix_button.description, de.drop_button.description,
            de.add_button.description) == ("bestätigen", "korrigieren", "streichen", "hinzufügen")
    assert de.fields["measure"].description == "Messgröße" and de.fields["value"].description == "Wert"
    assert en.fields["measure"].description == "measure" and en.confirm_button.description == "confirm"
    shown_de, shown_en = _labels(de.widget()), _labels(en.widget())
    assert len(shown_de) == len(shown_en) and shown_de != shown_en
    english = {t["en"] for t in words.table().values() if t["en"] != t["de"]}
    assert not english & set(shown_de), english & set(shown_de)
    assert "Sicherheit:" in de.card.value and "gelesen als:" in de.card.value and "read as:" in en.card.value
    assert "[unsicher]" in de.pick.label and "[low confidence]" in en.pick.label
    assert "Eine Zahl hinzufügen" in " ".join(shown_de)


def test_a_german_click_says_what_it_did_in_german(forms):
    de = forms["de"]
    de.confirm_button.click()
    assert "✓ bestätigt: Zeile 8 an" in de.status.value and "Tabelle neu erstellt" in de.status.value
    de.confirm_button.click()  # the same row is now last in the queue; the next row is confirmed
    de.pick.value = de.rows.iloc[-1]["id"]
    de.drop_button.click()  # a second decision on one id: refused with the build's reason, in the German frame
    assert de.status.value.startswith("<p style='color:#b00'>✗ ") and "already corrected" in de.status.value
