"""Which model a figure is about: one named in its clause or sentence, one pointed to there ("dieses Modell"), or the
only model of its organisation the article names, for measures a model can own.

Split from organisations.py (who the figure is about), which asks this once the organisation is decided.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from ..recognise import Figure
from .antecedents import Antecedents
from .beside import model_right_before
from .measures import Decision
from .places import Place, Places, pick

_MODEL_WORD = re.compile(r"(?i)\b(?:KI-|AI[- ])?(?:Modells?|Sprachmodells?|model|language model)\b")
_INDEFINITE = re.compile(r"(?i)\b(?:ein|eine|einen|einem|eines|a|an)\s+(?:[\w'’-]+\s+){0,3}$")


def own_window(place: Place) -> int:
    """Index of the window that is the figure's own clause."""
    return next(k for k, (_, how) in enumerate(place.windows) if how == "subject")


def figure_model(places: Places, antecedents: Antecedents, fig: Figure, measure: Decision | None, org: str,
                 place: Place) -> str:
    """The model of ``org`` the figure is about; for a measure no model owns, only one named in the figure's own clause
    ("senkte die Preise für Qwen um 97 Prozent")."""
    if measure is None or measure.measure in model_measures():
        return model_for(places, antecedents, fig, org, place, priced=measure is not None and measure.measure.startswith("price_per_million"))
    return _own_clause_model(places, fig, org, place) if measure.measure in clause_model_measures() else ""


def _own_clause_model(places: Places, fig: Figure, org: str, place: Place) -> str:
    """A model of ``org`` named in the figure's own clause: for measures that belong to a model only when it is named there."""
    k = own_window(place)
    models = [m for m in places.window_mentions(place, k, fig) if m.kind == "model" and m.owner == org]
    return (pick(models, fig) or models[0]).name if models else ""


def model_for(places: Places, antecedents: Antecedents, fig: Figure, org: str, place: Place, priced: bool = False) -> str:
    """A model of ``org`` named in the figure's clause or sentence, or pointed to there (``priced``: a token price)."""
    if beside := model_right_before(places.text, places, fig, org):  # "Qwen3-Max-Preview with a trillion parameters"
        return beside
    for k in range(len(place.windows)):
        ms = places.window_mentions(place, k, fig)
        priced = priced and not any(m.kind == "anaphor_org" or m.kind == "org" and m.name == org for m in ms)  # "ChatGPT … kostet"
        models = [m for m in ms if m.kind == "model" and m.owner == org]
        if models:
            return (pick(models, fig) or models[0]).name
        for m in ms:
            if m.kind == "anaphor_model":
                target = antecedents.resolve(m, want_owner=org)
                if target:
                    return target.name
    return only_model_of(places.text, antecedents.models_by_owner(), org, place, priced)


@lru_cache(maxsize=1)
def model_measures() -> frozenset[str]:
    """Measures a model can own (lexicon role ``model_measure``)."""
    return frozenset(lexicon.load().words("model_measure"))


@lru_cache(maxsize=1)
def clause_model_measures() -> frozenset[str]:
    """Measures that belong to a model only where the figure's own clause names it (role ``clause_model_measure``)."""
    return frozenset(lexicon.load().words("clause_model_measure"))


def only_model_of(text: str, models_by_owner: dict[str, set[str]], org: str, place: Place, priced: bool = False) -> str:
    """"Meta's latest AI model has 405 billion parameters": the sentence speaks of one definite model
    (not "ein KI-Modell"), and the article names exactly one model of the figure's organisation: that one. A token
    price (``priced``) whose sentence does not name the organisation is always some model's: an item of a price list
    ("Input tokens: $2.00 per 1 million tokens" under "OpenAI charges for the o3 model …") is the only model's named."""
    spans = {span for spans, _ in place.windows for span in spans}  # not the clauses that open a comparison
    definite = priced or any(not _INDEFINITE.search(text, max(a, m.start() - 40), m.start())
                             for a, b in spans for m in _MODEL_WORD.finditer(text, a, b))
    if not definite:  # "ein KI-Modell entwickelt": some model, not a named one
        return ""
    names = models_by_owner.get(org, set())
    return next(iter(names)) if len(names) == 1 else ""
