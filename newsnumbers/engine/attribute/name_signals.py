"""Companies the lexicon lacks, named by what only a company is or does: it has shares, it reports results,
a noun of its trade stands before its name.

A results story from a new outlet is mostly about a company no lexicon holds ("Shares in Darktrace fell 18%",
"Der Kamerahersteller Zentrix steigerte den Umsatz", "Die Zentrix-Aktie stieg", "Zentrix posted revenue of
£60m"). Without its name every figure of the article goes to a place or a company named in passing. The
signals, each a pattern built from ``grammar_words.csv`` roles, and the kind of dictionary check each asks for:

- ``head``: a noun of a trade right before the name: "Kamerahersteller Zentrix", "des Chipkonzerns Zentrix"
  (the noun as a compound's last part), "cybersecurity group Zentrix", "chipmaker Zentrix";
- ``shares``: the name's shares: "Zentrix shares", "shares in Zentrix", "Die Zentrix-Aktie", "Aktien von Zentrix";
  a person's title after it ("Zentrix-Chef Hans Müller", "Zentrix CEO Jane Doe") counts the same;
- ``possessive``: a title, a round or a result after the name's possessive ("Zentrix's chief", "Zentrix's revenue");
- ``results``: the name opens a sentence or a line and reports results or a move of its shares ("Zentrix posted",
  "Zentrix steigerte", "Zentrix hat im Quartal den Umsatz gesteigert", "Zentrix rose 6%"), or stands with its
  results ("der Umsatz von Zentrix", "Zentrix Umsatz", "the valuation of Zentrix");
- ``subject``: the name opens a sentence and announces, plans, invests, buys or is valued ("Zentrix will invest");
- ``inverted``: in German, the name right after such a verb where another phrase opens the sentence ("So erhielt
  Zentrix 18 Mio."). Subjects and inverted names must not be a person's (:func:`.recurring_names.a_person`);
- a clause's subject after its conjunction reporting results (", while Zentrix dropped 12%") counts as ``results``;
- ``gapped``: a list's item whose verb is left out, its name right before its figure after the list's first figure
  ("Robinhood fiel um 20 %, Zentrix um 17 %", "Palantir fell 4%, Zentrix 12%"); checked as results are.
Results, subjects and possessives are no ticker or code in capitals ("CRWV rose"); a name in capitals before an
amount is a currency code ("revenue of RMB 2.9 billion").

The candidates are raw: :mod:`.new_names` cleans them and keeps those its dictionary checks allow.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ... import lexicon
from .name_words import POSSESSIVE_END, QUOTES_CLOSE, QUOTES_OPEN, _first_letter_first

# One to four capitalised words, one space (or " + ", " & ": "Huber + Suhner") apart, with no word or hyphen before
# them. Unlike new_names' words, a word holds no apostrophe: "Raspberry Pi's IPO" is the name, "'s", then "IPO". Each
# word is read at once (possessive) and the lookbehind follows the first letter, so the engine skips in C to capitals.
NAME_REST = r"[\w&.-]*+(?<=[\w&])"
NAME_MORE = rf"(?:[ ](?:[+&][ ])?[A-ZÄÖÜ]{NAME_REST}){{0,3}}"
_NAME = rf"[A-ZÄÖÜ](?<![\w&-].){NAME_REST}{NAME_MORE}"
# the same, opening a line or a sentence, perhaps in quotes ("„Refurbed“ verbuchte 50 Millionen Euro")
_OPENS = (rf"[A-ZÄÖÜ](?:(?<![^\n].)|(?<=[.!?:•][ ].)|(?<=[{re.escape(QUOTES_OPEN)}].)(?:(?<![^\n].{{2}})|(?<=[.!?:•][ ]..)))"
          rf"{NAME_REST}{NAME_MORE}")
_CLOSE = rf"[{re.escape(QUOTES_CLOSE)}]?"  # the closing quote of a quoted name
_QUOTE = rf"[{re.escape(QUOTES_OPEN)}]?"  # the opening quote of a quoted name after a word ("und „Easelink“ 11,5 Mio.")



class Signal(NamedTuple):
    start: int
    end: int
    name: str
    kind: str  # head, shares, results, subject, inverted or gapped: how the name's dictionary check is done (new_names)


_NAME_BEFORE = re.compile(rf"(?P<name>{_NAME})\Z")  # a name that ends where a searched window ends
NAME_CHARS = 80  # how far before the words after it a name may start


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], tuple[tuple[str, re.Pattern[str]], ...]]:
    """(kind, pattern) of the signals whose words stand before the name (group ``name``), and of those whose words
    follow it (the name is then looked for right before them: a pattern that opened with the name was entered at
    every capital of a German text). The words of both languages are read in either, as German articles quote
    English ones."""
    lex = lexicon.load()

    def words(role: str, before: str) -> str:
        """The role's words, each branch opening with its first letter and ``before`` (what may not precede it)
        checked after that letter: the engine skips in C to the letters a word can start with."""
        rows = lex.words(role)
        return _first_letter_first(rows, before) or f"(?<!{before}){lexicon.in_order(rows)}"

    anything, word, not_space, not_gap = r"[^\s\S]", r"[\w-]", r"[^ ]", r"[^ -]"  # what may not stand before the word
    partner = (rf"(?:\ (?:{lexicon.in_order(lex.words('subject_partner'))})\ {_QUOTE}(?P<name2>{_NAME}){_CLOSE})?"  # "und Quorvix"
               rf"(?:\ (?:{lexicon.in_order(lex.words('subject_each'))}))?")  # "each"
    filler = lexicon.in_order(lex.words("gapped_link") + lex.words("gapped_filler") + [r["pattern"] for r in lex.qualifiers])
    first = (("head", re.compile(rf"{words('company_head', anything)}\ (?P<name>{_NAME})(?![\w-])")),  # "Kamerahersteller Zentrix"
             ("shares", re.compile(rf"{words('share_word_before', word)}\ (?P<name>{_NAME})(?![\w-])")),  # "shares in Zentrix"
             ("results", re.compile(rf"{words('results_word_before', word)}\ (?P<name>{_NAME})(?![\w-])")),  # "Umsatz von Zentrix"
             ("results", re.compile(rf"(?P<name>{_OPENS}){_CLOSE}{partner}\ {words('results_verb', anything)}(?![\w-])")),  # "Zentrix posted"
             ("subject", re.compile(  # "Zentrix will"
                 rf"(?P<name>{_OPENS}){_CLOSE}(?:,[^,.\n]{{1,90}},)?\ {words('subject_verb', anything)}(?![\w-])")),
             ("inverted", re.compile(rf"{words('verb_before_name', word)}\ (?P<name>{_NAME})"  # "So erhielt Zentrix 18 Mio."
                                    rf"(?=\ {lexicon.in_order(lex.words('name_after_verb'))}(?:(?<=\d)|(?![\w-])))")),
             ("results", re.compile(  # "…, while Zentrix dropped 12%": a clause's subject after its conjunction
                 rf"{words('clause_opener', word)}\ {_QUOTE}(?P<name>{_NAME}){_CLOSE}{partner}\ "
                 rf"(?:{lexicon.in_order(lex.words('results_verb') + lex.words('funding_verb'))})(?![\w-])")),
             ("gapped", re.compile(  # "Robinhood fiel um 20 %, Zentrix um 17 %": the name of a list's figure, its verb left out
                 rf"(?:,|\ {words('coordination', word)}|\ {words('clause_opener', word)})\ {_QUOTE}(?P<name>{_NAME}){_CLOSE}"
                 rf"(?:\ \(|\ (?:(?:{filler})\ ){{0,3}})(?={_figure_ahead(lex)})")))  # "Zentrix sogar über 6 %", "Zentrix (-5 %)"
    then = (("shares", re.compile(rf"{words('share_word_after', not_gap)}(?![\w-])")),  # "Zentrix shares", "Zentrix-Aktie"
            ("results", re.compile(rf"{words('results_word_after', not_gap)}(?![\w-])")),  # "Zentrix Umsatz", "Zentrix-Gewinn"
            ("shares", re.compile(rf"{words('title_after_name', not_gap)}\ [A-ZÄÖÜ]")),  # "Zentrix-Chef Hans Müller"
            ("possessive", re.compile(rf"{words('title_after_possessive', not_space)}(?![\w-])")))  # "Sakura Internet's chief"
    return first, then


def _figure_ahead(lex: lexicon.Lexicon) -> str:
    """A figure of money or percent right ahead: a sign, a currency before the number (``currencies.csv``), the number,
    then a scale (``scales.csv``), a percent word (grammar_words ``percent``) or a currency after it."""
    def rows(*positions: str) -> str:
        return "|".join(r["pattern"] for r in lex.currencies if r["position"] in positions)
    after = "|".join([r["pattern"] for r in lex.scales] + lex.words("percent") + [rows("suffix", "both")])
    return rf"[+\-−]?(?:(?:{rows('prefix', 'both')})\s?)?\d[\d.,']*\s?(?:{after})(?![\w-])"


def _possessive_before(text: str, at: int) -> bool:
    """Whether "'s " (or "’s ") stands right before ``at``."""
    return at >= 3 and POSSESSIVE_END.match(text, at - 3, at - 1) is not None


def trade_noun() -> re.Pattern[str]:
    """The signal of a trade's noun before a name ("Kamerahersteller Zentrix"), the first of :func:`_patterns`."""
    return _patterns()[0][0][1]


def _name_before(text: str, at: int) -> re.Match[str] | None:
    """The name right before the words at ``at``: before the space or hyphen there, or before a possessive's "'s "."""
    end = at - 3 if _possessive_before(text, at) else at - 1
    return _NAME_BEFORE.search(text, max(0, end - NAME_CHARS), end) if end > 0 else None


def after_trade_noun(name: str) -> str:
    """The name after a trade's noun that opens it ("US-Mutterkonzern Adtran": Adtran), else the name."""
    m = trade_noun().search(name)
    return m["name"] if m else name


def signalled_names(text: str) -> list[Signal]:
    """Every place a signal names a capitalised name, in the order of the signals (a sentence's opening words that
    hold a trade's noun, "Der Kamerahersteller Zentrix steigerte", are cut to the name by new_names' cleaning)."""
    first, then = _patterns()
    out = [Signal(*m.span(g), m.group(g), kind) for kind, pattern in first for m in pattern.finditer(text)
           for g in ("name", "name2") if g in pattern.groupindex and m.group(g)]  # "Zentrix und Quorvix meldeten": both
    cut, tail = _title_inside(), _results_tail()  # "Zentrix CEO Jane Doe will", "Zentrix Aktie stieg": the name ends before
    out = [Signal(s.start, s.start + t.start(), s.name[:t.start()], s.kind) if (t := cut.search(s.name) or tail.search(s.name))
           else s for s in out if not _code_or_owner(text, s) and (s.kind != "gapped" or _listed_before(text, s.start))]
    for kind, pattern in then:
        for m in pattern.finditer(text):
            if kind == "possessive" and not _possessive_before(text, m.start()):
                continue
            if name := _name_before(text, m.start()):
                out.append(Signal(name.start("name"), name.end("name"), name.group("name"), "shares" if kind == "shares" else kind))
    return out


_AMOUNT, _OWNER = re.compile(r"[ ]\d"), re.compile(r"['’]s\b")
_SENTENCE_END, LIST_CHARS = re.compile(r"[.!?]\s|\n"), 200  # how far back a gapped list's first figure may stand


def _listed_before(text: str, at: int) -> bool:
    """Whether a figure stands before ``at`` in its sentence: a name with its figure and no verb is a list's item
    ("Robinhood fiel um 20 %, Zentrix um 17 %") only after the list's first figure."""
    lo = max(0, at - LIST_CHARS)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, at)]
    return any(c.isdigit() for c in text[ends[-1] if ends else lo:at])


def _code_or_owner(text: str, s: Signal) -> bool:
    """Whether a signal's "name" is a currency code before an amount ("revenue of RMB 2.9 billion") or a name in the
    possessive, the owner of what follows ("the valuation of Musk's xAI")."""
    return bool(s.name.isupper() and _AMOUNT.match(text, s.end) or _OWNER.match(text, s.end))


@lru_cache(maxsize=1)
def _results_tail() -> re.Pattern[str]:
    """A name's last words that are its shares or results (``share_word_after``, ``results_word_after``): "Quorvia Aktie"."""
    lex = lexicon.load()
    return re.compile(rf"(?:[ ](?:{lexicon.in_order(lex.words('share_word_after') + lex.words('results_word_after'))}))+$")


@lru_cache(maxsize=1)
def _title_inside() -> re.Pattern[str]:
    """A person's title after a name's first word (``title_after_name``): "Zentrix CEO Jane Doe", "Zentrix-Chef Hans"."""
    return re.compile(rf"[ -](?:{lexicon.in_order(lexicon.load().words('title_after_name'))})(?![\w])")


@lru_cache(maxsize=1)
def _source_suffix() -> re.Pattern[str]:
    return re.compile(rf"\ (?:{lexicon.in_order(lexicon.load().words('name_suffix_source'))})$")


def name_role(name: str, text: str = "") -> str:
    """The role of a company the lexicon lacks: a source where its last word says research ("Mordor Intelligence"),
    whose figures are about others, unless the text calls it a company at one of its mentions (a company's noun right
    before it, "the start-up Ineffable Intelligence", "his new business, Ineffable Intelligence"; or a funding verb
    after it, "Physical Intelligence raised"); else a company."""
    if not _source_suffix().search(name):
        return "company"
    before, after = _company_cues()
    at = text.find(name)
    while at >= 0:
        if before.search(text, max(0, at - COMPANY_NOUN_CHARS), at) or after.match(text, at + len(name)):
            return "company"
        at = text.find(name, at + len(name))
    return "source"


COMPANY_NOUN_CHARS = 40  # how far before a name the company's noun may start ("his new business, ")


@lru_cache(maxsize=1)
def _company_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A company's noun right before a name (grammar_words ``company_noun``, ``company_noun_before``), perhaps with a
    comma; a funding verb after it and money after that (``funding_verb``, ``funding_verb_aux`` between; "is raising $1bn")."""
    lex = lexicon.load()
    nouns = lexicon.in_order(lex.words("company_noun") + lex.words("company_noun_before") + ["business", "lab"])
    aux, verbs = lexicon.in_order(lex.words("funding_verb_aux")), lexicon.in_order(lex.words("funding_verb"))
    research = "".join(rf"(?<!{w} )" for w in ("research", "analytics", "consulting", "analyst", "data"))  # "research firm X"
    return (re.compile(rf"(?<![\w-]){research}(?:{nouns}),?[ ]$"),
            re.compile(rf"(?:,[^,.\n]{{1,90}},)?[ ](?:(?:{aux}|is|was)[ ])*(?:{verbs}|raising)[ ](?:\S+[ ]){{0,2}}?[$€£¥\d]",
                       re.IGNORECASE))  # money right after: not "raised its forecast", "secured a contract"
