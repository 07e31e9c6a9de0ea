"""Apply an analyst's hand corrections after the rules.

``seeds/corrections.csv`` is written by people, never by code. Each row names
a figure ``id`` and an ``action``:

- ``fix``: every non-empty field of the row replaces the extracted one; ``-`` clears a field a
  figure may lack (``value_high``, ``per``, ``period``, ``organisation``, ``model``: a period
  detected where the article states none), since an empty cell keeps the extracted value;
- ``drop``: the figure is removed from the table;
- ``confirm``: the figure is right as extracted; no value changes, the row is
  marked reviewed (``source = confirmed``, ``confidence = high``), so a chart
  built with ``publish = "reviewed"`` draws it;
- ``add``: a figure the extractor missed: ``article`` and ``quote`` (and
  ``start`` when the quote occurs more than once), plus its fields.

A ``fix``, ``drop`` or ``confirm`` row may also give the figure's ``article``, ``quote`` and
``start``, so the file says which figure it means; when given they must match.

Corrected and added rows get ``source = correction``. Whatever cannot be
applied is reported in the rejected table with file and line, never dropped
silently and never half-applied: a correction whose id matches no figure
(the seed was edited), an id corrected twice, an ``add`` that would duplicate a
figure already in the table, a unit, measure, qualifier or organisation
or a period outside the vocabulary (:mod:`newsnumbers.vocabulary`), a malformed file
(read strictly by :mod:`newsnumbers.handcsv`).
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from . import handcsv, vocabulary
from .schema import CLEAR, CLEARABLE, COLUMNS, CORRECTABLE, fact_id, figure_id, rejection

CORRECTION_COLUMNS = ["id", "action", "article", "quote", "start", *CORRECTABLE, "note"]
ACTIONS = ("fix", "drop", "confirm", "add")


def _cleared(name: str) -> object:
    """The empty value of a field a ``-`` clears; raises ValueError for a field every figure needs."""
    if name not in CLEARABLE:
        raise ValueError(f"{name} cannot be cleared ({CLEAR!r}): every figure has one; "
                         f"only {', '.join(CLEARABLE)} can")
    return math.nan if name == "value_high" else ""


def _fields(row: dict[str, str]) -> dict:
    """The non-empty fields of a correction, typed and checked against the vocabulary (``-``: cleared);
    raises ValueError."""
    out = {name: _cleared(name) if row[name].strip() == CLEAR else vocabulary.checked(name, row[name])
           for name in CORRECTABLE if row.get(name)}
    low, high = out.get("value"), out.get("value_high")
    if low is not None and high is not None and not math.isnan(high) and high < low:
        raise ValueError(f"value_high {high:g} is below value {low:g}")
    return out


def _start(row: dict[str, str]) -> int | None:
    text = row.get("start", "")
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(f"start must be a character offset (a whole number >= 0), not {text!r}")
    return int(text)


class _Table:
    """The figures being corrected, by id, and which line already claimed each id."""

    def __init__(self, figures: pd.DataFrame, texts: dict[str, str]):
        self.records: dict[str, dict] = ({} if figures.empty else
                                         figures.set_index("id", drop=False).to_dict("index"))
        self.texts = texts
        self.claimed: dict[str, int] = {}

    def claim(self, fid: str, line: int) -> None:
        if fid in self.claimed:
            raise ValueError(f"id {fid!r} is already corrected on line {self.claimed[fid]}; one row per figure")
        self.claimed[fid] = line

    def existing(self, fid: str, row: dict[str, str]) -> dict:
        """The figure a fix or drop row means; its article, quote and start, when given, must be the figure's."""
        if not fid:
            raise ValueError(f"{row['action']} needs the id of a figure (column id)")
        if fid not in self.records:
            raise LookupError(f"id {fid!r} matches no figure (was the article edited?)")
        record, start = self.records[fid], _start(row)
        for name, given, actual in (("article", row["article"], record["article"]),
                                    ("quote", row["quote"], record["quote"]),
                                    ("start", start, record["start"])):
            if given not in ("", None) and str(given) != str(actual):
                raise LookupError(f"id {fid!r} is {name} {actual!r}, not {given!r}")
        return record

    def fix_or_drop(self, line: int, row: dict[str, str], action: str) -> None:
        fid = row["id"]
        record = self.existing(fid, row)
        fields = _fields(row)
        if action in ("drop", "confirm"):
            if fields:
                raise ValueError(f"{action} takes no fields (got {', '.join(fields)}); did you mean fix?")
            self.claim(fid, line)
            _ = self.records.pop(fid) if action == "drop" else record.update(source="confirmed", confidence="high")
            return
        if not fields:
            raise ValueError("fix row changes no field")
        self.claim(fid, line)
        record.update(fields, source="correction", evidence=f"correction: {', '.join(sorted(fields))}",
                      confidence="high")
        _refresh_fact_id(record)

    def add(self, line: int, row: dict[str, str]) -> None:
        record = _added(row, _fields(row), self.texts)
        fid = record["id"]
        if fid in self.records:
            raise LookupError(f"add collides with figure {fid!r} ({self.records[fid]['quote']!r}), already in the table; "
                              "use fix with that id")
        for other in self.records.values():
            if other["article"] == record["article"] and other["start"] < record["end"] and record["start"] < other["end"]:
                raise LookupError(f"add overlaps figure {other['id']!r} ({other['quote']!r} at {other['start']}–{other['end']}); "
                                  "use fix with that id, or drop it first")
        self.claim(fid, line)
        record["language"] = next((r["language"] for r in self.records.values()
                                   if r["article"] == record["article"] and r.get("language")), "")
        self.records[fid] = record


def apply(figures: pd.DataFrame, path: Path, texts: dict[str, str]) -> tuple[pd.DataFrame, list[dict]]:
    """Apply ``path`` to the table; ``texts`` maps article name to its text (for added figures).

    Fixes and drops go first, adds after, so a figure can be dropped and added
    again with other offsets. Returns the corrected table (ids unique) and the rejected rows.
    """
    sheet = handcsv.read(path, CORRECTION_COLUMNS, required=("id", "action"))
    rejected = list(sheet.rejected)
    if not sheet.rows:
        return figures, rejected
    table = _Table(figures, texts)
    rows = sorted(sheet.rows, key=lambda lr: (lr[1]["action"].lower() == "add", lr[0]))
    for line, row in rows:
        action = row["action"].lower()
        try:
            if action == "add":
                table.add(line, row)
            elif action in ACTIONS:
                table.fix_or_drop(line, row, action)
            else:
                raise ValueError(f"action must be {', '.join(ACTIONS[:-1])} or {ACTIONS[-1]}, not {action!r}")
        except (ValueError, LookupError) as exc:
            rejected.append(rejection(path, line, str(exc.args[0])))
    out = pd.DataFrame(list(table.records.values()), columns=COLUMNS)
    if not out.empty:
        out = out.sort_values(["article", "start", "end"], kind="stable").reset_index(drop=True)
    assert out["id"].is_unique, "corrections left duplicate ids"
    return out, sorted(rejected, key=lambda r: (r["line"] != "", r["line"] if r["line"] != "" else 0))


def _added(row: dict, fields: dict, texts: dict[str, str]) -> dict:
    article, quote = row.get("article", ""), row.get("quote", "")
    if not article or not quote or "value" not in fields or "unit" not in fields:
        raise ValueError("add needs article, quote, value and unit")
    if article not in texts:
        raise LookupError(f"article {article!r} is not among the articles read")
    text, start = texts[article], _start(row)
    if start is not None:
        if text[start:start + len(quote)] != quote:
            raise LookupError(f"quote {quote!r} is not at offset {start} of {article}")
    else:
        count = text.count(quote)
        if count != 1:
            offsets = [i for i in range(len(text)) if text.startswith(quote, i)][:5]
            raise LookupError(f"quote {quote!r} occurs {count} times in {article}; give start"
                              + (f" (one of {', '.join(map(str, offsets))})" if offsets else ""))
        start = text.index(quote)
    end = start + len(quote)
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    record = {c: "" for c in COLUMNS}
    record.update({"article": article, "start": start, "end": end, "quote": quote,
                   "sentence": " ".join(text[a:len(text) if b < 0 else b].split()),
                   "value_high": math.nan, "qualifier": "exact", "measure": "other", "language": "",
                   "source": "correction"}, **fields)
    record["id"] = row.get("id") or figure_id(article, start, end, quote)
    record.update(evidence="correction: added", confidence="high")
    _refresh_fact_id(record)
    return record


def _refresh_fact_id(record: dict) -> None:
    """A corrected or added row's fact id follows its corrected fields."""
    high = record.get("value_high")
    record["fact_id"] = fact_id(str(record["article"]), float(record["value"]),
                                None if high in ("", None) else float(high), str(record["unit"]),
                                str(record.get("per") or ""), str(record.get("measure") or ""),
                                str(record.get("organisation") or ""))
