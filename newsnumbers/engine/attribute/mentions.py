"""Find the organisations, models and anaphors an article mentions.

Named aliases are matched case-sensitively; generic ones ("the industry") and anaphors ("dieses Modell", "das
Unternehmen", "die Linzer") on the lower-cased text. The lexicon's tables are compiled once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ... import lexicon
from .. import wordscan
from ..casefold import fold, fold_pattern
from ..firstchar import FirstCharIndex
from .appositions import without_appositions
from .asides import asides, person_title
from .cues import lemma
from .demonyms import demonym_before_noun, demonym_pattern, demonym_regex
from .forms import inflected, word_before_hyphen
from .lists import lists_share_preposition, sector_lists
from .mention import NOT_INVESTOR, Mention
from .name_signals import name_role
from .name_words import _known
from .new_names import holds_a_name, unknown_names

Classified = tuple[str, str, str, bool, str]  # kind, name, owner, generic, role


@dataclass(frozen=True)
class _Tables:
    regex: wordscan.WordScan        # named organisations and models, case-sensitive
    lower_regex: wordscan.WordScan  # generic organisations, descriptions and anaphors, on lower-cased text
    orgs: list[tuple[re.Pattern[str], str, bool, str]]
    models: list[tuple[re.Pattern[str], str, str]]
    anaphors: list[tuple[re.Pattern[str], str]]
    descriptions: list[tuple[re.Pattern[str], str]]
    roles: dict[str, str]  # canonical organisation -> role


_SUFFIX = r"(?=(?:’s|'s|s)?(?![\w])|-)"


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    lex = lexicon.load()
    orgs, models, anaphors, descriptions, parts, lower_parts = [], [], [], [], [], []
    # file order decides between alternatives that start at the same place
    # (anaphors and descriptions, then models, then organisations): put longer names first
    for row in lex.anaphors:
        anaphors.append((re.compile(f"(?i:{row['pattern']})$"), row["points_to"]))
        lower_parts.append(_lower_pattern(row))
    anaphors.append((demonym_regex(), "seat"))  # "die Linzer": a company by its city's people
    lower_parts.append(f"(?:{demonym_pattern()})")
    for row in lex.descriptions:
        descriptions.append((re.compile(f"(?i:{row['pattern']})$"), row["refers_to"]))
        # an English description names one company; its plural ("AI startups", "tech giants") is the sector
        lower_parts.append(_lower_pattern(row) + (r"(?!s\b)" if row.fields.get("language") == "en" else ""))
    for row in lex.models:
        models.append((re.compile(f"(?:{row['pattern']})$"), row["canonical"], row["organisation"]))
        parts.append(f"(?:{row['pattern']})")
    roles = {}
    for row in lex.organisations:
        generic = row["kind"] == "generic"
        role = "generic" if generic else row.fields.get("type") or "company"
        roles.setdefault(row["canonical"], role)
        pat = f"(?i:{row['pattern']})" if generic else f"(?:{inflected(row['pattern'])})"
        orgs.append((re.compile(pat + "$"), row["canonical"], generic, role))
        (lower_parts if generic else parts).append(_lower_pattern(row) if generic else pat)
    regex = wordscan.WordScan(parts, suffix=_SUFFIX)
    lower_regex = wordscan.WordScan(lower_parts, suffix=_SUFFIX)
    return _Tables(regex, lower_regex, orgs, models, anaphors, descriptions, roles)


@lru_cache(maxsize=1)
def sectors() -> dict[str, frozenset[str]]:
    """Canonical organisation -> its sectors (organisations.csv), for descriptions like "der Chipkonzern"."""
    out: dict[str, set[str]] = {}
    for row in lexicon.load().organisations:
        out.setdefault(row["canonical"], set()).update(x.strip() for x in row.fields.get("sectors", "").split(";") if x.strip())
    return {name: frozenset(found) for name, found in out.items()}


def known_name(name: str) -> bool:
    """Whether a canonical organisation is the lexicon's (not a name found by ``new_names``)."""
    return name in _tables().roles


def _lower_pattern(row: lexicon.Row) -> str:
    """A case-insensitive lexicon pattern rewritten for lower-cased text (refused where that changes it)."""
    folded = fold_pattern(row["pattern"])
    if folded is None:
        raise lexicon.LexiconError(f"{row.where()}: use no upper-case escapes (\\S, \\W...) in this pattern")
    return f"(?:{folded})"


@lru_cache(maxsize=4096)
def sector_word(words: str) -> Classified | None:
    """What the last word of a plural reference names where it is a sector's word ("Die vier Hyperscaler": the AI
    industry), for a reference whose list is not found; None otherwise."""
    found = _classify(words.rsplit(" ", 1)[-1])
    return found if found and found[0] == "org" and found[3] else None


@lru_cache(maxsize=16384)
def _classify(word: str) -> Classified | None:
    """(kind, name, owner, generic, role) of a matched alias; cached, as names repeat. The lexicon's patterns
    are tried in order (anaphors, descriptions, models, organisations), only those that can start like the
    word (:mod:`..firstchar`); the first that matches decides."""
    entries, index = _aliases()
    for k in index.candidates(word):
        regex, found = entries[k]
        if regex.match(word):
            if found[0] != "model" or (found[1] and "{}" not in found[1]):
                return found
            # read from the word, or put into the canonical's "{}"; an API id ("claude-opus-4-6") read as its name
            name = model_name(word, found[2]) if word[:1].isupper() or "-" not in word else from_api_id(word)
            return ("model", found[1].replace("{}", name) if found[1] else name, *found[2:])
    return None


@lru_cache(maxsize=1)
def _aliases() -> tuple[list[tuple[re.Pattern[str], Classified]], FirstCharIndex]:
    """Every alias pattern in the order :func:`_classify` tries them, each with what it means (a model's
    name left empty where it is read from the word), and their index by first character."""
    t = _tables()
    entries: list[tuple[re.Pattern[str], Classified]] = []
    for regex, points_to in t.anaphors:
        role = points_to if points_to in ("person", "scene", "list", "seat", "shares") else "company"  # "er": a person's company; "scene", "list"
        owner = NOT_INVESTOR if points_to == "startup" else ""  # "the startup": never the round's investor
        entries.append((regex, (f"anaphor_{'model' if points_to == 'model' else 'org'}", "", owner, False, role)))
    for regex, refers_to in t.descriptions:  # "der Chipkonzern": the nearest earlier chip maker; "der iPhone-Hersteller": Apple
        sector = refers_to.startswith("sector:")
        entries.append((regex, ("anaphor_org", "", refers_to.removeprefix("sector:"), False, "company") if sector
                        else ("org", refers_to, "", False, t.roles.get(refers_to, "company"))))
    entries += [(regex, ("model", name, owner, False, "company")) for regex, name, owner in t.models]
    entries += [(regex, ("org", name, "", generic, role)) for regex, name, generic, role in t.orgs]
    return entries, FirstCharIndex([regex for regex, _ in entries])


def model_name(word: str, owner: str) -> str:
    """A model's name as written, without its maker's name in front ("DeepSeek-V3.2" -> "V3.2").

    >>> model_name("Meta Llama 3.1  405B", "Meta")
    'Llama 3.1 405B'
    """
    name = " ".join(word.split())
    for prefix in (owner + "-", owner + " "):
        if owner and name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


def from_api_id(word: str) -> str:
    """A model's name from its API id, without the family's first word ("claude-opus-4-6" -> "Opus 4.6",
    "claude-3-5-sonnet" -> "3.5 Sonnet", "gemini-2.5-pro" -> "2.5 Pro"): version numbers joined by points."""
    out: list[str] = []
    for part in word.lower().replace("flash-lite", "flash_lite").split("-")[1:]:
        if part == "latest" or part.isdigit() and len(part) in (3, 8) and out:
            break  # a snapshot's date or version ("claude-sonnet-4-5-20250929", "gemini-1.5-pro-002")
        if part == "flash_lite":
            out.append("Flash-Lite")
        elif part.isdigit() and out and out[-1].replace(".", "").isdigit():
            out[-1] += "." + part
        else:
            out.append(part if part[:1].isdigit() else part.capitalize())
    return " ".join(out)


@lru_cache(maxsize=1)
def oblique_prepositions() -> frozenset[str]:
    """The prepositions after which a name is no clause's subject ("von Microsoft", "according to OpenAI")."""
    return frozenset(w.lower() for w in lexicon.load().words("oblique_preposition"))


@lru_cache(maxsize=1)
def _phrase_words() -> tuple[frozenset[str], frozenset[str]]:
    lex = lexicon.load()
    return frozenset(w.lower() for w in lex.words("phrase_breaker")), frozenset(w.lower() for w in lex.words("determiner"))


@lru_cache(maxsize=16384)
def breaks_phrase(word: str) -> bool:
    """A finite verb between a preposition and a name ends the phrase: "Nach dem Schock verlor Nvidia"."""
    low = word.lower().strip(".,;:!?\"'„“”")
    breakers, determiners = _phrase_words()
    if low in breakers:
        return True
    if low in determiners or not word[:1].islower():
        return False
    if low.endswith("ed") and len(low) > 4:
        return True  # English regular past: "dropped", "raised"
    lem = lemma(low, "de")
    return lem != low and lem.endswith(("en", "ern", "eln")) and not low.endswith(("e", "en", "er", "es", "em"))


def salience(text: str, m: Mention) -> int:
    """How strongly a mention stands for its organisation, for anaphors and topics: 0 a name that may be a
    subject, 1 a person's title ("Tesla CEO Elon Musk", "Nvidia-Chef Huang"), 2 a preposition's object."""
    if m.oblique:
        return 2
    return 1 if m.role == "person" or person_title().match(text, m.end, m.end + 40) else 0


def after_preposition(text: str, start: int, previous_end: int = -1) -> bool:
    """Whether a preposition stands within the three words before ``start`` ("von dem Investor Softbank",
    "im Dax", "such as OpenAI's"), with no punctuation between: then the mention is no clause's subject.
    A conjunction ends the phrase unless it joins this name to the name before it (``previous_end``):
    "von Microsoft und Google" is one phrase, "schloss im Minus und Microsoft gab nach" is not."""
    if not text[start - 1:start].isspace():  # checked first: most names follow a space, the rest need no split
        return False
    lo = max(0, start - 48, previous_end)  # not into the name before ("On Semiconductor and"),
    words = text[max(lo, text.rfind("\n", lo, start) + 1):start].split()[-4:]  # nor over a line break ("in AI.\n\nThe PHLX")
    if not words:
        return False
    preps, joins, ends = oblique_prepositions(), _coordinations(), _preposition_ends()
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word[-1] in ",;:!?()\"“”„«»–—" or (word[-1] == "." and len(word) > 3):
            return False
        low = word.lower()
        if low in preps or (k > 0 and low in ends and f"{words[k - 1].lower()} {low}" in preps):
            return True
        if breaks_phrase(word):
            return False
        if low in joins:
            before = text.rfind(word, max(0, start - 48), start)
            if previous_end < 0 or text[previous_end:before].strip(" '’s"):
                return False
    return False


@lru_cache(maxsize=1)
def _preposition_ends() -> frozenset[str]:
    """The last words of the prepositions of two words ("according to"): only after one of them is the pair looked up."""
    return frozenset(p.rsplit(" ", 1)[-1] for p in oblique_prepositions() if " " in p)


@lru_cache(maxsize=1)
def _coordinations() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load().words("coordination"))


def find_mentions(text: str, lower: str | None = None, lang: str = "de") -> list[Mention]:
    """Every organisation, model and anaphor mention in the article, in order. Named aliases are matched
    case-sensitively; generic ones and anaphors on the lower-cased text (``lower``, same length as ``text``),
    which is faster than a case-insensitive scan."""
    t = _tables()
    if lower is None:
        lower = fold(text)
    found: list[tuple[int, int, str]] = [(a, b, text[a:b]) for a, b in t.regex.spans(text, folded=lower)]
    extra = [(a, b, text[a:b]) for a, b in t.lower_regex.spans(lower)]
    # a name the lexicon lacks may end in a description that is a company's last word ("Hamilton Bank") or hold a
    # place after "of" ("Bank of China"): those do not keep it from being found
    unknown = unknown_names(text, [f for f in found + extra if not _in_name(text, f)], lang)
    if extra:
        found += extra
        found.sort(key=lambda f: (f[0], -f[1]))  # at one start the longer match wins ("China's largest search engine")
    if unknown:
        found = sorted(found + [(a, b, text[a:b]) for a, b in unknown], key=lambda f: (f[0], -f[1]))
    out: list[Mention] = []
    last_end, roles = -1, {name: name_role(name, text) for name in set(unknown.values())}  # one look per name
    for start, end, word in found:
        if start < last_end or demonym_before_noun(text, word, end):
            continue  # overlaps a mention already taken; "die Wiener Börse" is no company's city's people
        kind = _classify(word) if (start, end) not in unknown else ("org", unknown[start, end], "", False, roles[unknown[start, end]])
        w = word_before_hyphen(text, start)  # "Biotech-Branche": another sector; "MiMo-V2.5" (no known word, no maker): no V2
        if kind and not (w and (kind[3] or kind[0] == "model" and not _known(w) and _classify(w) is None)):
            oblique = after_preposition(text, start, out[-1].end if out else -1) and not _absolute(lower, start, end)
            out.append(Mention(start, end, *kind, oblique))
            last_end = end
    return asides(text, sector_lists(text, lists_share_preposition(text, without_appositions(text, out))))


def _in_name(text: str, found: tuple[int, int, str]) -> bool:
    """Whether a place or a description found is part of a name the lexicon lacks ("Bank of China", "Hamilton Bank")."""
    kind = _classify(found[2])
    return kind is not None and (kind[0] == "anaphor_org" or kind[4] == "place") and holds_a_name(text, found[0], found[1])


@lru_cache(maxsize=1)
def _absolute_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon.load()
    return (re.compile(f"(?:{lexicon.in_order(lex.words('absolute_before'))})"),
            re.compile(lexicon.in_order(lex.words("absolute_after"))))


def _absolute(lower: str, start: int, end: int) -> bool:
    """"with the Nasdaq down 3.3%": the name after "with" is the subject of the move that follows it."""
    before, after = _absolute_words()
    return before.search(lower, max(0, start - 12), start) is not None and after.match(lower, end) is not None
