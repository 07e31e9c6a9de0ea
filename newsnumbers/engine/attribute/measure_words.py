"""The small words around a figure that the measure rules read: a new level ("auf", "to"), a change ("um",
"by"), a rate's direction ("input", "Eingabe"), a share ("30 Prozent seines Umsatzes"), a purpose ("für die
Entwicklung"). Each is compiled once per process from ``grammar_words.csv``."""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from ..recognise import Figure


def _words(role: str) -> str:
    """A grammar_words role as one regex alternation, longest forms first (every small-word pattern here reads one)."""
    return lexicon.in_order(lexicon.load().words(role))


def right_before(role: str) -> re.Pattern[str]:
    """The words of ``role`` as whole words ending right before a figure (searched on the text before it)."""
    return re.compile(rf"(?i)(?<![\w-]){_words(role)}\s+$")


@lru_cache(maxsize=1)
def level_word() -> re.Pattern[str]:
    """'auf', 'to' (and fillers like 'nur noch') right before a figure: it is the new level ("sank um X auf Y")."""
    lex = lexicon.load()
    return re.compile(rf"\b{lexicon.in_order(lex.words('level_word'))}\s+"
                      rf"(?:{lexicon.in_order(lex.words('level_filler'))}\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def governing_level() -> re.Pattern[str]:
    """A level noun with "von"/"of" right before a figure (perhaps with one hedge word: "von rund"): the noun that
    governs the figure says it is a level ("einen Marktwert von 4 Billionen ... und fiel zurück")."""
    lex = lexicon.load()
    return re.compile(rf"(?i){lexicon.in_order(lex.words('level_noun'))}(?:e?s)?\s+(?:von|of)\s+(?:[^\W\d]+\s+)?$")


@lru_cache(maxsize=1)
def beyond_forecast() -> re.Pattern[str]:
    """A comparison with a forecast right after a figure ("14% higher than Jefferies' forecast", "5 Prozent über den
    Erwartungen"): the figure is a gap to expectations."""
    forecast = _words('forecast_word')
    return re.compile(rf"""(?i)[ \t]*(?:\w+\s+)?   # higher, besser (on the figure's line)
        (?:than|als|über|unter|above|below)\s+      # the comparison
        (?:[\w'’.-]+\s+){{0,3}}?{forecast}\b      # a few words, then the forecast""", re.VERBOSE)


@lru_cache(maxsize=1)
def value_with() -> re.Pattern[str]:
    """"mit" right before a figure ("lag mit 25% unter den Erwartungen"): the figure is the value compared with a
    forecast, not the gap to it."""
    return right_before("value_with")


@lru_cache(maxsize=1)
def than_word() -> re.Pattern[str]:
    """"als"/"than" inside a comparison with a forecast after a money figure ("eine Milliarde Dollar weniger als
    vorhergesagt"): the money is a gap to expectations."""
    return re.compile(rf"(?i)(?<![\w-]){_words('than_word')}(?![\w-])")


@lru_cache(maxsize=1)
def governed_after() -> re.Pattern[str]:
    """What stands between a figure and the noun that governs it: "in", "of", "an", perhaps after a noun of
    change and with determiners or adjectives ("$15bn increase in its planned spending"); matched at the
    figure's end, the cue at the match's end decides."""
    lex = lexicon.load()
    change, prep, filler = (lexicon.in_order(lex.words(r)) for r in ("governed_change", "governed_after", "governed_filler"))
    return re.compile(rf"[ \t]+(?:(?:{change})[ \t]+)?(?:{prep})[ \t]+(?:(?:{filler})[ \t]+){{0,3}}", re.IGNORECASE)


@lru_cache(maxsize=1)
def governed_predicate() -> re.Pattern[str]:
    """A predicate adjective right after a figure ("3,25 Milliarden Dollar wert"): matched at the figure's end, the cue
    at the match's end governs the figure as the noun after "in"/"of" does (:func:`governed_after`)."""
    words = _words('governed_predicate')
    return re.compile(rf"[ \t]+(?=(?:{words})(?![\w-]))", re.IGNORECASE)


@lru_cache(maxsize=1)
def change_after() -> re.Pattern[str]:
    """A noun of change right after a percent ("a 9% increase", "9 Prozent Zuwachs"): it governs the figure, which is
    a change, not a level (``grammar_words.csv`` role ``change_after``)."""
    words = _words('change_after')
    return re.compile(rf"[ \t]+(?=(?:{words})(?![\w-]))", re.IGNORECASE)


@lru_cache(maxsize=1)
def for_direction() -> re.Pattern[str]:
    """") = $396 for output" right after a rate: the total it is multiplied into names its direction."""
    lex = lexicon.load()
    words = lexicon.in_order(sorted(directions(), key=len, reverse=True))
    return re.compile(rf"(?i)\)?\s*=\s*[^\s,;]{{1,16}}\s+(?:{lexicon.in_order(lex.words('rate_for'))})\s+(?P<d>{words})(?![\w-])")


@lru_cache(maxsize=1)
def governed_before() -> re.Pattern[str]:
    """The noun before "von"/"of" right before a figure, with the word before it ("anfänglichen Kursgewinnen von
    über 4 Prozent", "einem zusätzlichen Umsatz von"), on lower-case text searched up to the figure's start;
    group "noun" holds the words whose cues govern the figure. A filler may stand before the figure ("bei einem
    Jahresumsatz von gerade einmal 20 Milliarden Dollar")."""
    lex = lexicon.load()
    words, filler = lexicon.in_order(lex.words("governed_before")), lexicon.in_order(lex.words("level_filler"))
    return re.compile(rf"(?P<noun>(?:[^\W\d_][\w-]*[ \t]+)?[^\W\d_][\w-]*)[ \t]+(?:{words})[ \t]+(?:{filler}[ \t]+)?$")


@lru_cache(maxsize=1)
def governed_before_tail() -> re.Pattern[str]:
    """The end of :func:`governed_before` alone ("von " right before the figure, or "von gerade einmal "): where it
    is not found, neither is the whole. Why: the whole opens with a word, so it is entered at every letter of the 48
    characters searched, for every figure; this one opens with a space, and most figures have no "von"/"of" before them."""
    lex = lexicon.load()
    words, filler = lexicon.in_order(lex.words("governed_before")), lexicon.in_order(lex.words("level_filler"))
    return re.compile(rf"[ \t]+(?:{words})[ \t]+(?:{filler}[ \t]+)?$")  # the whole's end, its filler too


@lru_cache(maxsize=1)
def figure_fence() -> re.Pattern[str]:
    """A conjunction after a figure that opens the next figure's phrase ("… and net income climbing to …")."""
    return re.compile(rf"(?<![\w-])(?:{_words('figure_fence')})(?![\w-])")


@lru_cache(maxsize=1)
def change_word() -> re.Pattern[str]:
    """"um"/"by" right before a figure (perhaps with a qualifier: "um über 200 Mrd."): it is a change; not after a
    participle that makes "by" name an agent ("followed by $2 billion more from Google", ``change_word_agent``)."""
    lex = lexicon.load()
    agents = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in lex.words("change_word_agent"))
    return re.compile(rf"(?i)\b{agents}{lexicon.in_order(lex.words('change_word'))}\s+"
                      rf"(?:{lexicon.in_order(lex.words('level_filler'))}\s+)?$")


@lru_cache(maxsize=1)
def directions() -> dict[str, str]:
    return {w.lower(): v for w, v in lexicon.load().word_values("rate_direction").items()}


@lru_cache(maxsize=1)
def direction_word() -> re.Pattern[str]:
    """A rate direction at a word start ("Input-Preis", "input price", "Eingabepreis")."""
    return re.compile(rf"(?i)(?<![^\W_]){lexicon.in_order(sorted(directions(), key=len, reverse=True))}")


# the space after a figure within its sentence: on its line, or over a line break where the next line goes on in lower case
# (a hard-wrapped sentence: "15 Prozent\ndes Umsatzes"; not a headline's figure over "Der Umsatz …" on the next line)
LINE_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*(?=(?-i:[a-zäöüß])))"


@lru_cache(maxsize=1)
def share_of() -> re.Pattern[str]:
    """A genitive right after a percent figure: it is a share of something ("30 Prozent seines Umsatzes")."""
    return re.compile(rf"{LINE_GAP}{_words('share_of')}\s", re.IGNORECASE)


@lru_cache(maxsize=1)
def proportion_after() -> re.Pattern[str]:
    """A genitive or a comparative before a noun right after a percent ("40% of simple requests", "35% more
    tokens", "20 Prozent mehr Strom"): a proportion of what follows, not of a value ("17 Prozent ihres Wertes")."""
    lex = lexicon.load()
    share, more = lexicon.in_order(lex.words("share_of")), lexicon.in_order(lex.words("more_than_before"))
    return re.compile(rf"{LINE_GAP}(?:(?i:{share})\s+(?!(?i:wert|value))|{more})")


@lru_cache(maxsize=1)
def purpose_before() -> re.Pattern[str]:
    """A purpose word right before a cue, perhaps with a determiner or two words between ("für die Entwicklung
    seiner", "um neue Modelle zu trainieren", "to build and train")."""
    lex = lexicon.load()
    return re.compile(rf"(?i)\b{lexicon.in_order(lex.words('purpose'))}\s+(?:[\w-]+\s+(?:and\s+|und\s+)?)?$")


@lru_cache(maxsize=1)
def _growth_rate_nouns() -> tuple[str, ...]:
    return tuple(w.lower() for w in lexicon.load().words("growth_rate_noun"))


def growth_rate_noun(words: str) -> bool:
    """Whether the cue words that decided growth start with a noun that is itself a growth rate, or end a compound with
    it (lexicon role ``growth_rate_noun``): its level ("des Wachstums auf 31 Prozent", "Das Umsatzwachstum beschleunigte
    sich von 10 auf 15 Prozent") is growth, not a rate's level."""
    nouns = _growth_rate_nouns()
    return any(w.lower().startswith(nouns) or w.lower().endswith(nouns) for w in words.split("+"))


@lru_cache(maxsize=1)
def level_holder() -> re.Pattern[str]:
    """"with a"/"mit einem" right before the level noun that governs a figure ("with a market cap of just $2.87
    trillion"): the figure is a level held, whatever verb of change the clause has (``level_holder``)."""
    return right_before("level_holder")


@lru_cache(maxsize=1)
def level_then() -> re.Pattern[str]:
    """What opens another clause between a governed level and a later verb of change (``level_then``)."""
    return re.compile(rf"(?i){_words('level_then')}")


@lru_cache(maxsize=1)
def change_noun() -> re.Pattern[str]:
    """A noun of change with "von"/"of" right before a figure (perhaps with a filler: "einer Zunahme von rund"), as
    ``change_noun`` rows of ``grammar_words.csv`` say."""
    lex = lexicon.load()
    return re.compile(rf"(?i)(?<![\w-]){lexicon.in_order(lex.words('change_noun'))}\s+"
                      rf"(?:{lexicon.in_order(lex.words('level_filler'))}\s+)?$")


@lru_cache(maxsize=1)
def _to_level() -> re.Pattern[str]:
    return re.compile(rf"(?i)[ \t]+{_words('level_word')}\s")


def is_change(text: str, fig: Figure) -> bool:
    """Whether a money figure is a change, not a level: "um"/"by" right before it ("stieg um 200 Mrd."), or a noun of
    change with "von"/"of" ("was einer Zunahme von 37,9 Milliarden entspricht", "an increase of $2bn"); not the old
    level of "ein Anstieg von 2 auf 3 Milliarden", which "auf"/"to" follows."""
    if change_word().search(text, max(0, fig.start - 24), fig.start):
        return True
    return change_noun().search(text, max(0, fig.start - 40), fig.start) is not None and not _to_level().match(text, fig.end)


@lru_cache(maxsize=1)
def share_noun() -> re.Pattern[str]:
    """A cue that names shares, not a company's value (grammar_words role ``share_noun``: "Aktie", "Papier",
    "shares"), at the start of a decision's words ("Aktie+verlor"): its level after "auf" is a share price."""
    return re.compile(rf"(?i)[\w-]*{_words('share_noun')}")
