"""Figures in a pipe table take what its header says of their column.

API price lists come as tables: "| Model | Input (per 1M tokens) | Output (per 1M tokens) |", then
"| GPT-5 | $1.25 | $10.00 |". Read alone, "$1.25" is bare money; read under its header it is an input price
per million tokens. A money figure in a table cell without a rate of its own takes the token rate its
column header names (or, where the header names only a direction, the rate the lines right before the
table name: "Prices per million tokens:"), and the direction (input, output, cached) of its header or,
failing that, of its row's label ("| API Input Price | $5 |"); the row's label may name the rate too, where the
columns are models ("| Input price (per 1M tok) | $1.00 | $0.15 |").

Only tables whose header row is followed by a separator row ("|---|---|") are read. One pass over the
lines with figures: cost grows with the text. The rate words are data (``grammar_words.csv``, role
``table_rate``; directions: ``rate_direction``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from .attribute.measure_words import direction_word, directions
from .recognise import Figure

_SEPARATOR = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*$")
_EMPTY_CELL = re.compile(r"(?i)(?<![\w/])(?:n/?a|–|—|-)(?![\w/])")  # "Model B n/a $2.00 $0.05": a cell left empty
_GLUED = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")  # a lower-case letter right before a capital: two glued cells
_PER_BEFORE = re.compile(r"(?:\bper|\bpro|\bje|/)\s*$")  # on lower-cased text
_CENTS_THEN_CELL = re.compile(r"\d{1,3}[.,]\d\d(?=\d+[KkMm]$)")  # "$75.00200K": a price's cents, then the next cell ("200K")
ROW_CHARS = 4000  # a table row is shorter: a longer line is read as prose, and costs each figure no more than this
CAPTION_CHARS = 300  # how far before a table its caption may name the rate ("Prices per million tokens:")


@lru_cache(maxsize=1)
def _rates() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(pattern, re.IGNORECASE), per) for pattern, per in lexicon.load().word_values("table_rate").items()]


def _rate(text: str) -> str:
    """The token rate a header or caption names ("per 1M tokens" -> "1M tokens"), or ""."""
    return next((per for pattern, per in _rates() if pattern.search(text)), "")


def rate_at(lower: str, pos: int) -> str:
    """The token rate named right at ``pos`` ("per 1M tokens" after "USD 15/75 (input/output) "), or ""."""
    return next((per for pattern, per in _rates() if pattern.match(lower, pos)), "")


def _direction(text: str) -> str:
    found = {directions().get(m.group().lower(), "") for m in direction_word().finditer(text)}
    found.discard("")
    return found.pop() if len(found) == 1 else ""


def _cells(line: str) -> list[str]:
    """The cells of a table row, without the outer pipes."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return inner.split("|")


def _line_span(text: str, pos: int) -> tuple[int, int]:
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
        a, b = _line_span(text, pos - 1)
        line = text[a:b]
        if _SEPARATOR.match(line):
            ha, hb = _line_span(text, a - 1) if a > 0 else (0, 0)
            found = (_cells(text[ha:hb]), ha) if a > 0 and "|" in text[ha:hb] else None
            break
        if "|" not in line:
            break
        pos = a
    else:
        found = memo.get(pos)
    for v in visited:
        memo[v] = found
    return found


def carry_headers(figures: list[Figure], text: str) -> None:
    """Give money figures in table cells the token rate and direction of their column (in place)."""
    if "|" not in text or "-|" not in text and "|-" not in text:
        return
    headers: dict[int, tuple[list[str], int] | None] = {}  # row start -> its table's header
    for fig in figures:
        if fig.kind != "money" or fig.per and (fig.direction or "tokens" not in fig.per):
            continue  # a cell that names its own token rate ("| $5 / MTok |") still takes its column's direction
        span = _short_line(text, fig.start, ROW_CHARS)
        if span is None:
            continue
        a, b = span
        line = text[a:b]
        if line.count("|") < 2:
            continue
        found = headers[a] if a in headers else _header(text, a, headers)
        if found is None:
            continue
        header, table_start = found
        column = text.count("|", a, fig.start) - (1 if line.lstrip().startswith("|") else 0)
        head = header[column] if 0 <= column < len(header) else ""
        label = _cells(line)[0] if column > 0 else ""  # "| Input price (per 1M tok) | $1.00 | $0.15 |"
        own = _rate(head) or _rate(label)
        rate = own or _rate(text[max(0, table_start - CAPTION_CHARS):table_start])
        direction = _direction(head) or _direction(label)
        if fig.per:
            fig.direction = direction
        elif rate and (direction or own):
            fig.per, fig.direction = rate, fig.direction or direction


def column_head(text: str, pos: int, memo: dict[int, tuple[list[str], int] | None]) -> tuple[int, int, int] | None:
    """The span of the header cell above the pipe-table cell at ``pos`` and the span of its row's first cell,
    as (head start, head end, row label end), or None outside a table or in its first column. A comparison table
    names its models in the header ("| | Gemini 3.1 Pro | Claude Opus 4.6 |"): each column is one model's.
    ``memo`` is shared with the rate walk, so each table is walked once."""
    span = _short_line(text, pos, ROW_CHARS)
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
    lead = 1 if line.lstrip().startswith("|") else 0
    column = text.count("|", a, pos) - lead
    if not 0 < column < len(header):
        return None
    head_line = text[table_start:_line_span(text, table_start)[1]]
    start = table_start + (head_line.index("|") + 1 if head_line.lstrip().startswith("|") else 0)
    start += sum(len(cell) + 1 for cell in header[:column])
    label_end = text.find("|", a + line.index("|") + 1) if lead else text.find("|", a)
    return start, start + len(header[column]), label_end


LIST_LINE_CHARS = 80  # a line of a price list laid out without pipes ("Input$0.30", "Cache Read: $0.075")
LABEL_CHARS = 30  # what such a line holds besides its amount: a label ("Cached input:"), no sentence
RATE_MAX = 1000  # a price per million tokens above this is no token price (a round, a chip, a salary)


def _short_line(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The span of the line around ``pos`` if it is at most ``limit`` long, else None; both searches are
    bounded, so a text of one long line costs each figure ``limit``, not the line's length."""
    a = text.rfind("\n", max(0, pos - limit), pos) + 1
    if a == 0 and pos > limit:
        return None
    b = text.find("\n", pos, a + limit + 1)
    b = len(text) if b < 0 and len(text) - a <= limit else b
    return (a, b) if b >= 0 else None


def carry_list_heads(figures: list[Figure], text: str) -> None:
    """Give money figures on the short lines under a heading line that names a token rate ("Token Type Price
    per 1M tokens", then "Input$0.30", "Output$2.50": a table that lost its pipes) that rate (in place).
    Only a line of a label and one small amount counts; the block is the run of such lines right under the
    heading, each walked once (``memo``)."""
    spans = {id(f): _short_line(text, f.start, LIST_LINE_CHARS) for f in figures if f.kind == "money"}
    priced = {span[0] for span in spans.values() if span}  # line starts that hold an amount
    memo: dict[int, str] = {}  # line start -> the rate of its block's heading, or ""
    for fig in figures:
        span = spans.get(id(fig))
        if span is None or fig.per or fig.value > RATE_MAX or "|" in text[span[0]:span[1]]:
            continue  # a pipe table's row is read by :func:`carry_headers`
        label = (text[span[0]:fig.start] + text[fig.end:span[1]]).strip()
        if len(label) <= LABEL_CHARS and not any(ch.isdigit() for ch in label):
            fig.per = memo[span[0]] if span[0] in memo else _list_head(text, span[0], memo, priced)
    _carry_glued_rows(figures, text, spans)


def _carry_glued_rows(figures: list[Figure], text: str, spans: dict[int, tuple[int, int] | None]) -> None:
    """A table that lost its pipes and spaces ("ModelInput /M tokensOutput /M tokensContext", then "Claude 3
    Opus$15.00$75.00200K"): under a heading line that names a token rate and its directions in order, each short
    line's amounts take the rate, the k-th amount the k-th direction (in place). Only lines of two or more
    amounts, right under the heading or under such lines, and only as many amounts as the heading has directions;
    an empty cell counts as one ("Model B n/a $2.00 $0.05": $2.00 is the second direction)."""
    rows: dict[int, list[Figure]] = {}
    for fig in figures:
        span = spans.get(id(fig))
        if span and not fig.per and "|" not in text[span[0]:span[1]]:
            rows.setdefault(span[0], []).append(fig)
    heads: dict[int, tuple[str, list[str]]] = {}  # line start -> (rate, directions) of its block's heading
    for start in sorted(s for s, row in rows.items() if len(row) >= 2):
        if start not in heads:  # a block's first line: its heading read, and its lines walked, once
            head = _glued_head(text, start, rows)
            heads.update((a, head) for a, _ in _block_lines(text, start, rows))
        rate, order = heads[start]
        row = sorted(rows[start], key=lambda f: f.start)
        cells = [k + len(_EMPTY_CELL.findall(text, start, fig.start)) for k, fig in enumerate(row)]  # "n/a" counts
        if rate and cells[-1] < len(order):
            for fig, k in zip(row, cells):
                _cut_at_cents(fig, text)  # "$75.00200K", a price glued to the next cell, read as 75002
                if fig.value <= RATE_MAX:
                    fig.per, fig.direction = rate, fig.direction or order[k]


def _cut_at_cents(fig: Figure, text: str) -> None:
    """A price glued to the next cell of its row ("Claude 3 Opus$15.00$75.00200K", read as $75,002): a price's
    cents end its number, so the figure ends there and is worth what it says ($75.00). Left alone where its
    number has no cents followed by more digits (in place)."""
    cents = _CENTS_THEN_CELL.search(text[:fig.end], fig.start)  # "$0.125" (a cached price) has no cell after it
    if cents is not None:
        fig.end, fig.value = cents.end(), float(cents.group().replace(",", "."))


def _block_lines(text: str, start: int, rows: dict[int, list[Figure]]) -> list[tuple[int, int]]:
    """The line at ``start`` and the lines right under it that hold two or more amounts."""
    out, pos = [], start
    while pos in rows and len(rows[pos]) >= 2:
        a, b = _line_span(text, pos)
        out.append((a, b))
        pos = b + 1
    return out


def _glued_head(text: str, start: int, rows: dict[int, list[Figure]]) -> tuple[str, list[str]]:
    """The rate and the directions in order named by the heading above a block of glued rows, or ("", [])."""
    pos = start
    while pos > 0:
        a, b = _line_span(text, pos - 1)
        if not (a in rows and len(rows[a]) >= 2):
            line = text[a:b]
            if b - a > LIST_LINE_CHARS or not line.strip():
                return "", []
            cells = _GLUED.sub(" ", line)  # "ModelInput /M tokensOutput": cells glued where a capital follows
            order = [directions().get(m.group().lower(), "") for m in direction_word().finditer(cells)]
            return _rate(line), [d for d in order if d]
        pos = a
    return "", []


def _list_head(text: str, line_start: int, memo: dict[int, str], priced: set[int]) -> str:
    """The rate the heading above a short line's block names, or ""; every line walked is memoised."""
    pos, visited, rate = line_start, [line_start], ""
    while pos > 0:
        a, b = _line_span(text, pos - 1)
        line = text[a:b]
        if a in memo:
            rate = memo[a] if a in priced else ""
            break
        if not line.strip() or b - a > LIST_LINE_CHARS:
            break
        if a not in priced:
            rate = _rate(line)
            break
        visited.append(a)
        pos = a
    for v in visited:
        memo[v] = rate
    return rate


CAPTION_LINES = 12  # how many lines of prices a caption ending in a colon may head


def carry_captions(figures: list[Figure], text: str) -> None:
    """Give small money amounts on the lines under a caption that names a token rate and ends with a colon, or
    under a Markdown heading that names one ("Here is the current pricing landscape (per million tokens):", then
    "GPT-4o: $2.50 input / $10.00 output - Claude 3.5 Sonnet: …"; "### Claude Haiku 4.5 price per 1M tokens")
    that rate (in place). Unlike :func:`carry_list_heads` the lines may be long (a list flattened into prose);
    the colon or the heading is what says a list follows. Every line between the caption and the amount must
    hold an amount or be blank; each line is walked once (``memo``)."""
    lines = {f.start: _line_span(text, f.start) for f in figures if f.kind == "money"}
    large = {lines[f.start][0] for f in figures if f.kind == "money" and f.value > RATE_MAX}
    priced = {span[0] for span in lines.values()} - large  # a line with a round or a revenue is no price list's
    memo: dict[int, str] = {}  # line start -> the rate of the caption above its run of priced lines, or ""
    for fig in figures:
        if fig.kind != "money" or fig.per or fig.value > RATE_MAX:
            continue
        start = lines[fig.start][0]
        fig.per = memo[start] if start in memo else _caption_rate(text, start, memo, priced)


def _caption_rate(text: str, line_start: int, memo: dict[int, str], priced: set[int]) -> str:
    """The rate the caption above a priced line's run names, or "" (see :func:`carry_captions`)."""
    pos, visited, rate = line_start, [line_start], ""
    while pos > 0 and line_start in priced and len(visited) <= CAPTION_LINES:
        a, b = _line_span(text, pos - 1)
        if a in memo:
            rate = memo[a]
            break
        line = text[a:b].strip()
        if not line:  # "Prices per 1M tokens:", a blank line, then the list
            pos = a
            continue
        if a not in priced:
            rate = _rate(line) if line.endswith(":") or line.startswith("#") else ""
            break
        visited.append(a)
        pos = a
    for v in visited:
        memo[v] = rate
    return rate


def denominator(lower: str, start: int) -> bool:
    """Whether a token count at ``start`` is a rate's denominator ("per 1M tokens" in a table header, where
    no amount stands before it): no count of tokens."""
    return _PER_BEFORE.search(lower, max(0, start - 8), start) is not None
