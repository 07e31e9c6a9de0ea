"""An editor's decision as one appended line of ``corrections.csv``, and the table rebuilt from it.

Why append-only: ``corrections.csv`` is the analyst's file. Lines written by
hand, with their comments, quoting, column order, encoding and line ends, are
never rewritten; the review queue only adds a line at the end, in the file's
own columns, encoding and line ends (a newline first when the last line has
none; the header only when the file has none).

Why a dry run first: a line the build would reject (an id corrected twice, an
``add`` whose quote occurs twice, a measure outside the vocabulary) must not
land in the file, where it would stay; it is tried on a copy and refused with
the build's own reason.

Why rebuild by re-extracting: the row the editor sees afterwards must be the one
``make figures`` writes; both run the same ``extract_paths`` and ``write_csv``.
"""
from __future__ import annotations

import csv
import io
import math
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..corrections import CORRECTION_COLUMNS
from ..engine.pipeline import extract_paths, write_csv
from ..engine.textio import decode
from ..schema import CLEAR, CLEARABLE, CORRECTABLE

CORRECTIONS = "corrections.csv"
NUMBERS = ("value", "value_high")
#: Columns a fix, drop or confirm line fills when the file has them, and leaves out when it has not.
SAYS_WHICH = ("article", "quote", "start", "note")


def _text(value: object, name: str = "") -> str:
    """A table value as a correction writes it: numbers without a trailing '.0', NaN and None empty.

    Typed numbers (``name`` value or value_high) are written the way the table writes them
    ("1e9" -> "1000000000"); text that is not a number is kept for the reader to reject.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"
    text = str(value).strip()
    if name in NUMBERS and text:
        try:
            number = float(text)
        except ValueError:
            return text
        return f"{number:.15g}" if math.isfinite(number) else text
    return text


def _which(row: pd.Series | dict) -> dict[str, str]:
    """The figure a line means: its id, article, quote and start (the reader checks they still agree)."""
    return {"id": _text(row["id"]), "article": _text(row["article"]), "quote": _text(row["quote"]),
            "start": str(int(row["start"]))}


def confirm(row: pd.Series | dict, note: str = "") -> dict[str, str]:
    """The line that marks ``row`` reviewed without changing a value."""
    return {**_which(row), "action": "confirm", "note": note.strip()}


def drop(row: pd.Series | dict, note: str = "") -> dict[str, str]:
    """The line that takes ``row`` out of the table."""
    return {**_which(row), "action": "drop", "note": note.strip()}


def _same(name: str, old: str, new: str) -> bool:
    if name in NUMBERS and old and new:
        try:
            return math.isclose(float(old), float(new), rel_tol=1e-12)
        except ValueError:
            return False  # not a number: let the reader say so
    return old == new


def fix(row: pd.Series | dict, changes: dict[str, object], note: str = "") -> dict[str, str]:
    """The line that sets the fields of ``changes`` that differ from ``row``; ValueError when none does.

    An empty cell in corrections.csv means "keep", so a field emptied in the form is written as ``-`` (clear)
    when a figure may lack it (a wrongly detected period); a field every figure needs cannot be emptied, and
    that is said, not ignored.
    """
    line = {**_which(row), "action": "fix", "note": note.strip()}
    for name in CORRECTABLE:
        if name not in changes:
            continue
        old, new = _text(row.get(name)), _text(changes[name], name)
        if _same(name, old, new):
            continue
        if not new and name not in CLEARABLE:
            raise ValueError(f"{name} cannot be emptied by a fix: every figure has one; "
                             "drop the figure if it is none")
        line[name] = new or CLEAR
    if not any(line.get(name) for name in CORRECTABLE):
        raise ValueError("nothing changed: every field is as extracted (use confirm to mark the row right)")
    return line


def add(article: str, quote: str, fields: dict[str, object], start: object = "", note: str = "") -> dict[str, str]:
    """The line that adds a figure the extractor missed (``start`` needed when the quote occurs twice)."""
    line = {"id": "", "action": "add", "article": article.strip(), "quote": quote.strip(),
            "start": _text(start), "note": note.strip()}
    line.update({name: _text(fields[name], name) for name in CORRECTABLE if name in fields and _text(fields[name])})
    return line


@dataclass(frozen=True)
class Sheet:
    """What appending to an existing corrections file must respect: its bytes' encoding, line ends, columns."""

    text: str
    encoding: str
    newline: str
    columns: list[str] | None  # None: no header yet


def sheet(path: Path) -> Sheet:
    """The file as it is (an absent file is an empty one)."""
    if not path.exists():
        return Sheet("", "utf-8", "\n", None)
    decoded = decode(path.read_bytes())
    text = decoded.text
    encoding = "utf-8" if decoded.encoding.lower().replace("_", "-").startswith("utf-8") else decoded.encoding
    newline = "\r\n" if "\r\n" in text else "\n"
    for row in csv.reader(line for line in io.StringIO(text, newline="") if line.strip() and not line.lstrip().startswith("#")):
        return Sheet(text, encoding, newline, [c.strip() for c in row])
    return Sheet(text, encoding, newline, None)


def _csv_line(values: list[str], newline: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerow(values)
    return out.getvalue()


def addition(existing: Sheet, record: dict[str, str]) -> tuple[str, int]:
    """The text to append for ``record`` (a newline first if needed, the header if none) and the line it lands on."""
    columns = existing.columns or CORRECTION_COLUMNS
    if record.get("action") != "add":  # the figure's article, quote and start only say which figure is meant
        record = {c: v for c, v in record.items() if c in columns or c not in SAYS_WHICH}
    missing = [c for c in record if record[c] and c not in columns]
    if missing:
        raise ValueError(f"{CORRECTIONS} has no column {', '.join(missing)}; add it to the header line by hand "
                         f"(columns: {', '.join(CORRECTION_COLUMNS)})")
    text = "" if not existing.text or existing.text.endswith(("\n", "\r")) else existing.newline
    if existing.columns is None:
        text += _csv_line(CORRECTION_COLUMNS, existing.newline)
    text += _csv_line([record.get(c, "") for c in columns], existing.newline)
    line = len(list(io.StringIO(existing.text + text, newline="")))
    return text, line


def append(path: str | Path, record: dict[str, str]) -> tuple[int, str]:
    """Append one line for ``record`` to ``path``; returns (line number, the line as written). Never rewrites."""
    path = Path(path)
    existing = sheet(path)
    text, line = addition(existing, record)
    data = text.encode(existing.encoding)  # UnicodeEncodeError is a ValueError: said, not written
    with open(path, "ab") as f:
        f.write(data)
    return line, text.splitlines()[-1]


class Reviewer:
    """The seeds folder's corrections and the tables rebuilt from them, as ``make figures`` builds them."""

    def __init__(self, seeds_dir: str | Path = "seeds", data_dir: str | Path = "data", language: str = "auto"):
        self.seeds = Path(seeds_dir)
        self.path = self.seeds / CORRECTIONS
        self.data = Path(data_dir)
        self.language = language

    def tables(self, corrections: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(figures, rejected) from the seeds and ``corrections`` (default: the seeds' own file)."""
        return extract_paths([self.seeds], language=self.language,
                             corrections=corrections if corrections is not None else True)

    def check(self, record: dict[str, str]) -> None:
        """Raise ValueError with the build's reason if the line for ``record`` would be rejected."""
        existing = sheet(self.path)
        text, line = addition(existing, record)
        with tempfile.TemporaryDirectory() as tmp:
            trial = Path(tmp) / CORRECTIONS
            trial.write_text(existing.text + text, encoding="utf-8", newline="")
            _, rejected = self.tables(trial)
        mine = rejected[(rejected["path"] == str(trial)) & (rejected["line"].astype(str) == str(line))]
        if not mine.empty:
            raise ValueError(f"not written: {mine['reason'].iloc[0]}")

    def submit(self, record: dict[str, str]) -> tuple[int, str, pd.DataFrame]:
        """Check, append and rebuild; returns (line number, the line, the rebuilt figures table)."""
        self.check(record)
        line, written = append(self.path, record)
        figures, _ = self.rebuild()
        return line, written, figures

    def rebuild(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Re-extract with the corrections and write ``data/figures.csv`` and ``data/rejected.csv``."""
        figures, rejected = self.tables()
        self.data.mkdir(parents=True, exist_ok=True)
        write_csv(figures, self.data / "figures.csv")
        write_csv(rejected, self.data / "rejected.csv")
        return figures, rejected
