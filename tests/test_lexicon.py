"""The lexicon loads, and a broken entry is reported with its file and line."""
import shutil

import pytest

from newsnumbers import lexicon


def test_every_lexicon_file_loads():
    lex = lexicon.load()
    assert lex.currencies and lex.measures and lex.organisations


def test_bad_pattern_names_file_and_line(tmp_path):
    for f in lexicon.LEXICON_DIR.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    with (tmp_path / "currencies.csv").open("a", encoding="utf-8") as handle:
        handle.write("Taler(,XTL,suffix\n")
    lines = (tmp_path / "currencies.csv").read_text(encoding="utf-8").splitlines()
    with pytest.raises(lexicon.LexiconError, match=rf"currencies.csv:{len(lines)}: bad pattern"):
        lexicon.load(tmp_path)


def _lexicon_with_line(tmp_path, name: str, line: str):
    """A copy of the lexicon with one line appended to one file."""
    for f in lexicon.LEXICON_DIR.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    with (tmp_path / name).open("a", encoding="utf-8") as handle:
        handle.write(line)
    return tmp_path


def test_wrong_field_count_names_file_and_line(tmp_path):
    folder = _lexicon_with_line(tmp_path, "scales.csv", "Zillion,en\n")
    with pytest.raises(lexicon.LexiconError, match=r"scales.csv:\d+: expected 4 fields"):
        lexicon.load(folder)


def test_unknown_currency_position_names_file_and_line(tmp_path):
    folder = _lexicon_with_line(tmp_path, "currencies.csv", "Taler,XTL,after\n")
    with pytest.raises(lexicon.LexiconError, match=r"currencies.csv:\d+: position must be"):
        lexicon.load(folder)
