"""The review form's words in the project's locales (``de``, the default, and ``en``), read from ``labels.csv``.

Why a data file: the editors work in German as well as English, like the charts' readers
(``LOCALE``); a word to change or a locale to add is an edit of ``labels.csv``, not of the form's code.
Why strict: a key missing in one locale would show an English word in a German form, unnoticed;
here it is an error naming the key, and the tests check that every key has every locale.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

LABELS = Path(__file__).with_name("labels.csv")
LOCALES = ("de", "en")


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, str]]:
    """key -> {locale: word}; lines starting with '#' are comments."""
    with LABELS.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.lstrip().startswith("#"))
        return {row["key"]: {loc: (row.get(loc) or "") for loc in LOCALES} for row in rows}


def checked_locale(locale: str) -> str:
    """``locale`` when the form speaks it; ValueError saying which ones it speaks."""
    if locale not in LOCALES:
        raise ValueError(f"locale must be {' or '.join(LOCALES)}, not {locale!r}")
    return locale


def word(key: str, locale: str, **fields: object) -> str:
    """The form's word for ``key`` in ``locale``, with ``{name}`` fields filled in; KeyError for an unknown key.

    >>> word("confirm", "de"), word("confirm", "en")
    ('bestätigen', 'confirm')
    """
    row = table().get(key)
    if row is None:
        raise KeyError(f"no word {key!r} in {LABELS.name}")
    text = row[checked_locale(locale)]
    if not text:
        raise KeyError(f"{LABELS.name}: {key!r} has no {locale} word")
    return text.format(**fields) if fields else text
