"""Apply an analyst's hand corrections after the rules.

``seeds/corrections.csv`` is written by people, never by code. Each row names
a figure ``id`` and an ``action``:

- ``fix``: every non-empty field of the row replaces the extracted one;
- ``drop``: the figure is removed from the table;
- ``add``: a figure the extractor missed: ``article`` and ``quote`` (and
  ``start`` when the quote occurs more than once), plus its fields.

Corrected and added rows get ``source = correction``. A correction that can no
longer be applied (its id matches no figure, e.g. after a seed was edited) or a
malformed row is reported in the rejected table with file and line, never
dropped silently.
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from .schema import COLUMNS, FIELDS, QUALIFIERS, fact_id, figure_id, read_csv_rows, rejection

CORRECTION_COLUMNS = ["id", "action", "article", "quote", "start", *FIELDS, "note"]


def _number(text: str) -> float:
    value = float(text)
    if math.isnan(value) or math.isinf(value):
        raise ValueError("not a finite number")
    return value


def _checked_fields(row: dict) -> dict:
    """The non-empty fields of a correction, typed; raises ValueError naming the bad field."""
    out = {}
    for name in FIELDS:
        text = row.get(name, "")
        if not text:
            continue
        if name in ("value", "value_high"):
            try:
                out[name] = _number(text)
            except ValueError:
                raise ValueError(f"{name} is not a number: {text!r}") from None
        elif name == "qualifier" and text not in QUALIFIERS:
            raise ValueError(f"qualifier must be one of {', '.join(sorted(QUALIFIERS))}, not {text!r}")
        else:
            out[name] = text
    return out


def apply(figures: pd.DataFrame, path: Path, texts: dict[str, str]) -> tuple[pd.DataFrame, list[dict]]:
    """Apply ``path`` to the table; ``texts`` maps article name to its text (for added figures)."""
    table = read_csv_rows(path)
    rows, rejected = table.rows, list(table.rejected)
    if not rows:
        return figures, rejected
    missing = [c for c in ("id", "action") if c not in rows[0][1]]
    if missing:
        return figures, rejected + [rejection(path, 1, f"missing column(s) {', '.join(missing)}; "
                                                   f"expected {', '.join(CORRECTION_COLUMNS)}")]
    table = figures.set_index("id", drop=False) if not figures.empty else figures
    records = {i: r for i, r in table.to_dict("index").items()} if not figures.empty else {}
    added: list[dict] = []
    for line, row in rows:
        action = row.get("action", "").lower()
        fid = row.get("id", "")
        try:
            fields = _checked_fields(row)
            if action == "drop":
                if fid not in records:
                    raise LookupError(f"id {fid!r} matches no figure (was the article edited?)")
                del records[fid]
            elif action == "fix":
                if fid not in records:
                    raise LookupError(f"id {fid!r} matches no figure (was the article edited?)")
                if not fields:
                    raise ValueError("fix row changes no field")
                records[fid].update(fields, source="correction", evidence=f"correction: {', '.join(sorted(fields))}",
                                    confidence="high")
                _refresh_fact_id(records[fid])
            elif action == "add":
                added.append(_added(row, fields, texts))
            else:
                raise ValueError(f"action must be fix, drop or add, not {action!r}")
        except (ValueError, LookupError) as exc:
            rejected.append(rejection(path, line, str(exc.args[0])))
    out = pd.DataFrame(list(records.values()) + added, columns=COLUMNS)
    if not out.empty:
        out = out.sort_values(["article", "start", "end"], kind="stable").reset_index(drop=True)
    return out, rejected


def _added(row: dict, fields: dict, texts: dict[str, str]) -> dict:
    article, quote = row.get("article", ""), row.get("quote", "")
    if not article or not quote or "value" not in fields or "unit" not in fields:
        raise ValueError("add needs article, quote, value and unit")
    if article not in texts:
        raise LookupError(f"article {article!r} is not among the articles read")
    text = texts[article]
    if row.get("start"):
        start = int(row["start"])
        if text[start:start + len(quote)] != quote:
            raise LookupError(f"quote {quote!r} is not at offset {start} of {article}")
    else:
        count = text.count(quote)
        if count != 1:
            raise LookupError(f"quote {quote!r} occurs {count} times in {article}; give start")
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
                                str(record.get("per") or ""), str(record["measure"]), str(record.get("organisation") or ""))
