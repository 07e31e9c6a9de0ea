"""Companies the lexicon does not know: "Orca AI, an autonomous shipping tech startup", "MiniMax Group Inc",
"das Wiener Start-up Refurbed".

A lexicon of 1,000 organisations still misses the start-up of the next funding story. Three signals say a
capitalised name is a company without knowing it: a last word that only companies carry ("AI", "Labs"), a
legal form ("Inc", "AG"), or an apposition with a company noun ("X, an AI startup", "das Start-up X").
Once found, the name's later mentions count too, and so does its core without "AI" where that core is no
dictionary word ("Unconventional AI ... Unconventional" stays unmatched; "Emmi AI ... Emmi" is matched).
The words are data (``grammar_words.csv``, roles ``name_suffix_*``, ``company_noun``, ``not_a_name``).
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import simplemma

from ... import lexicon
from ..lines import in_lines, one_line
from .forms import found_again, short_form, usual_short_names
from .headline_names import headline_names
from .name_signals import after_trade_noun, signalled_names
from .name_words import (
    POSSESSIVE_END,
    _behind,
    _first_letter_first,
    _known,
    _no_german_word,
    _opens_sentence,
    _plausible,
    capitalised_words,
    cut_to_whole,
    known_company,
    signal_allows,
    title_first,
    without_place_adjective,
)
from .recurring_names import a_person, recurring_names

_WORD = r"[A-ZÄÖÜ][\w&’'.-]*[\w&]|[A-Z]"  # a capitalised word ("MiniMax", "AT&S", "X")
_NO_WORD_BEFORE, _NO_WORD = r"(?<![\w-].)", r"(?<![\w-])"  # after a name's first letter: no word character or hyphen before that letter
# after it: the text's or a line's start, ". ", or a place's possessive ("Stockholm’s Lovable raised €174 million")
_OPENS_LINE_OR_SENTENCE = r"(?:(?<![^\n].)|(?<=[.!?:•][ ].)|(?<=[a-z]['’]s[ ].))"
_JOINED = re.compile(r" \+ ")  # a name of two joined by a plus, written with spaces ("Huber + Suhner")
_POSSESSIVE_FIRST = re.compile(r"^[A-ZÄÖÜ][\w-]*['’]s (?=[A-ZÄÖÜ\w])")  # a first word in the possessive
_LIST_JOINS = r"[,;:•][ ]|[ ]und[ ]|[ ]and[ ]|[ ]sowie[ ]|gefolgt[ ]von[ ]|followed[ ]by[ ]"  # what opens a list item
SEAT = r"in[ ][A-ZÄÖÜ][\w-]+(?:[ ][A-Z]{2})?"  # a ranking item's seat after its name: "CeQur in Horw LU"
ITEM_WHAT = r"[^()\n,]{1,60},"  # what a bracketed item does, to its comma: "Enspired (KI-Stromhandel, 15 Mio. Euro)"
_ITEM_FIGURE = r"(?:[a-zäöüß]+\ )?[$€£]?\d"  # a ranking item's figure, after a word such as "rund"
_OPENS_LIST_ITEM = "(?:(?<![^\\n].)|" + "|".join(f"(?<={j}.)" for j in _LIST_JOINS.split("|")) + ")"  # after its first letter


class _Patterns(NamedTuple):
    suffixed: re.Pattern[str]   # "Orca AI", "MiniMax Group Inc"
    after: re.Pattern[str]      # "Orca AI, an autonomous shipping tech startup" (the name case-sensitive: not "und H")
    before: re.Pattern[str]     # "das Wiener Start-up Refurbed"
    subject: re.Pattern[str]    # "Thought Machine raised £45 million", "Axmed, which is backed by …, has raised"
    listed: re.Pattern[str]     # a ranking's item: "…, Easelink mit rund 11,5 Millionen Euro", "CeQur in Horw LU mit 109,3 Millionen"
    bracketed: re.Pattern[str]  # "Enspired (KI-gestützter Stromhandel, 15 Mio. Euro)": what it does and its figure in brackets
    possessor: re.Pattern[str]  # "stockt Tubulis seine Series C … auf": the subject after the verb, before its possessive
    prefixed: re.Pattern[str]   # "Bank of China": a first word only companies carry, then a name
    stop: re.Pattern[str]       # a word that begins no name, at the start
    legal_end: re.Pattern[str]  # legal forms at the end
    suffix: re.Pattern[str]     # one suffix word, whole
    after_tail: re.Pattern[str] | None  # the fast form of ``after``: its comma, where the rest follows it
    after_name: re.Pattern[str] | None  # and the name before that comma
    line_tails: tuple[re.Pattern[str] | None, ...] = (None, None)  # what ``suffixed`` and ``bracketed`` hold on one line


@lru_cache(maxsize=2)
def _patterns(plain: bool = False) -> _Patterns:
    """The patterns, fast (the default) or ``plain``: as first written, each entered at every character (kept
    for the test that holds the two side by side). The fast ones open with the name’s first letter (``capitalised_words``),
    and the apposition is looked for from its comma (:func:`_appositions`); the matches are the same."""
    lex = lexicon.load()
    kept, legal = lexicon.in_order(lex.words("name_suffix_kept")), lexicon.in_order(lex.words("name_suffix_legal"))
    nouns = lexicon.in_order(lex.words("company_noun"))
    plain_seq = rf"(?:{_WORD})(?:[ ](?:{_WORD})){{0,3}}"  # words on one line, one space apart
    seq, opens = (rf"(?<![\w-]){plain_seq}", rf"(?:^|(?<=[.!?:•]\ )|(?<=\n)|(?<=[a-z]['’]s\ )){plain_seq}") if plain else \
        (capitalised_words(_NO_WORD_BEFORE), capitalised_words(_OPENS_LINE_OR_SENTENCE))
    suffixed = re.compile(rf"""
        (?P<name>{seq})                # one to four capitalised words, no word character before them
        \ (?:{kept}|{legal})           # a last word only companies carry, or a legal form
        (?:\ (?:{legal}))*             # more legal forms ("Group Inc")
        (?![\w-]|\ [A-ZÄÖÜ])          # and the name ends there ("Stanford AI Index", "MIT Technology Review": no)
        """, re.VERBOSE)
    # after the name's comma: an indefinite article, a few adjectives and a company noun
    # (in English a definite article too, "IQE, the Welsh wafer maker,", with no "of" before the noun: "X, the head of
    # the maker"; the German "der", "die", "das" after a comma open a relative clause)
    rest = (rf"\ (?:(?:an?|ein(?:e|er|es|em|en)?)\s(?:[\w-]+\s){{0,4}}?|the\s(?:(?!of\s)[\w-]+\s){{0,4}}?)"
            rf"(?:{nouns})(?![\w-])")
    after = re.compile(rf"(?P<name>(?-i:{seq})),{rest}", re.VERBOSE | re.IGNORECASE)
    nouns_before = lex.words("company_noun_before")
    opening = None if plain else _first_letter_first(nouns_before, r"\w")  # also a compound's last part: "Flugtaxi-Start-up"
    opening = opening or rf"(?<!\w)(?:{lexicon.in_order(nouns_before)})"
    before = re.compile(rf"{opening} (?P<name>{plain_seq})(?![\w-])")
    roles = lexicon.in_order(lex.words("person_title") + lex.words("former_role")).replace(" ", r"\ ")  # read verbose
    former = r"(?:former|ex-|ehemalige\w*|frühere\w*)[ ]?(?:[\w-]+[ ]){0,2}?"  # "a former OpenAI executive"
    person = rf"[ ](?:(?:an?|the|ein\w*|der|die)[ ])?(?:[\w-]+['’]s[ ])?(?:{former})?(?:{roles})"
    aside = rf",(?!(?i:{person})\b)[^,.\n]{{1,90}},"  # an apposition that opens with a role is a person's ("a former X executive")
    subject = re.compile(rf"""
        (?P<name>{opens})                           # a name that opens a sentence or a list item
        (?:{aside}|\s[^,.\n]{{1,90}}?\s(?i:{lexicon.in_order(lex.words('coordination'))}))?\s  # an apposition (no role: "X, a former Y CEO,"), or
        # relative clause between commas; or a first predicate ("Allegria is working on therapeutics and has now secured")
        (?i:(?:{lexicon.in_order(lex.words('funding_verb_aux'))})\s)*  # has, now, konnte sich ("Has" in a title)
        (?i:{lexicon.in_order(lex.words('funding_verb'))})(?![\w-])   # raised, secured; "Secures" in a Title-Case headline""",
                         re.VERBOSE | re.MULTILINE)
    item = rf"(?:^|(?<=\n)|{_behind(_LIST_JOINS)}){plain_seq}" if plain else capitalised_words(_OPENS_LIST_ITEM)
    listed = re.compile(rf"""
        (?P<name>{item})                                # a name that opens a list item
        (?:\ {SEAT})?                                  # its seat ("CeQur in Horw LU")
        \ (?:{lexicon.in_order(lex.words('item_figure_link'))})\ (?={_ITEM_FIGURE})  # "mit ", then its figure""",
                        re.VERBOSE)
    bracketed = re.compile(rf"(?P<name>{seq})\ \((?={ITEM_WHAT}\ {_ITEM_FIGURE})", re.VERBOSE)
    possessor = re.compile(rf"(?P<name>{seq})\ (?:{lexicon.in_order(lex.words('possessor_after'))})(?![\w-])", re.VERBOSE)
    stop = re.compile(rf"(?:{lexicon.in_order(lex.words('not_a_name'))}) ")
    pre = lex.words("name_prefix_kept")  # opening with its first letter (the engine skips in C to it); words before: kept
    prefixed = re.compile(rf"(?P<name>{(None if plain else _first_letter_first(pre)) or _NO_WORD + lexicon.in_order(pre)}\ {plain_seq})(?![\w-])")
    fast = (None, None) if plain else (re.compile(rf",(?=(?P<tail>{rest}))", re.VERBOSE | re.IGNORECASE),
                                       re.compile(rf"(?P<name>(?-i:{seq})),", re.VERBOSE | re.IGNORECASE))
    tails = (None, None) if plain else (  # what every match of suffixed and bracketed holds, read the same way
        re.compile(rf"\ (?:{kept}|{legal})", re.VERBOSE) if one_line(lex.words("name_suffix_kept") +
                                                                    lex.words("name_suffix_legal")) else None,
        re.compile(rf"\ \((?={ITEM_WHAT}\ {_ITEM_FIGURE})", re.VERBOSE))
    return _Patterns(suffixed, after, before, subject, listed, bracketed, possessor, prefixed, stop, re.compile(rf"(?:\s(?:{legal}))+$"),
                     re.compile(rf"(?:{kept}|{legal})"), *fast, tails)


def _appositions(text: str, p: _Patterns) -> Iterator[re.Match[str]]:
    """What ``p.after.finditer(text)`` finds (the matches' name groups), looked for from the other end.

    A match is a name, a comma, an indefinite article and a company noun; the name holds no comma, so it ends
    at the first comma after its start. So each comma with the rest after it (rare) is found first, and its
    name searched for between the comma before it (or the end of the last match) and it: the leftmost start
    there is the one ``finditer`` takes, as the rest after the comma does not depend on where the name starts.
    """
    if p.after_tail is None or p.after_name is None:
        yield from p.after.finditer(text)
        return
    done = 0  # where the last match ended: finditer goes on from there
    for tail in p.after_tail.finditer(text):
        comma = tail.start()
        if comma <= done:
            continue
        name = p.after_name.search(text, max(done, text.rfind(",", 0, comma) + 1), comma + 1)
        if name is not None:
            yield name
            done = tail.end("tail")


def is_suffix(word: str) -> bool:
    """Whether a word is a company's last word or legal form ("AI", "Bank", "Inc")."""
    return _patterns().suffix.fullmatch(word) is not None


def holds_a_name(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start``..``end`` is part of a company's name the lexicon lacks: its last word after a
    capitalised word that may begin a name ("Hamilton Bank"; not "die Grossbank"), inside a name that opens with
    a company's first words ("Bank of China", "Agricultural Bank of China"), or inside a name of three words or more
    that ends with a company's last word ("China Construction Bank"; not "Europe's AI")."""
    p = _patterns()
    if any(m.start() <= start and end <= m.end() for m in p.prefixed.finditer(text, max(0, start - 40), end + 80)):
        return True
    if any(m.start("name") <= start and end <= m.end() and text.count(" ", m.start("name"), m.end()) >= 2
           for m in p.suffixed.finditer(text, max(0, start - 40), end + 40)):  # "China Construction Bank"
        return True
    before = text[max(0, start - 40):start]
    last = before.split()[-1] if before.strip() else ""
    return is_suffix(text[start:end]) and before.endswith(" ") and last[:1].isupper() and not p.stop.fullmatch(last + " ")


def _clean(name: str) -> str:
    """The name without leading words that begin no name ("The Orca AI") and without a legal form where
    what remains is still a name ("MiniMax Group Inc" -> "MiniMax"; "Partners Group" stays)."""
    p = _patterns()
    name = POSSESSIVE_END.sub("", name)  # "Zentrix's" (a name the lexicon knows with it, "McDonald's", is not cleaned)
    owner = _POSSESSIVE_FIRST.match(name)  # "Stockholm’s Lovable": a place's possessive is no part of the name;
    if owner and not known_company().fullmatch(owner.group()[:-3]):  # "Meta's Reality Labs" is Meta's unit: kept whole
        name = name[owner.end():]
    while (m := p.stop.match(name + " ")) and m.end() <= len(name):
        name = name[m.end():]
    name = without_place_adjective(name, is_suffix)  # "Die Berliner Quirion AG": Quirion
    if title_first().match(name):  # "company CEO Christophe Fouquet": a person
        return ""
    if (m := p.before.search(name)) and m.start("name") > 0:  # "Das Wiener Start-up Hololight": the name after the noun
        name = m["name"]
    name = after_trade_noun(name)  # "US-Mutterkonzern Adtran": Adtran
    if (low := name[:1].lower() + name[1:]) != name and (cut := after_trade_noun(low)) != low:
        name = cut  # "Chipmaker Black Sesame" opening a sentence: the English trade noun in upper case
    name = (m := _form_end().search(name)) and m.start() > 0 and name[:m.start()] or name  # "Basler AG": Basler
    m = p.legal_end.search(name)
    if m and m.start() > 0:
        core = name[:m.start()]
        if " " in core or not _known(core):
            return core
        head = name.rsplit(" ", 1)[0]  # "Tether Holdings SA": "Tether" is a word, so only the last legal form goes
        return head if " " in head else name
    return name


@lru_cache(maxsize=1)
def _form_end() -> re.Pattern[str]:
    """Legal forms only (``name_suffix_legal`` with value ``form``) at a name's end: "Basler AG"."""
    forms = [w for w, v in lexicon.load().word_values("name_suffix_legal").items() if v == "form"]
    return re.compile(rf"(?:\s(?:{lexicon.in_order(forms)}))+$")


def _candidates(text: str, lang: str, plain: bool = False) -> list[tuple[int, int, str]]:
    """Names with a company's last word or legal form, and names in an apposition with a company noun
    (``plain``: found by the patterns as first written, for the test that compares the two)."""
    p = _patterns(plain)
    out: list[tuple[int, int, str]] = []
    for m in (*in_lines(p.suffixed, p.line_tails[0], text), *p.prefixed.finditer(text)):  # no dictionary check
        full = text[m.start("name"):m.end()]
        name = _clean(full)
        if any(not is_suffix(w) for w in name.split()):  # not "AI" alone (from "Generative AI")
            out.append((m.start("name") + full.index(name), m.end(), name))
    befores = list(p.before.finditer(text))
    after_noun = {id(m) for m in befores} if lang == "de" else set()
    for m in (*_appositions(text, p), *befores, *p.subject.finditer(text),
              *p.listed.finditer(text), *in_lines(p.bracketed, p.line_tails[1], text), *p.possessor.finditer(text)):
        name = _clean(m.group("name"))
        a = m.start("name") + m.group("name").index(name) if name else 0
        if name and not p.stop.fullmatch(name + " ") and not all(map(is_suffix, name.split())) and (  # not "KI" or "AI" alone
                _known_core(name, lang) or _plausible(name.split(), lang, _opens_sentence(text, a))
                or (id(m) in after_noun and _no_german_word(name))):
            out.append((a, a + len(name), name))
    for sig in (*signalled_names(text), *headline_names(text, lang)):  # "Shares in Darktrace", "Zentrix posted", "Orvana: …"
        name = _clean(sig.name)
        a = sig.start + sig.name.index(name) if name else 0
        not_a_company = sig.kind in ("results", "subject", "gapped") and p.stop.match(sig.name + " ")  # "Die Chipsparte wuchs": a noun phrase
        not_a_company = not_a_company or sig.kind in ("subject", "inverted") and (a_person(text, name) or short_form(text, name))
        if name and not not_a_company and not p.stop.fullmatch(name + " ") and not all(map(is_suffix, name.split())) \
                and (_known_core(name, lang) or sig.kind == "headline" or signal_allows(name, sig.kind, lang, text, a)):
            out.append((a, a + len(name), name))
    for a, _, full in recurring_names(text, lang, p.suffix, known_company()):  # "Kapsch TrafficCom hat … abgeschlossen … so Kapsch"
        if (name := _clean(full)) and not p.stop.fullmatch(name + " "):
            out.append((a, a + len(name), name))
    return out


@lru_cache(maxsize=1)
def _known_cores() -> dict[str, str]:
    """A known company's name without the last word only companies carry: "Moonshot" -> "Moonshot AI".
    Not an alias of its own ("Stability" is a word), but where the signals above find such a core as a
    company ("the Chinese start-up Moonshot"), it is that company."""
    out: dict[str, str] = {}
    for row in lexicon.load().organisations:
        core, _, last = row["canonical"].rpartition(" ")
        if core and row["kind"] == "named" and row.fields.get("type", "company") == "company" and is_suffix(last):
            out.setdefault(core, row["canonical"])
    return out


def _known_core(name: str, lang: str) -> bool:
    """A known company's core found by a signal above is that company, even where it is a word: "das Start-up
    Moonshot", "Moonshot raised $1 billion", "Scale raised". Not a German word in German text, where every noun
    is capitalised ("Otto", "Erste")."""
    return name in _known_cores() and (lang != "de" or not (simplemma.is_known(name, "de") or simplemma.is_known(name.lower(), "de")))


def new_names(text: str, lang: str = "de") -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every mention of a company the lexicon does not know, in order;
    the caller drops those that overlap a known name. A found name that is a known company's core takes
    the known name ("Moonshot" -> "Moonshot AI")."""
    found = _candidates(text, lang)
    if not found:
        return []
    names = {name for _, _, name in found}
    cores = {name: name.rsplit(" ", 1)[0] for name in names if " " in name}
    whole = cut_to_whole(names)  # "Black Semi" is "Black Semiconductor"
    short = usual_short_names(text, set(whole.values()))  # "Micron Technology … Micron": Micron
    forms = whole | {core: name for name, core in cores.items() if " " not in core and not _known(core)} | {c: n for n, c in short.items()}
    spans = {(a, b): whole[name] for a, b, name in found}
    for a, b, form in found_again(text, forms):
        spans.setdefault((a, b), forms[form])
    out: list[tuple[int, int, str]] = []
    known = _known_cores()
    for a, b in sorted(spans, key=lambda s: (s[0], -s[1])):  # the longest at one place; no overlaps
        if not out or a >= out[-1][1]:
            name = short.get(spans[a, b], spans[a, b])
            out.append((a, b, _JOINED.sub("+", known.get(name, name))))  # "Huber + Suhner": Huber+Suhner
    return out


def unknown_names(text: str, known: list[tuple[int, int, str]], lang: str = "de") -> dict[tuple[int, int], str]:
    """Companies the lexicon does not know (``new_names``), where they overlap no known name
    ("Databricks AI chief" is Databricks)."""
    spans = sorted((a, b) for a, b, _ in known)
    starts, reach = [a for a, _ in spans], list(itertools.accumulate((b for _, b in spans), max))
    out: dict[tuple[int, int], str] = {}
    for a, b, name in new_names(text, lang):
        k = bisect.bisect_left(starts, b) - 1  # the last known name that starts before this one ends
        if k < 0 or reach[k] <= a:
            out[a, b] = name
    return out
