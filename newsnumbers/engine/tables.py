"""Figures in a pipe table take what its header says of their column.

API price lists come as tables: "| Model | Input (per 1M tokens) | Output (per 1M tokens) |", then
"| GPT-5 | $1.25 | $10.00 |". Read alone, "$1.25" is bare money; read under its header it is an input price
per million tokens. A money figure in a table cell without a rate of its own takes the token rate its
column header names (or, where the header names only a direction, the rate the lines right before the
table name: "Prices per million tokens:"), and the direction (input, output, cached) of its header or,
failing that, of its row's label ("| API Input Price | $5 |"); the row's label may name the rate too, where the
columns are models ("| Input price (per 1M tok) | $1.00 | $0.15 |").

A table's header is the line above its separator row ("|---|---|"), or, where the page lost that row, the
first of the table's lines; a rate one cell names ("| $5 per 1M tokens |") is the table's for its bare cells.
One pass over the lines with figures: cost grows with the text. The rate words are data (``grammar_words.csv``, role
``table_rate``; directions: ``rate_direction``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from .attribute.measure_words import direction_word, directions
from .recognise import Figure

_SEPARATOR = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*$")
EMPTY_CELL = re.compile(r"(?i)(?<![\w/])(?:n/?a|–|—|-)(?![\w/])")  # "Model B n/a $2.00 $0.05": a cell left empty
GLUED = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")  # a lower-case letter right before a capital: two glued cells
_PER_BEFORE = re.compile(r"(?:\bper|\bpro|\bje|/)\s*$")  # on lower-cased text
CENTS_THEN_CELL = re.compile(r"\d{1,3}[.,]\d\d(?=\d+[KkMm]$)")  # "$75.00200K": a price's cents, then the next cell ("200K")
ROW_CHARS = 4000  # a table row is shorter: a longer line is read as prose, and costs each figure no more than this
CAPTION_CHARS = 300  # how far before a table its caption may name the rate ("Prices per million tokens:")
RATE_MAX = 1000  # a price per million tokens above this is no token price (a round, a chip, a salary)


@lru_cache(maxsize=1)
def _rates() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(pattern, re.IGNORECASE), per) for pattern, per in lexicon.load().word_values("table_rate").items()]


def named_rate(text: str) -> str:
    """The token rate a header or caption names ("per 1M tokens" -> "1M tokens"), or ""."""
    return next((per for pattern, per in _rates() if pattern.search(text)), "")


def rate_at(lower: str, pos: int) -> str:
    """The token rate named right at ``pos`` ("per 1M tokens" after "USD 15/75 (input/output) "), or ""."""
    return next((per for pattern, per in _rates() if pattern.match(lower, pos)), "")


def header_direction(text: str) -> str:
    """The one direction a header or label cell names ("Input", "Output price"), or "" (none, or two)."""
    found = {directions().get(m.group().lower(), "") for m in direction_word().finditer(text)}
    found.discard("")
    return found.pop() if len(found) == 1 else ""


def _cells(line: str) -> list[str]:
    """The cells of a table row, without the outer pipes."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return inner.split("|")


def line_span(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _header(text: str, row_start: int, memo: dict[int, tuple[list[str], int] | None]) -> tuple[list[str], int] | None:
    """The header cells of the table whose data row starts at ``row_start``, and where the table starts:
    the rows above it up to the separator, the header right above that. Rows already read share their
    answer (``memo``, by row start), so a long table is walked once, not once per row."""
    pos, visited, found = row_start, [], None
    while pos > 0 and pos not in memo:
        visited.append(pos)
        a, b = line_span(text, pos - 1)
        line = text[a:b]
        if _SEPARATOR.match(line):
            ha, hb = line_span(text, a - 1) if a > 0 else (0, 0)
            found = (_cells(text[ha:hb]), ha) if a > 0 and "|" in text[ha:hb] else None
            break
        if line.count("|") < 2:
            found = _top_row(text, pos, row_start)
            break
        pos = a
    else:
        found = memo.get(pos) if pos in memo else _top_row(text, pos, row_start)
    for v in visited:
        memo[v] = found
    return found


def _top_row(text: str, top: int, row_start: int) -> tuple[list[str], int] | None:
    """A table without a separator row ("Model | Input price | Output price", then its rows): its first line is
    the header, for the rows under it."""
    if top == row_start:
        return None
    return _cells(text[top:line_span(text, top)[1]]), top


def carry_headers(figures: list[Figure], text: str) -> None:
    """Give money figures in table cells the token rate and direction of their column (in place). A rate one cell
    names ("| $5 per 1M tokens |") is the table's for its bare cells above and below it: cells are read first."""
    if text.count("|") < 4:
        return
    headers: dict[int, tuple[list[str], int] | None] = {}  # row start -> its table's header
    cells = [(fig, cell) for fig in figures if (cell := _cell(fig, text, headers)) is not None]
    rates: dict[int, str] = {}  # table start -> the token rate a cell of it named
    for fig, (_, _, table_start) in cells:
        if fig.per:
            rates.setdefault(table_start, fig.per)
    for fig, (head, label, table_start) in cells:
        own = named_rate(head) or named_rate(label)
        rate = own or named_rate(text[max(0, table_start - CAPTION_CHARS):table_start]) or rates.get(table_start, "") \
            or named_rate(_note_after(text, table_start))  # "All prices per million tokens." under the table
        direction = header_direction(head) or header_direction(label)
        if fig.per:
            fig.direction = direction
        elif rate and (direction or own):
            fig.per, fig.direction = rate, fig.direction or direction


NOTE_CHARS = 200  # how far after a table a note may name the rate ("All prices per 1M tokens.")


def _note_after(text: str, table_start: int) -> str:
    """The text right after the table that starts at ``table_start`` (its rows are the lines that open with "|")."""
    end = table_start
    while end < len(text) and text.startswith("|", end):
        nl = text.find("\n", end)
        end = len(text) if nl < 0 else nl + 1
    return text[end:end + NOTE_CHARS]


def _cell(fig: Figure, text: str, headers: dict[int, tuple[list[str], int] | None]) -> tuple[str, str, int] | None:
    """(its column's header cell, its row's label, its table's start) for a money figure in a table cell that may
    take a rate or direction, else None; a cell naming its own token rate ("| $5 / MTok |") still takes its
    column's direction."""
    if fig.kind != "money" or fig.per and (fig.direction or "tokens" not in fig.per):
        return None
    found = _table_cell(text, fig.start, headers)
    if found is None:
        return None
    _, line, header, table_start, column = found
    head = header[column] if 0 <= column < len(header) else ""
    label = _cells(line)[0] if column > 0 else ""  # "| Input price (per 1M tok) | $1.00 | $0.15 |"
    return head, label, table_start


def _table_cell(text: str, pos: int, memo: dict[int, tuple[list[str], int] | None]) -> tuple[int, str, list[str], int, int] | None:
    """(its row's start, the row, the table's header cells, the table's start, its column) for the pipe-table cell
    at ``pos``, else None; ``memo`` holds each row's header, so each table is walked once."""
    span = short_line(text, pos, ROW_CHARS)
    if span is None:
        return None
    a, b = span
    line = text[a:b]
    if line.count("|") < 2:
        return None
    found = memo[a] if a in memo else _header(text, a, memo)
    if found is None:
        return None
    header, table_start = found
    return a, line, header, table_start, text.count("|", a, pos) - (1 if line.lstrip().startswith("|") else 0)


def column_head(text: str, pos: int, memo: dict[int, tuple[list[str], int] | None]) -> tuple[int, int, int] | None:
    """The span of the header cell above the pipe-table cell at ``pos`` and the span of its row's first cell,
    as (head start, head end, row label end), or None outside a table or in its first column. A comparison table
    names its models in the header ("| | Gemini 3.1 Pro | Claude Opus 4.6 |"): each column is one model's.
    ``memo`` is shared with the rate walk, so each table is walked once."""
    found = _table_cell(text, pos, memo)
    if found is None:
        return None
    a, line, header, table_start, column = found
    lead = 1 if line.lstrip().startswith("|") else 0
    if not 0 < column < len(header):
        return None
    head_line = text[table_start:line_span(text, table_start)[1]]
    start = table_start + (head_line.index("|") + 1 if head_line.lstrip().startswith("|") else 0)
    start += sum(len(cell) + 1 for cell in header[:column])
    label_end = text.find("|", a + line.index("|") + 1) if lead else text.find("|", a)
    return start, start + len(header[column]), label_end


def short_line(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The span of the line around ``pos`` if it is at most ``limit`` long, else None; both searches are
    bounded, so a text of one long line costs each figure ``limit``, not the line's length."""
    a = text.rfind("\n", max(0, pos - limit), pos) + 1
    if a == 0 and pos > limit:
        return None
    b = text.find("\n", pos, a + limit + 1)
    b = len(text) if b < 0 and len(text) - a <= limit else b
    return (a, b) if b >= 0 else None


def denominator(lower: str, start: int) -> bool:
    """Whether a token count at ``start`` is a rate's denominator ("per 1M tokens" in a table header, where
    no amount stands before it): no count of tokens."""
    return _PER_BEFORE.search(lower, max(0, start - 8), start) is not None
