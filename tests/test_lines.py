""":func:`lines.in_lines` (a name pattern looked for only in the lines that hold its rare tail) finds what the
pattern finds in the whole text: the two fast patterns of :mod:`new_names` that use it, on random strings of the
words, brackets, figures and line breaks they turn on, and on the corpus's articles."""
from __future__ import annotations

import random
from pathlib import Path

from newsnumbers.engine.attribute import new_names
from newsnumbers.engine.lines import in_lines, one_line

ROOT = Path(__file__).resolve().parent.parent
PIECES = ["Orca", "AI", "Inc", "Inc.", "Group", "Labs", "GmbH", "AG", "Ä", "X", "x", "MiniMax", "AT&S", "Enspired",
          "(", ")", "(KI-gestützter Stromhandel, 15 Mio. Euro)", "(Robotik, rund 3 Mio.)", ", ", ",", "15", "$3", "€",
          "rund", "\n", "\n\n", " ", " ", " ", "-", ".", ". ", "’", "Technology", "Holding", "Holdings", "\t", "a"]


def _found(pattern, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in pattern]


def test_a_search_in_the_tails_lines_finds_what_the_whole_search_finds():
    p = new_names._patterns()
    pairs = [(p.suffixed, p.line_tails[0]), (p.bracketed, p.line_tails[1])]
    assert all(tail is not None for _, tail in pairs), "the lexicon's suffix words stay on one line"
    rng = random.Random(3)
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests/data/corpus/articles").glob("*.txt"))]
    texts += ["".join(rng.choice(PIECES) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 40)))
              for _ in range(3000)]
    found = [0, 0]
    for text in texts:
        for k, (pattern, tail) in enumerate(pairs):
            fast = _found(in_lines(pattern, tail, text), text)
            assert fast == _found(pattern.finditer(text), text), text
            found[k] += len(fast)
    assert min(found) > 100, f"the strings hold many matches of each pattern: {found}"


def test_a_word_that_may_match_a_line_break_keeps_the_whole_search():
    assert not one_line([r"mit\s+jeweils"]) and not one_line(["[^x]"]) and one_line([r"Inc\.?", "Holdings?"])
    text = "Orca\nAI"
    assert [m.group() for m in in_lines(new_names._patterns().suffixed, None, text)] == \
        [m.group() for m in new_names._patterns().suffixed.finditer(text)]
