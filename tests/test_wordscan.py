"""The fast word alternations match exactly what the plain ``\\b(?:...)`` forms match."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsnumbers import lexicon
from newsnumbers.engine import grammar, wordscan


def spans(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)]


def plain(patterns: list[str], before: str) -> re.Pattern[str]:
    lead = r"(?<!\w)" if before == "nonword" else r"\b"
    return re.compile(lead + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


@pytest.mark.parametrize("pattern, expected", [
    ("OpenAI|ChatGPT", ["OpenAI", "ChatGPT"]),
    ("(?:a|b)c|d", ["(?:a|b)c", "d"]),
    ("[|]x|y", ["[|]x", "y"]),
    (r"a\|b|c", [r"a\|b", "c"]),
])
def test_split_alternatives(pattern, expected):
    assert wordscan.split_alternatives(pattern) == expected


@pytest.mark.parametrize("alternative, expected", [
    ("Nvidia", [("N", "vidia")]),
    ("[Cc]hina", [("C", "hina"), ("c", "hina")]),
    ("(?:das|dem) Modell", [("d", "as Modell"), ("d", "em Modell")]),
    (r"\$x", [("$", "x")]),
    ("a?b", None),          # the first character is optional
    (r"\d+", None),         # not one character
    ("(?:a|b)?c", None),    # optional group
    ("[^a]b", None),        # negated class
    ("(?i:x)y", None),      # flags
    (r"(?<=er\s)als", [("a", r"(?<=(?:er\s)a)ls")]),  # a lookbehind moves behind the first character
    (r"(?<!x)(?:ab|c)", [("a", r"(?<!(?:x)a)b"), ("c", r"(?<!(?:x)c)")]),
])
def test_first_literals(alternative, expected):
    assert wordscan.first_literals(alternative) == expected


def test_unsplittable_pattern_falls_back_to_the_plain_form():
    assert wordscan.word_alternation(["abc", r"\d+"]) == r"(?<!\w)(?:(?:abc)|(?:\d+))"


def lexicon_alternations() -> list[tuple[str, list[str], str, bool]]:
    """(name, patterns, before, lower-cased text) for every alternation the extractor builds."""
    lex = lexicon.load()
    named = [r["pattern"] for r in lex.models] + [r["pattern"] for r in lex.organisations if r["kind"] != "generic"]
    generic = [r["pattern"].lower() for r in lex.anaphors] + [
        r["pattern"].lower() for r in lex.organisations if r["kind"] == "generic"]
    boundaries = sorted((r["pattern"].lower() for r in lex.boundaries), key=len, reverse=True)
    return [("names", named, "nonword", False), ("generic", generic, "nonword", True),
            ("boundaries", boundaries, "boundary", True)]


@pytest.mark.parametrize("name, patterns, before, lower", lexicon_alternations(), ids=lambda v: v if isinstance(v, str) else "")
def test_lexicon_alternations_are_rewritten_not_left_slow(name, patterns, before, lower):
    # the speed-up only happens when every lexicon pattern can be rewritten
    assert wordscan.word_alternation(patterns, before) != plain(patterns, before).pattern


def corpus_words() -> list[str]:
    lex = lexicon.load()
    words = [r["canonical"] for r in lex.organisations + lex.models]
    words += ["das Modell", "dieses KI-Modells", "der Branche", "US-Regierung", "amerikanischen Branche",
              "Börsenwert", "Marktwert", "market value", "gab 5 aus", "Training", "xAIs", "S&P 500", "U.S.",
              "ein", "zwei", "eine Million", "eineinhalb", "hundert", "Milliarden", "Tausende", "a", "b",
              "größer als", "als", "mehr als", "während", "than", "while"]
    return words


texts = st.lists(st.one_of(st.sampled_from(corpus_words()), st.text(alphabet="aAbDeUS-.,' \n", max_size=4)),
                 max_size=30).map(lambda parts: "".join(p + sep for p, sep in zip(parts, [" ", "", "-", "\n"] * 10)))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_fast_and_plain_alternations_find_the_same_spans(text):
    for _, patterns, before, lower in lexicon_alternations():
        subject = text.lower() if lower else text
        fast = re.compile(wordscan.word_alternation(patterns, before))
        expected = spans(plain(patterns, before), subject)
        assert spans(fast, subject) == expected
        assert wordscan.WordScan(patterns, before).spans(subject) == expected


@pytest.mark.parametrize("name, patterns, before, lower",
                         [a for a in lexicon_alternations() if a[0] != "boundaries"],  # a regex only, no WordScan
                         ids=lambda v: v if isinstance(v, str) else "")
def test_lexicon_alternations_use_the_prefix_pass(name, patterns, before, lower):
    assert wordscan.WordScan(patterns, before)._automaton is not None


def test_prefixes_stop_before_optional_and_variable_parts():
    assert wordscan.literal_prefix("modells?") == "modell"
    assert wordscan.literal_prefix("ki-branche") == "ki-branche"
    assert wordscan.literal_prefix(r"u\.s\.") == "u.s."
    assert wordscan.literal_prefix(r"gab\b.{0,40}\bnach") == "gab"
    assert wordscan.literal_prefixes(["(?:das|dieses) modell", "[Cc]hina"]) == ["das modell", "dieses modell",
                                                                               "China", "china"]


def test_a_short_prefix_falls_back_to_the_regex_with_the_same_spans():
    scan = wordscan.WordScan(["a(?= billion)", "zwei"], before="boundary")
    assert scan._automaton is None
    text = "a billion, a car, zwei, bazwei"
    assert scan.spans(text) == [(0, 1), (18, 22)]


def test_spans_within_a_window_and_without_overlaps():
    scan = wordscan.WordScan(["ab", "abc", "bcd"])
    text = "abcd abc xab ab"
    assert scan.spans(text) == [(0, 2), (5, 7), (13, 15)]  # first alternative wins, as in finditer
    assert scan.spans(text, 5, 9) == [(5, 7)]
    assert scan.spans(text, 0, 1) == []


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from(["de", "en"]))
def test_number_word_trigger_agrees_with_the_plain_form(text, language):
    g = grammar.grammar(language)
    subject = text.lower()
    assert g.trigger.spans(subject) == spans(plain(grammar.trigger_words(language), "boundary"), subject)
