"""Hand-written CSV files (``seeds/corrections.csv``, ``seeds/sources.csv``), read strictly, in one place.

Why strict: these files are typed by people, in editors and spreadsheets. A
misspelled column, a row with a comma too many or an unterminated quote used to
be read "somehow" — a value in the wrong column, the rest of the file swallowed
into one field — and the build went on as if nothing had happened. Here every
such problem becomes a rejected row naming file and line, the good rows are
still used, and nothing raises.

Why one place: the extraction (CLI and notebook) and the chart notebooks read
the same files; reading them through one function means they agree on what a
file says. Files are decoded the way articles are (UTF-8 with or without BOM,
else the best guess such as cp1252, which spreadsheets on Windows write).

Lines starting with ``#`` (outside a quoted field) are comments, as in the lexicon.
"""
from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .engine.textio import decode
from .schema import rejection


@dataclass(frozen=True)
class HandTable:
    """The usable rows of a hand-written CSV, each with the line it starts on, and what was rejected.

    Every row has every known column (``""`` where the file has none), values stripped.
    """

    path: Path
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]
    rejected: list[dict]

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        return iter(self.rows)


def _still_quoted(line: str, inside: bool) -> bool:
    """Whether a record is inside a quoted field after ``line``, given whether it was before it.

    csv's rules: a quote opens a field only at the field's start, ``""`` inside
    quotes is a quote, a lone quote closes the field.
    """
    at_start, i = not inside, 0
    while i < len(line):
        ch = line[i]
        if inside:
            if ch == '"':
                if line[i + 1:i + 2] == '"':
                    i += 1
                else:
                    inside = False
        elif ch == '"' and at_start:
            inside = True
        at_start = not inside and ch in ",\n\r"
        i += 1
    return inside


def records(text: str, path: Path) -> tuple[list[tuple[int, list[str]]], list[dict]]:
    """(line, fields) of every record, skipping blank and comment lines, and the records that cannot be parsed.

    A quoted field may span lines. One that never closes is rejected at the line
    it starts on, and reading goes on from the next line, so one stray quote
    does not swallow the rest of the file. Lines end at LF, CR or CRLF only,
    as in csv (not at the other characters ``str.splitlines`` would split on).
    """
    lines = list(io.StringIO(text, newline=""))
    out: list[tuple[int, list[str]]] = []
    rejected: list[dict] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip() or lines[i].lstrip().startswith("#"):
            i += 1
            continue
        end, inside = i + 1, _still_quoted(lines[i], False)
        while inside and end < len(lines):
            inside = _still_quoted(lines[end], True)
            end += 1
        if inside:
            rejected.append(rejection(path, i + 1, "unterminated quote: a quoted field opened on this line never closes"))
            i += 1
            continue
        try:
            out.append((i + 1, next(csv.reader(["".join(lines[i:end])], strict=True))))
        except (csv.Error, StopIteration) as exc:
            rejected.append(rejection(path, i + 1, f"not valid CSV: {exc}"))
            end = i + 1  # the lines it took in are read again as rows of their own
        i = end
    return out, rejected


def _header(fields: list[str], where: tuple[Path, int], columns: Sequence[str],
            required: Sequence[str]) -> tuple[list[str], list[dict], bool]:
    """The header's column names, its problems, and whether they make the whole file unusable
    (a required column missing, a column named twice: no row could be read right)."""
    path, line = where
    names = [f.strip() for f in fields]
    problems = []
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        problems.append(rejection(path, line, f"column(s) {', '.join(twice)} appear twice; nothing in this file is used"))
    missing = [c for c in required if c not in names]
    if missing:
        problems.append(rejection(path, line, f"missing column(s) {', '.join(missing)}; expected {', '.join(columns)}; "
                                              "nothing in this file is used"))
    fatal = bool(problems)
    for n in names:
        if n not in columns:
            near = difflib.get_close_matches(n, columns, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            problems.append(rejection(path, line, f"unknown column {n!r}{hint}; rows with a value in it are rejected; "
                                                  f"columns: {', '.join(columns)}"))
    return names, problems, fatal


def _row(fields: list[str], names: list[str], columns: Sequence[str]) -> dict[str, str]:
    """One record as a row of every known column; raises ValueError for a ragged row or a value in an unknown column."""
    if len(fields) != len(names):
        raise ValueError(f"has {len(fields)} fields, the header has {len(names)} "
                         "(a comma too many or too few? quote values that contain commas)")
    values = dict(zip(names, (f.strip() for f in fields)))
    stray = [n for n in names if n not in columns and values[n]]
    if stray:
        raise ValueError(f"value in unknown column(s) {', '.join(stray)} (see the header)")
    return {c: values.get(c, "") for c in columns}


def read(path: str | Path, columns: Sequence[str], required: Sequence[str] = ()) -> HandTable:
    """Read a hand-written CSV strictly: rows that pass, and a rejection (file, line, reason) for everything else."""
    path = Path(path)
    try:
        text = decode(path.read_bytes()).text
    except (OSError, ValueError) as exc:
        return HandTable(path, [], [], [rejection(path, "", f"cannot read: {exc}")])
    found, rejected = records(text, path)
    if not found:
        return HandTable(path, [], [], rejected + [rejection(path, "", f"no header; expected {', '.join(columns)}")])
    (first, header), body = found[0], found[1:]
    names, problems, fatal = _header(header, (path, first), columns, required)
    if fatal:
        return HandTable(path, names, [], sorted(rejected + problems, key=lambda r: r["line"]))
    rows: list[tuple[int, dict[str, str]]] = []
    for line, fields in body:
        if not any(f.strip() for f in fields):
            continue  # a row of empty cells, as spreadsheets leave behind
        try:
            rows.append((line, _row(fields, names, columns)))
        except ValueError as exc:
            rejected.append(rejection(path, line, str(exc)))
    return HandTable(path, names, rows, sorted(rejected + problems, key=lambda r: r["line"]))
