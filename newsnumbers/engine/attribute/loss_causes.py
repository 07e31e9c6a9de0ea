"""Who lost market value where a sentence names who caused the loss.

"DeepSeek wiped $600 billion off Nvidia's market value", "DeepSeek hat weltweit Aktienwerte von drei Billionen
Dollar vernichtet", "Bei Nvidia vernichtete die Vorstellung von R1 Werte von 590 Milliarden Dollar": the subject
of a causative verb (wipe, erase, vernichten) is the cause of the loss, not its owner. Read as the owner, the
market-reaction chart's headline said "DeepSeek lost $3 trillion". The owner is the company named after an
owner's preposition ("off Nvidia's", "bei Nvidia", "from US tech stocks"), else another company or place the
clause names ("weltweit"), else nobody. The verbs and prepositions are data (``grammar_words.csv``, roles
``loss_cause_verb`` and ``loss_owner_before``).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ... import lexicon
from .mention import Mention
from .sentence_cues import Decision

OWNER_GAP = 12  # how far before a name its owner's preposition may stand ("off Nvidia's", "bei dem Chipkonzern Nvidia")
LOSS_MEASURES = frozenset({"market_value_loss"})


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The causative verbs (group "before": one whose cause stands before it) and the owner's prepositions."""
    lex = lexicon.load()
    verbs = lex.word_values("loss_cause_verb")
    before = [w.lower() for w, where in verbs.items() if where == "before"]
    anywhere = [w.lower() for w, where in verbs.items() if where != "before"]
    verbs = re.compile(rf"(?P<before>{lexicon.in_order(before)})|(?:{lexicon.in_order(anywhere)})")
    owner = re.compile(rf"(?<![\w-])(?:{lexicon.in_order([w.lower() for w in lex.words('loss_owner_before')])})"
                       rf"\s(?:[\w-]+\s){{0,2}}$")
    return verbs, owner


def caused(text: str, measure: Decision | None) -> tuple[int, bool] | None:
    """(where, whether its cause stands before it) of a causative verb among the cue words that decided the
    figure's loss ("wiped", "vernichtet"), or None."""
    if measure is None or measure.measure not in LOSS_MEASURES:
        return None
    verbs, _ = _words()
    for a, b in measure.cue_spans:
        if m := verbs.match(text[a:b].lower()):
            return a, m["before"] is not None
    return None


def owner_of_loss(text: str, chosen: Mention, clause: list[Mention], verb: tuple[int, bool],
                  resolve: Callable[[Mention], Mention]) -> tuple[Mention | None, bool]:
    """(the owner of a caused loss, whether the chosen subject was its cause) among the mentions of its clause. Only
    a company or model that is the clause's subject is a cause; a sector ("a tech selloff erased …") loses itself.
    An owner no owner's preposition names ("bei dem eben noch gefeierten Unternehmen", too far to tell) is none
    where it stands for a cause the clause names ("die Vorstellung von DeepSeeks R1"): ``resolve`` reads anaphors."""
    _, owner = _words()

    def after_owner_word(m: Mention) -> bool:
        return owner.search(text[max(0, m.start - OWNER_GAP):m.start].lower()) is not None

    def no_cause(m: Mention | None) -> Mention | None:
        if m is None or after_owner_word(m):
            return m
        target = resolve(m)
        causes = {c.owner if c.kind == "model" else c.name for c in clause
                  if c.kind in ("org", "model") and not c.generic and c.role != "place" and not after_owner_word(c)
                  and not (verb[1] and c.start > verb[0]) and c.start != m.start}
        return None if (target.owner if target.kind == "model" else target.name) in causes else m

    if chosen.generic or chosen.oblique or chosen.role == "place" or after_owner_word(chosen) \
            or verb[1] and chosen.start > verb[0]:  # "… erased $1 trillion, with Amazon down 14%": no cause
        return no_cause(chosen), False  # a sector's selloff, a place, "Bei Nvidia vernichtete die Nachricht …"
    others = [m for m in clause if m.start != chosen.start and m.kind == "org"]
    named = [m for m in others if after_owner_word(m)]
    if not named and text.startswith("ing", _word_end(text, verb[0]) - 3):
        return chosen, False  # "Shares of Novo Nordisk dropped 20%, erasing $95 billion": the drop erased, not a cause
    rest = [m for m in others if m.role != "place"] or [m for m in others if m.role == "place"]
    if not named and not rest:
        return chosen, False  # "Nvidia had $600 billion wiped off its market value": no other owner, the subject's
    return no_cause((named or rest)[0]), True


def _word_end(text: str, start: int) -> int:
    m = re.compile(r"[\w-]+").match(text, start)
    return m.end() if m else start
