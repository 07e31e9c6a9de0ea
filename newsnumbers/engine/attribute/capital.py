"""Money into a company's capital is funding, whoever the sentence's subject is.

"Amazon pumped $2.75bn into the start-up", "Google invested $400 million in Anthropic", "ASML steigt mit
1,3 Milliarden Euro bei Mistral ein", "hat Milliarden in das Unternehmen gepumpt": the cue says "invest",
but the money goes into a company, which raises it (ANNOTATION.md's convention). Money into a place, a
sector or assets ("investiert 3 Mrd. Euro in Deutschland", "into data centres", "a takeover") stays an
investment. So is money contributed in a sentence that names a funding round ("SoftBank would lead the
round, contributing $15bn"), and money that comes from an investor ("a $40 billion investment from SoftBank").
The words are data (``grammar_words.csv``, roles ``capital_into``, ``capital_from``, ``capital_not``,
``capital_round`` and ``company_noun``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from .mention import INVESTOR, Mention
from .mentions import breaks_phrase, oblique_prepositions, sectors
from .places import Spans

POSSESSIVE = re.compile(r"['’]s\b")  # a possessive right after a name ("Apple's plans")


@lru_cache(maxsize=1)
def _round() -> re.Pattern[str]:
    return re.compile(lexicon.in_order(lexicon.load().words("capital_round")))


def names_round(lower: str, span: tuple[int, int]) -> str:
    """The funding round a sentence names ("lead the round", "Series-B-Runde"), or "": money contributed
    or invested there is part of the round."""
    found = _round().search(lower, *span)
    return found.group() if found else ""


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon.load()
    into = frozenset(w.lower() for w in lex.words("capital_into"))
    nouns = lexicon.in_order([w.lower() for w in lex.words("company_noun")])
    before = lexicon.in_order(sorted(into))
    noun_phrase = re.compile(rf"""
        (?<![\w-])(?:{before})\s+              # the preposition the money goes through: in, into, bei, beim
        (?:(?!(?:und|and|oder|or)\s)[\w-]+\s+){{0,3}}?  # a determiner and adjectives ("das junge", "the French"), no "und"
        (?:[\w()-]*-)?(?:{nouns})(?![\w-])      # a company noun, also a compound's head ("KI-Start-up", "(AI)-Start-up")
        """, re.VERBOSE)
    return into, noun_phrase, re.compile(lexicon.in_order(lex.words("capital_not")))


def into_company(text: str, lower: str, spans: Spans, mentions: list[Mention], lang: str) -> str:
    """The words that say the money of a clause (``spans``) goes into a company ("in Anthropic", "into the
    start-up", "beim französischen KI-Start-up Mistral"), or "": a company named or described right after
    "in", "into", "bei", in a clause that speaks of no assets bought or built with it (data centres, plants,
    a takeover)."""
    into, noun_phrase, _ = _words()
    if any(assets_in(lower, span) for span in spans):
        return ""
    for m in mentions:  # a company named, or described ("in the semiconductor group"; not a possessive: "to expand its")
        if (m.kind == "org" or m.kind == "anaphor_org" and " " in text[m.start:m.end]) and m.role == "company" \
                and not m.generic and text[m.end:m.end + 1] != "-":
            word = preposition_before(text, m.start, into, lang)
            if word:
                return f"{word} {m.name or ' '.join(text[m.start:m.end].split())}"
    found = next((f for a, b in spans if (f := noun_phrase.search(lower, a, b))), None)
    return " ".join(found.group().split()) if found else ""


def given_into(words: str) -> bool:
    """Whether a funding decision's words say the money was given into a company (:func:`into_company`'s words,
    "invest+in Nscale", "investiert+beim Start-up"): then its clause's subject is the investor."""
    into = _words()[0]
    return any(part.split(" ", 1)[0].lower() in into and " " in part for part in words.split("+")[1:])


INVESTOR_WORD_CHARS = 40  # how far after a name the word for investors may stand ("von ASML und anderen Investoren")


@lru_cache(maxsize=1)
def _sources() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load().words("capital_from"))


@lru_cache(maxsize=1)
def _investor_word() -> re.Pattern[str]:
    """The plural word for investors after a list ("und anderen Investoren", "and other backers"): the plural is
    no description of one company, so it is read here as a word (``grammar_words.csv``, role ``investor_word``)."""
    return re.compile(rf"(?i)(?<![\w-]){lexicon.in_order(lexicon.load().words('investor_word'))}(?![\w-])")


def from_investor(text: str, spans: Spans, mentions: list[Mention], cue: str = "", around: list[Mention] | None = None) -> str:
    """The words that say the money of a clause (``spans``) comes from an investor ("from SoftBank", "von ASML und
    anderen Investoren"), or "": a company right after "from"/"von" that is an investor by trade (organisations.csv
    sector ``investor``) or is followed by the word for investors; or the word for investors itself ("from investors").
    Where the ``cue`` is a word of investing (``capital_invest``), any company after "from" is the investor when the
    clause names another company, the one it invests in ("Anthropic confirmed an investment from Google"), or the
    sentence's subject does (``around``: its mentions; "Mistral, Europas Antwort auf OpenAI, hat von ASML eine
    Investition erhalten"); not a company's possessive ("from Apple's plans to invest"), nor after a takeover's cue,
    where "von" names the seller ("übernimmt Teile des Geschäfts von ams Osram")."""
    source = _sources()
    words = [m for m in mentions if m.kind == "anaphor_org" and m.owner == INVESTOR]
    companies = [m for m in mentions if m.kind == "org" and m.role == "company" and not m.generic and any(a <= m.start < b for a, b in spans)]
    after = {m.start: preposition_before(text, m.start, source, "") for m in companies}
    subject = next((m for m in around or () if m.kind == "org" and not m.oblique), None)  # the sentence's first name
    for m in companies:
        if (word := after[m.start]) and not POSSESSIVE.match(text, m.end):  # not "benefit from the iPhone maker's plans to invest"
            other = any(o.name != m.name and not after[o.start] for o in companies)
            if not other and subject is not None and subject.role == "place":
                continue  # "Frankreich kündigte Investitionen an; 20 Mrd. davon kommen vom Fonds Brookfield": money for a place
            recipient = cue_has(cue, "capital_invest") and (other or subject is not None and subject.role == "company" and subject.name != m.name)
            if recipient or INVESTOR in sectors().get(m.name, ()) or any(0 <= w.start - m.end <= INVESTOR_WORD_CHARS for w in words) \
                    or _investor_word().search(text, m.end, m.end + INVESTOR_WORD_CHARS):
                return f"{word} {m.name}"
    found = next((f for a, b in spans if (f := _from_investors().search(text, a, b))), None)
    return " ".join(found.group().split()) if found else ""


@lru_cache(maxsize=8)
def _role_starts(role: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in lexicon.load().words(role))


def cue_has(cue: str, role: str) -> bool:
    """Whether a measure's cue words ("investment+from Google") hold a word that starts with one of a role's words
    (``grammar_words.csv``): ``capital_invest`` investing, ``capital_give`` giving ("contribute", "beisteuern"),
    ``capital_deal`` the deal itself ("deal", "Investition"), ``develop_cue`` developing."""
    starts = _role_starts(role)
    return any(w.lower().startswith(starts) for w in cue.split("+"))


@lru_cache(maxsize=1)
def _from_investors() -> re.Pattern[str]:
    """"from investors", "von neuen Investoren", "from a group of backers": the word for investors after "from"/"von"
    and at most two words (a determiner, an adjective)."""
    source = lexicon.in_order(sorted(_sources()))
    return re.compile(rf"(?i)(?<![\w-]){source}\s+(?:[\w-]+\s+){{0,2}}?{lexicon.in_order(lexicon.load().words('investor_word'))}(?![\w-])")


def preposition_before(text: str, start: int, into: frozenset[str], lang: str) -> str:
    """The preposition of ``into`` within the three words before ``start``, or "": only a determiner, an
    adjective or a company noun between ("in das britische Start-up Wayve", "in French rival Mistral"), no
    punctuation, no verb, no nearer preposition ("von Investoren wie Sequoia": Sequoia is an example), and in
    German text (``lang`` "de") no other noun ("Beim Einstieg zahlte Google")."""
    lo = max(0, start - 40)
    words = text[max(lo, text.rfind("\n", lo, start) + 1):start].split()[-3:]  # not over a line break (a headline's "to US")
    for word in reversed(words):
        if word.lower() in into:
            return word
        if word[-1:] in ",;:.()" or breaks_phrase(word) or word.lower() in oblique_prepositions() or \
                (lang == "de" and word[:1].isupper() and not _company_noun().search(word)):
            return ""
    return ""


@lru_cache(maxsize=1)
def _company_noun() -> re.Pattern[str]:
    return re.compile(rf"(?:^|-)(?:{lexicon.in_order(lexicon.load().words('company_noun'))})$")


@lru_cache(maxsize=1)
def _stake() -> re.Pattern[str]:
    return re.compile(lexicon.in_order(lexicon.load().words("capital_stake")))


def takes_stake(lower: str, spans: Spans) -> str:
    """The words of a clause (``spans``) that by their meaning put money into a company's capital ("hat sich … an
    Anthropic beteiligt", "kaufte sich bei Nscale ein", "schießt OpenAI 7 Mrd. zu", "stockt seine Beteiligung auf",
    "backs xAI with"; ``grammar_words.csv`` role ``capital_stake``), or "" where there are none or the clause speaks
    of assets: a stake in a company is its funding, a stake in a project or a plant an investment."""
    if any(assets_in(lower, span) for span in spans):
        return ""
    found = next((f for a, b in spans if (f := _stake().search(lower, a, b))), None)
    words = found.group().split() if found else []
    return " … ".join(dict.fromkeys((words[0], words[-1]))) if words else ""  # "schießt … zu", not the words between


def assets_in(lower: str, span: tuple[int, int]) -> bool:
    """Whether a span speaks of assets bought or built (data centres, plants, shares, a takeover); not where the
    asset word describes the company the money goes into ("in AI infrastructure startup Nscale")."""
    return any(not _describes_company().match(lower, m.end()) for m in _words()[2].finditer(lower, *span))


@lru_cache(maxsize=1)
def _describes_company() -> re.Pattern[str]:
    """A company noun right after an asset word, perhaps after one more word ("infrastructure startup",
    "Rechenzentrums-Start-up", "data centre operator company")."""
    lex = lexicon.load()
    nouns = lexicon.in_order([w.lower() for w in lex.words("company_noun")])
    small = lexicon.in_order([w.lower() for w in lex.words("determiner") + lex.words("oblique_preposition")
                              + lex.words("owner_genitive") + lex.words("of") + lex.words("qualifier_article")])
    # the word between may be no determiner or preposition: "Rechenzentren der Firma" are the firm's data centres
    return re.compile(rf"[\w]*(?:[\s-]+(?!(?:{small})\b)[\w]+)?[\s-]+(?:{nouns})(?![\w-])|[\w]*-(?:{nouns})(?![\w-])")


def investor_subject(sentence: list[Mention], own: list[Mention], fig_start: int) -> str:
    """The investor by trade (organisations.csv sector ``investor``) who is the subject of the figure's clause
    ("Alleine 30 Milliarden Dollar gibt der japanische Investor Softbank"), or, where the clause names no company
    as its subject, of the sentence before the figure ("Softbank behält sich vor, seine komplette Investition auf
    20 Milliarden Dollar zu kürzen"), or "": an investor's money goes into a company's capital, unless the clause
    names a place it goes to ("SoftBank will invest $100 billion in the US"; the caller leaves out sentences on assets).
    ``sentence``, ``own``: the mentions of the figure's sentence and of its own clause."""
    if any(m.role == "place" for m in sentence):
        return ""
    subjects = [m for m in own if m.kind == "org" and m.role == "company" and not m.oblique and not m.generic]
    if not subjects:
        before = [m for m in sentence if m.kind == "org" and m.role == "company" and not m.oblique and not m.generic
                  and m.end <= fig_start]
        subjects = before[:1]
    return subjects[0].name if subjects and all(m.name in _investors_only() for m in subjects) else ""


@lru_cache(maxsize=1)
def _investors_only() -> frozenset[str]:
    """The organisations that are investors by trade in every company row of organisations.csv (SoftBank, BlackRock),
    not those that also invest through an arm of theirs (Nvidia's NVentures): a chipmaker's "investment" may buy chips;
    nor banks, whose own "AI-Investment" buys technology for themselves ("JPMorgan Chase: 2 Milliarden Dollar AI-Investment")."""
    rows: dict[str, list[bool]] = {}
    for row in lexicon.load().organisations:
        if row.fields.get("type") == "company":
            sectors = row.fields.get("sectors", "").split(";")
            rows.setdefault(row["canonical"], []).append(INVESTOR in sectors and "bank" not in sectors)
    return frozenset(name for name, marks in rows.items() if all(marks))
