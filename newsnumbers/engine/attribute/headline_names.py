"""A company the lexicon lacks, named by opening the article's headline: "Zentrix lifts outlook / Zentrix said
revenue rose 10%", "Halvora wächst / … Halvora", "Orvana: Die Quartalszahlen im Überblick".

A results story is headed by its company, and the body then often names it only in slots no other signal covers
("Zentrix said …", "Revenue at Halvora …", "Bei Halvora stieg …"): without its name, every figure goes to a venue
city, a data provider or an investor named in passing. The headline's opening words are a name where they end at a
colon, before a word in lower case (a verb: "lifts", "wächst") or with the line, and where they pass these tests:
- no dictionary word alone, no compound of one ("KI-Boom:", "Rechenzentren:"), no code in capitals ("DAX:");
- no city CLDR names ("Shanghai: …");
- named again in the body, and not as a person there ("Altman: … OpenAI-Chef Sam Altman") nor as a place ("in
  Lübbenau"); in English, not of dictionary words only ("Labour axes …": the Labour government);
- or, named only in the headline, before its colon and of words no dictionary holds ("Orvana: …").
An English headline in Title Case ("Zentrix Robotics Slips On Weak Orders") has no such end: its name is the longest
run of its opening words that the body names again.
"""
from __future__ import annotations

import re

from ...lexicon import cldr
from .forms import found_again
from .name_signals import NAME_MORE, NAME_REST, Signal
from .name_words import MAX_CODE, QUOTES_CLOSE, QUOTES_OPEN, _known, _no_german_word, title_first
from .recurring_names import a_person, a_place, german_compound

MAX_HEADLINE = 200  # characters at most of a first line taken for a headline (a longer one is a paragraph)
_OPENING = re.compile(rf"""
    [{re.escape(QUOTES_OPEN)}]?                # perhaps in quotes
    (?P<name>[A-ZÄÖÜ]{NAME_REST}{NAME_MORE})  # one to four capitalised words
    [{re.escape(QUOTES_CLOSE)}]?
    (?P<end>:|[ ](?=[a-zäöüß])|\s*$)?          # a colon, a word in lower case, the line's end: or none (Title Case)
    """, re.VERBOSE)


def headline_end(text: str) -> int:
    """Where an article's first non-empty line (its headline) ends."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def headline_names(text: str, lang: str) -> list[Signal]:
    """The company name that opens the headline (kind ``headline``), where the tests above find one; else none."""
    start, end = len(text) - len(text.lstrip()), headline_end(text)
    if end - start > MAX_HEADLINE or not text[end:].strip() or text[start:end].rstrip().endswith("."):
        return []  # one line only (a sentence, no headline), or a first paragraph
    m = _OPENING.match(text, start, end)
    if m is None:
        return []
    words = m["name"].split(" ")
    sizes = [len(words)] if m["end"] is not None else range(len(words), 0, -1)  # Title Case: the longest named again
    for size in sizes:
        name = " ".join(words[:size]).rstrip("+& ")
        again = [a for a, _, _ in found_again(text[end:], [name])]
        if _passes(text, name, [end + a for a in again], lang, colon=m["end"] == ":"):
            return [Signal(m.start("name"), m.start("name") + len(name), name, "headline")]
    return []


def _passes(text: str, name: str, again: list[int], lang: str, colon: bool) -> bool:
    """Whether a headline's opening words ``name``, named again in the body at ``again``, pass the tests above."""
    words = [w for w in name.split(" ") if w not in "+&"]
    if title_first().match(name + " ") or len(words) == 1 and name.isupper() and len(name) <= MAX_CODE:
        return False  # "CEO Huang:", "DAX:"
    if len(words) == 1 and ("-" in name and _known(name.rsplit("-", 1)[-1]) or lang == "de" and german_compound(name)):
        return False  # "KI-Boom:", "Chipkrise:"
    unknown = not any(_known(w) for w in words)  # no word a dictionary holds ("Orvana"; not "Orbis Quantum")
    if name in cldr.cities():
        return False  # "Shanghai: Dragon Soaring …"
    if not again:
        return unknown and colon  # "Orvana: Die Quartalszahlen im Überblick" (not a table's header run together)
    if a_person(text, name, says=False) or a_place(text, again):
        return False
    if lang == "de":
        return _no_german_word(name) if len(words) == 1 else not all(_known(w) for w in words[1:])
    return not all(_known(w) for w in words)  # "Orbis Quantum"; not "Labour axes …" (the Labour government)
