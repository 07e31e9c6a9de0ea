"""Where a figure stands: its sentence, the clauses around it and the mentions in them.

The windows run from narrow to wide: the noun a relative clause speaks of,
the figure's own clause, the relative clauses after it, then the rest of the
sentence without the clauses that open a comparison (they name the *other*
side). Sentences are split into clauses once, and each figure's windows are
computed once and shared by every question about it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ... import lexicon
from ..recognise import Figure
from ..segment import Clause, Segmenter, clauses
from .causes import cause_word
from .mentions import Mention, breaks_phrase

Spans = list[tuple[int, int]]
Window = tuple[Spans, str]  # (spans, how to pick)


@dataclass(slots=True)
class Place:
    """Where a figure stands: its sentence and the windows searched around it (computed once per figure)."""

    sentence: int
    span: tuple[int, int]
    windows: list[Window]  # (spans, how to pick), narrow to wide
    mentions: dict[int, list[Mention]]  # window index -> its mentions, filled as needed (shared by the figures of a
    # clause when none of them holds a mention)


class Places:
    """The places of one article's figures, and the mentions inside them (clauses and places cached)."""

    def __init__(self, text: str, seg: Segmenter, lower: str, mentions: list[Mention], starts: list[int],
                 figures: list[Figure]):
        self.text = text
        self.seg = seg
        self.lower = lower
        self.mentions = mentions
        self.starts = starts
        self.figure_spans = [(f.start, f.end) for f in figures]
        self.chip_spans = [(f.start, f.end) for f in figures if f.unit == "chips"]  # counts of chips ("50,000 Nvidia GPUs")
        self.figure_starts = [f.start for f in figures]
        self._clause_cache: dict[int, list[Clause]] = {}
        self._place_cache: dict[tuple[int, int], Place] = {}
        self._window_cache: dict[tuple[int, int], list[Window]] = {}  # (sentence, own clause) -> windows
        self._mention_cache: dict[tuple[int, int], dict[int, list[Mention]]] = {}  # the same -> the windows' mentions

    def clauses(self, sentence: int) -> list[Clause]:
        """The sentence's clauses (figures are never split); a relative clause after a comparison belongs to it."""
        if sentence not in self._clause_cache:
            a, b = self.seg.sentence_span(sentence)
            i, j = bisect.bisect_left(self.figure_starts, a), bisect.bisect_left(self.figure_starts, b)
            protect = self.figure_spans[i:j]
            self._clause_cache[sentence] = _fixed(self.text, self.lower, clauses(self.text, a, b, protect, self.lower))
        return self._clause_cache[sentence]

    def mentions_in(self, spans: Spans, fig: Figure) -> list[Mention]:
        """Mentions inside ``spans`` (in order), leaving out any inside the figure itself."""
        starts, mentions = self.starts, self.mentions
        inside_from, inside_to = bisect.bisect_left(starts, fig.start), bisect.bisect_left(starts, fig.end)
        out: list[Mention] = []
        for a, b in spans:
            i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
            out += mentions[i:min(j, inside_from)]
            out += mentions[max(i, inside_to):j]
        return out

    def place(self, fig: Figure) -> Place:
        """The figure's sentence and search windows, computed once and shared by every question about it."""
        key = (fig.start, fig.end)
        found = self._place_cache.get(key)
        if found is None:
            found = self._place_cache[key] = _new_place(self, fig)
        return found

    def window_mentions(self, place: Place, k: int, fig: Figure) -> list[Mention]:
        """The mentions in window ``k`` of the figure's place, found once."""
        ms = place.mentions.get(k)
        if ms is None:
            ms = place.mentions[k] = self.mentions_in(place.windows[k][0], fig)
        return ms


def _fixed(text: str, lower: str, raw: list[Clause]) -> list[Clause]:
    """The clauses as attribution reads them: a "relative" clause without a verb is an apposition ("das Startup Aleph
    Alpha,"), a comparison marker before a gerund opens none ("while costing just $4.6M"), and a relative clause after
    a comparison belongs to it."""
    fixed: list[Clause] = []
    for c in raw:
        if c.relative and not _has_verb(text[c.start:c.end].split()[1:]):
            c = Clause(c.start, c.end, c.comparison, False)
        if c.comparison and nonfinite(text, lower, c):
            c = Clause(c.start, c.end, False, c.relative)
        if c.relative and fixed and fixed[-1].comparison:
            c = Clause(c.start, c.end, True, True)
        fixed.append(c)
    return fixed


@lru_cache(maxsize=1)
def place_adverb() -> re.Pattern[str]:
    """A place word that is an adverb or adjective (grammar_words ``place_adverb``: "weltweit", "global"), which no
    relative pronoun stands for ("das erste Unternehmen weltweit, das …")."""
    return re.compile(lexicon.in_order(lexicon.load().words("place_adverb")), re.IGNORECASE)


def in_count(places: Places, m: Mention) -> bool:
    """Whether a mention stands inside a count of chips ("50,000 Nvidia Hopper GPUs"): the chips' maker, which
    owns neither the count nor, as an earlier sentence's topic, the figures after it."""
    k = bisect.bisect_right(places.chip_spans, (m.start, len(places.text))) - 1
    return k >= 0 and places.chip_spans[k][1] >= m.end


def _new_place(places: Places, fig: Figure) -> Place:
    """The figure's place. A clause's windows, and when no figure of it holds a mention their mentions, are the
    same for all its figures: made once and shared (no caller changes them); only a relative clause's windows
    depend on where the figure stands in it."""
    s = places.seg.sentence_index(fig.start)
    cls = places.clauses(s)
    i = _own_clause(cls, fig)
    mentions: dict[int, list[Mention]] = {}
    if cls[i].relative and i > 0:
        windows = _windows(cls, i, fig, places.text, places.lower)
    else:
        windows = places._window_cache.get((s, i))
        if windows is None:
            windows = places._window_cache[(s, i)] = _windows(cls, i, fig, places.text, places.lower)
        if bisect.bisect_left(places.starts, fig.start) == bisect.bisect_left(places.starts, fig.end):
            mentions = places._mention_cache.setdefault((s, i), {})
    return Place(s, places.seg.sentence_span(s), windows, mentions)


@lru_cache(maxsize=1)
def _nonfinite() -> re.Pattern[str]:
    """A clause's first words that make it one without a subject of its own (grammar_words ``nonfinite_clause``)."""
    return re.compile(lexicon.in_order(lexicon.load().words("nonfinite_clause")))


def _lead(lower: str, c: Clause) -> int:
    """Where the clause's first word starts."""
    body = lower[c.start:c.end]
    return c.start + len(body) - len(body.lstrip(" ,;:–—(\n\"'“”„"))


def nonfinite(text: str, lower: str, c: Clause) -> bool:
    """Whether the clause opens with a gerund ("costing just $4.6M", "after raising $600 million"): its subject is
    the main clause's (``lower``: the article lower-cased). The gerund is written in lower case: "while Boeing
    slipped" and a German noun ("Leasing brachte") open none."""
    m = _nonfinite().match(lower, _lead(lower, c))
    return m is not None and text[m.end() - len(m.group().split()[-1])].islower()


@lru_cache(maxsize=1)
def _infinitive_end() -> re.Pattern[str]:
    """A German clause's last words that make it an infinitive one (grammar_words ``infinitive_clause_end``)."""
    return re.compile(rf"(?:{lexicon.in_order(lexicon.load().words('infinitive_clause_end'))})[\s.,;:!?)\"'“”]*\Z")


def infinitive(lower: str, c: Clause) -> bool:
    """Whether the clause ends with its infinitive and "zu" ("…, rund 80 Milliarden Dollar in Rechenzentren zu
    investieren"): like a gerund's, its subject is the main clause's."""
    return _infinitive_end().search(lower, c.start, c.end) is not None


def _main_clause(text: str, lower: str, c: Clause) -> bool:
    """Whether a clause before a gerund's can hold its subject: not a relative or comparison clause, no gerund's of
    its own, and no cause phrase ("Despite OpenAI advising investors to avoid rivals, Nvidia joined the round,
    committing $2 billion": Nvidia)."""
    return not c.relative and not c.comparison and not nonfinite(text, lower, c) and not infinitive(lower, c) \
        and not cause_word().match(lower, _lead(lower, c))


def _has_verb(words: list[str]) -> bool:
    """Whether the words after a relative pronoun hold a verb: a German relative clause ends with one
    ("die Unternehmen wie OpenAI ausgeben"); an apposition ("das Heidelberger Startup Aleph Alpha") has none."""
    last = words[-1].strip(".,;:!?\"'„“”()") if words else ""
    return bool(last[:1].islower()) or any(breaks_phrase(w) for w in words)


def _own_clause(cls: list[Clause], fig: Figure) -> int:
    """Index of the clause that holds the figure's start (the first, at a boundary)."""
    for k, c in enumerate(cls):
        if c.start <= fig.start <= c.end:
            return k
    return 0


def _windows(cls: list[Clause], i: int, fig: Figure, text: str, lower: str) -> list[Window]:
    """The windows searched around the figure, narrow to wide, from its sentence's clauses (``i``: its own).
    Only a relative clause's windows depend on the figure's place in it; the rest are the clause's."""
    own = cls[i]
    wins: list[Window] = []
    if own.relative and i > 0:
        # "..., das 500 Milliarden Dollar investieren soll": the relative
        # pronoun stands for the noun before the comma: the last one named there ("antecedent")
        wins.append(([(own.start, fig.start)], "near"))
        wins.append(([(cls[i - 1].start, cls[i - 1].end)], "antecedent"))
    wins.append(([(own.start, own.end)], "subject"))
    if not own.relative and i > 0 and (nonfinite(text, lower, own) or infinitive(lower, own)):  # "…, costing just $4.6M to train": the subject
        main = [(c.start, c.end) for c in _since_semicolon(cls[:i], lower)  # of the clauses before it (after the
                if _main_clause(text, lower, c)]  # last semicolon), not the name nearest before it
        wins.extend([(main, "main")] if main else [])
    k = i + 1
    rel = []
    while k < len(cls) and cls[k].relative:
        rel.append((cls[k].start, cls[k].end))
        k += 1
    if rel:
        wins.append((rel, "near"))
    rest = [(c.start, c.end) for k2, c in enumerate(cls) if k2 != i and not c.comparison]
    main = [(c.start, c.end) for k2, c in enumerate(cls) if k2 != i and not c.comparison and not c.relative]
    if main and len(main) < len(rest):
        # "Nvidia, dessen größter Kunde Microsoft ist, steigerte den Umsatz": the main clause before a relative one
        wins.append((main, "near"))
    wins.append((rest, "near"))
    return wins


def _since_semicolon(cls: list[Clause], lower: str) -> list[Clause]:
    """The clauses after the last one a semicolon ends: the sentence's part that a clause after them depends on."""
    k = len(cls) - 1
    while k > 0 and ";" not in lower[cls[k - 1].end:cls[k].start]:
        k -= 1
    return cls[k:]


def previous_figure_ends(places: Places, fig: Figure, since: int) -> list[int]:
    """Ends of the article's figures between ``since`` and ``fig``, in order."""
    i, k = bisect.bisect_left(places.figure_starts, since), bisect.bisect_left(places.figure_starts, fig.start)
    return [end for _, end in places.figure_spans[i:k]]


def last_figure_start(places: Places, fig: Figure, until: int) -> int | None:
    """Where the last of the article's figures after ``fig`` and before ``until`` starts, or None."""
    k = bisect.bisect_left(places.figure_starts, until)
    return places.figure_starts[k - 1] if k > 0 and places.figure_starts[k - 1] > fig.start else None


def tier(m: Mention) -> int:
    """How strongly a mention claims a figure: a company that is no preposition's object (1) beats one
    that is, or a country or index (2), which beats a place after a preposition ("in China": 3); sectors last (4)."""
    if m.generic:
        return 4
    company = m.role not in ("place", "index")
    if company:
        return 2 if m.oblique else 1
    return 3 if m.oblique else 2


@lru_cache(maxsize=1)
def _subordinator() -> re.Pattern[str]:
    """A conjunction opening a clause, then the clause's first word (grammar_words role ``subordinator``)."""
    return re.compile(rf"(?:{lexicon.in_order(lexicon.load().words('subordinator'))})\s+(?=\S)")


def fronted_subject(places: Places, place: Place, ms: list[Mention], m: Mention | None) -> Mention | None:
    """For ``m``, picked in another clause of the figure's sentence (the nearest name before the figure): where that
    clause opens with a conjunction and a name right after it ("Nachdem Nvidia vergangene Woche Microsoft den Rang
    abjagte, ist der Börsenwert um 430 Milliarden US-Dollar gesunken"), that name, the clause's subject, not a later
    one (an object); else ``m``."""
    clause = next((c for c in places.clauses(place.sentence) if c.start <= m.start < c.end), None) if m else None
    lead = _subordinator().match(places.lower, _lead(places.lower, clause)) if clause else None
    first = next((x for x in ms if lead and lead.end() <= x.start < m.start), None) if lead else None
    return first if first is not None and first.start == lead.end() and tier(first) <= tier(m) else m


def pick(ms: list[Mention], fig: Figure, subject: bool = False, bounds: list[int] = (),
         last_start: int | None = None) -> Mention | None:
    """The mention a figure belongs to: the strongest tier first; within it, in the figure's own clause
    (``subject``) the first before the figure (the clause's subject), elsewhere the nearest before it;
    else the nearest after it. ``bounds`` are the ends of the clause's earlier figures: the mentions
    since the last of them that names a subject are the figure's own ("Broadcom dropped 17.4% and Oracle lost 13.8%").
    A name after this figure with another figure of the clause after it (before ``last_start``, the clause's
    last figure) is that figure's, where a name stands before this one ("with Meta shares down 3.18% to $573
    and Microsoft shares down 3.71%")."""
    for bound in reversed(bounds):
        if any(bound <= m.start < fig.start and not m.oblique for m in ms):
            ms = [m for m in ms if m.start >= bound]
            break
    if last_start is not None and any(m.start < fig.start for m in ms):
        ms = [m for m in ms if not fig.end <= m.start < last_start]
    best: Mention | None = None
    best_key: tuple[int, int, int] | None = None
    for m in ms:
        if m.start < fig.start:
            key = (tier(m), 0, m.start if subject else -m.start)
        elif m.start >= fig.end:
            key = (tier(m), 1, m.start)
        else:
            continue
        if best_key is None or key < best_key:
            best, best_key = m, key
    return best
