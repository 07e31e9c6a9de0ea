"""The shortcuts taken for speed give what the plain way gives.

Why: each shortcut (the DataFrame built from typed arrays, the one search that
screens a clause for every period rule, the per-sentence cue scan) replaced a
slower but obviously right way; these tests keep the two ways side by side on
the real articles, so a later change to either cannot make them drift apart.
"""
from __future__ import annotations

import pandas as pd
from conftest import DATA, SEEDS

from newsnumbers import extract, iter_figures
from newsnumbers.engine import period
from newsnumbers.engine.casefold import fold
from newsnumbers.engine.pipeline import _EXTRACT_COLUMNS

ARTICLES = sorted((DATA / "corpus/articles").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in ARTICLES]


def test_extract_builds_the_frame_pandas_would_infer():
    """Same values, same dtypes (``str`` for text, int64 offsets, float64 values) as ``pd.DataFrame(rows)``."""
    for text in _texts()[:40]:
        rows = list(iter_figures(text))
        inferred = pd.DataFrame([{c: r[c] for c in _EXTRACT_COLUMNS} for r in rows], columns=_EXTRACT_COLUMNS)
        built = extract(text)
        pd.testing.assert_frame_equal(built, inferred, check_exact=True)
        assert list(built.dtypes) == list(inferred.dtypes)
    assert str(extract("DeepSeek kostete 5,6 Millionen Dollar.")["quote"].dtype) == "str"


def test_the_period_screen_passes_every_clause_a_rule_matches():
    """A clause that lacks every word a period rule needs has no period by that rule; every clause with one
    holds one of the words (each line of the corpus, and lines made to hold each rule's words)."""
    lines = [line.strip() for text in _texts() for line in text.splitlines() if line.strip()]
    lines += ["350 Millionen Euro pro Jahr", "über vier Jahre 500 Mrd.", "im Geschäftsjahr 2025", "bis Ende 2029",
              "$500 billion over four years", "a three-year plan", "by the end of 2027", "in the third quarter",
              "5 Mrd. vierteljährlich", "$2bn annually", "im laufenden Jahr", "revenue in fiscal 2025 rose"]
    rules, needs = period._rules(), period._needs()
    assert all(n is not None for n in needs), "every period rule has words it needs today"
    matched = set()
    for line in lines:
        low = fold(line)
        for k, ((pattern, _, _, _), words) in enumerate(zip(rules, needs)):
            if pattern.search(line):
                matched.add(k)
                assert any(w in low for w in words), (line, words)
        for lang in ("de", "en"):
            assert period.find(line, lang, low) == period.find(line, lang), line  # with the screen, without it
    assert len(matched) == len(rules), "each rule matched some line"


def test_required_literals_are_what_every_match_contains():
    """The analysis behind the screen: literal runs, groups, alternatives and repeats; None where it cannot tell."""
    import re

    from newsnumbers.engine.literals import required

    assert required(re.compile(r"pro jahr|jährlich")) == {"pro jahr", "jährlich"}
    assert required(re.compile(r"(?:über|binnen) (?:den )?(?P<n>\d+) jahren?\b")) == {" jahre"}
    assert required(re.compile(r"(?:ab)+c?")) == {"ab"}
    assert required(re.compile(r"(?:ab)?c*")) is None and required(re.compile(r"\d{4}")) is None
    assert required(re.compile(r"jahr", re.IGNORECASE)) is None and required(re.compile(r"(?i:jahr)x")) == {"x"}
    for pattern, text in [(r"(?:by|to) (?:the end of )?\d{4}", "to the end of 2029"), (r"a(?=b)c|xyz", "xyz")]:
        rx = re.compile(pattern)
        assert rx.search(text) and any(w in text for w in required(rx))


def test_a_name_is_read_by_the_patterns_that_can_start_like_it():
    """:func:`mentions._classify` tries only the alias patterns that can start with the word's first character;
    the first of all patterns, tried one by one in the lexicon's order, must give the same answer (every name
    the articles hold, each pattern's own words where it is a plain word, and odd first characters)."""
    import re

    from newsnumbers.engine.attribute import mentions

    entries, index = mentions._aliases()
    assert len(index.always) < len(entries) // 20, "most patterns have first characters that can be told"
    words = {text[a:b] for text in _texts() for a, b in mentions._tables().regex.spans(text)}
    words |= {fold(text)[a:b] for text in _texts() for a, b in mentions._tables().lower_regex.spans(fold(text))}
    words |= {re.sub(r"[()?:|\\\\$]", "", regex.pattern) for regex, _ in entries}
    words |= {"meta", "META", "openai", "the company", "DER CHIPKONZERN", "ſoftbank", "İntel", "", "„Nvidia"}
    for word in sorted(words):
        one_by_one = next((outcome for regex, outcome in entries if regex.match(word)), None)
        indexed = next((entries[k][1] for k in index.candidates(word) if entries[k][0].match(word)), None)
        assert indexed == one_by_one, word


def test_first_characters_of_a_pattern():
    import re

    from newsnumbers.engine.firstchar import first_chars

    assert first_chars(re.compile(r"(?:Open ?AI|Nvidia)$")) == {"O", "N"}
    assert first_chars(re.compile(r"(?i:(?:das|dem) Modell)$")) == {"d", "D"}
    assert first_chars(re.compile(r"(?i:\w+-Konzern)$")) is None and first_chars(re.compile(r"(?:Ö1)$")) is None
    assert first_chars(re.compile(r"(?:A)|(?:B)$")) is None  # not one group around the whole pattern


def test_language_read_from_the_folded_text_is_the_language_of_the_lower_cased_sample():
    """detect_language reads the pipeline's folded text instead of lower-casing its sample again; the language
    must be the same for every article, for a sample cut inside a word, and around 'İ' (fold keeps it, lower()
    lengthens it) and final sigmas."""
    from newsnumbers.engine.segment import detect_language

    texts = _texts() + ["İST DIE THE AND DER UND " * 3 + "the and of", "ΟΔΟΣ the and der " * 40, "DER DIE DAS THE"]
    for text in texts:
        for sample in (6000, 7, 50):
            assert detect_language(text, sample, folded=fold(text)) == detect_language(text, sample), (text[:40], sample)
    assert {detect_language(t, folded=fold(t)) for t in _texts()} == {"de", "en"}


def test_cue_scan_finds_what_a_plain_reading_of_every_term_finds():
    """:func:`cues.scan` keeps only (group, later words) per word and tests a multi-word term's next word before the
    gap; a plain reading (every term of every word: its first word by :func:`cues._word_terms`, each later word a
    prefix of the next word or its lemma with only spaces or hyphens between) must give the same matches."""
    from newsnumbers.engine.attribute import cues
    from newsnumbers.engine.segment import Segmenter, detect_language

    checked = 0
    for text in _texts()[:60]:
        low, lang, seg = fold(text), detect_language(text), Segmenter.of(text)
        for s in range(0, len(seg.starts) - 1, 3):
            a, b = seg.sentence_span(s)
            words = [m.span() for m in cues._WORD.finditer(low, a, b)]
            plain: dict[str, list[tuple[int, int]]] = {}
            for k, (ws, we) in enumerate(words):
                joined = ws > a and cues._HYPHEN.match(low, ws - 1) is not None  # "Segment-Ergebnis": a compound's part
                for group, rest in cues._word_terms(low[ws:we], lang, "", joined):
                    end, ok = we, True
                    for n, want in enumerate(rest, start=1):
                        j = k + n
                        nxt = low[words[j][0]:words[j][1]] if j < len(words) else ""
                        ok = ok and j < len(words) and not text[end:words[j][0]].strip(" -") and (
                            nxt.startswith(want) or cues.lemma(nxt, lang).startswith(want))
                        end = words[j][1] if ok else end
                    if ok:
                        plain.setdefault(group, []).append((ws, end))
            if lang == "de" and cues._separable(text, [low[x:y] for x, y in words], words, cues.cue_index().particles):
                continue  # a separable verb's particle adds terms the plain reading does not know
            assert cues.scan(text, low, a, b, lang) == plain, text[a:b]
            checked += 1
    assert checked > 250


def test_unknown_company_patterns_match_as_first_written():
    """:mod:`new_names` opens its name patterns with the first letter and looks for an apposition from its comma;
    the patterns as first written (each entered at every character) must find the same names at the same places:
    on the real articles, and on random strings of the words and marks the patterns turn on (a name at the text's
    start, after a line break or ". ", after a hyphen, "Ä" alone, appositions next to each other)."""
    import random

    from newsnumbers.engine.attribute import new_names

    fast, plain = new_names._patterns(), new_names._patterns(plain=True)
    assert fast.after_tail is not None and plain.after_tail is None

    def found(text: str, p: new_names._Patterns) -> list:
        return [[(m.span("name"), m.group("name")) for m in ms] for ms in (
            p.suffixed.finditer(text), new_names._appositions(text, p), p.before.finditer(text), p.subject.finditer(text),
            p.listed.finditer(text), p.bracketed.finditer(text), p.possessor.finditer(text))]

    pieces = ["Orca", "AI", "Inc", "Group", "Labs", "GmbH", "Ä", "X", "x", "orca", "MiniMax", "AT&S", "Start-up", "startup",
              "company", "Unternehmen", "a", "an", "ein", "eine", "autonomous", "raised", "sammelte", "has", "hat", "das",
              "The", "Die", ",", ", ", ".", ". ", "\n", "-", " ", " ", " ", " ", "•", "’", "(", "Stanford", ", an autonomous startup",
              ", a company", ", ein Start-up", ",  a firm", ", a\nstartup", ". Thought Machine raised", "\nOrca has raised",
              "Orca.", "X.", "’X", "Ä.", "AT&", "O’Neil", "Hololight-", "Q.", "\u00a0", "\t", "Orca, an AI startup",
              "mit", "with", "mit jeweils", "und", "sowie", "gefolgt von", "in Horw LU", "15", "$5", "rund 3", "(Stromhandel, 15",
              "Enspired (KI, €2", ", Easelink mit 4", "; CeQur in Horw LU mit rund 109", "stockt Tubulis seine", "Orca ihre", "seine", "ihren"]
    rng = random.Random(11)
    texts = _texts() + ["".join(rng.choice(pieces) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 40)))
                        for _ in range(1200)]
    names = [0] * 7
    for text in texts:
        got = found(text, fast)
        assert got == found(text, plain), text
        names = [n + len(g) for n, g in zip(names, got)]
        for lang in ("de", "en"):
            assert new_names._candidates(text, lang) == new_names._candidates(text, lang, plain=True), text
    assert min(names) > 200, f"the strings hold many names of each kind: {names}"


def test_a_word_list_written_first_letter_first_matches_as_the_plain_alternation():
    """:func:`new_names._first_letter_first` (lexicon words, and the names found in an article) finds what
    ``(?<![\\w-])(?:w1|w2|...)`` finds, and gives up on a word that opens with no plain character."""
    import random
    import re

    from newsnumbers.engine.attribute.new_names import _first_letter_first

    assert _first_letter_first([r"\w+"]) is None and _first_letter_first(["(?:a|b)+"]) is None
    rng = random.Random(5)
    lists = [[r"[Ss]tart-?up", "Start", "startups?", "Fintech", "company"], [re.escape("Orca AI"), "Orca", re.escape("A.I")]]
    for words in lists:
        fast, plain = re.compile(_first_letter_first(words)), re.compile(r"(?<![\w-])(?:" + "|".join(words) + ")")
        for _ in range(400):
            text = "".join(rng.choice(["Start-up", "startups", "Startup", "Orca AI", "Orca", "A.I", "-", "x", " ", ",",
                                       "Fintech", "company", "\n"]) for _ in range(rng.randint(1, 12)))
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_named_aliases_found_through_the_folded_walk_are_the_regex_matches():
    """The named aliases' places come from the lower-cased text's walk (their prefixes lower-cased): the spans
    must be exactly ``finditer``'s on the article, on the real articles, the lexicon's own names in odd cases
    and random strings of name pieces, capitals, sigmas and 'İ' (which fold keeps and lower() lengthens)."""
    import random

    from newsnumbers.engine.attribute import mentions
    from newsnumbers.engine.pipeline import _folded_scans

    _folded_scans()
    named = mentions._tables().regex
    assert named._folded_group is not None
    pieces = sorted(named.prefixes)
    rng = random.Random(5)
    texts = _texts()
    texts += [" ".join(rng.choice(pieces) for _ in range(30)).swapcase() + " " + " ".join(pieces[:200])]
    marks = [" ", ", ", "-", "'s ", "Σ", "ς", "İ", "ẞ", "\n", "(", "OPENAI", "Meta", "mETA"]
    for _ in range(400):
        texts.append("".join(rng.choice(pieces + marks) for _ in range(rng.randint(1, 12))))
    for text in texts:
        want = [m.span() for m in named.regex.finditer(text)]
        assert named.spans(text, folded=fold(text)) == want, text[:80]
        assert named.spans(text) == want, text[:80]


def test_names_found_again_by_find_are_the_regex_matches():
    """:func:`new_names.found_again` (``str.find`` with the boundaries) finds what the regex it replaced finds,
    ``(?<![\\w-])(?:f1|f2|...)(?![\\w-])`` with the longest forms first: on every article with the names found in
    it (and their cores), and on random strings of names that overlap, nest and touch hyphens, digits, '_' and
    letters of other scripts."""
    import random
    import re

    from newsnumbers.engine.attribute import new_names

    def plain(text: str, forms: list[str]) -> list[tuple[int, int, str]]:
        escaped = [re.escape(f) for f in sorted(forms, key=len, reverse=True)]
        regex = re.compile(r"(?<![\w-])(?:" + "|".join(escaped) + r")(?![\w-])")
        return [(m.start(), m.end(), m.group()) for m in regex.finditer(text)]

    cases = []
    for text in _texts():
        names = {name for _, _, name in new_names._candidates(text, "de") + new_names._candidates(text, "en")}
        forms = names | {n.rsplit(" ", 1)[0] for n in names if " " in n}
        if forms:
            cases.append((text, sorted(forms)))
    assert len(cases) > 20, "the corpus names companies the lexicon does not know"
    rng = random.Random(11)
    words = ["Orca", "Orca AI", "AI", "Mini", "MiniMax", "MiniMax Group", "Émile", "Ωmega", "X"]
    glue = [" ", "-", "_", "1", "é", "ß", ", ", "\n", "", "Ω", "'s "]
    for _ in range(600):
        text = "".join(rng.choice(words + glue) for _ in range(rng.randint(1, 14)))
        cases.append((text, rng.sample(words, rng.randint(1, 4))))
    for text, forms in cases:
        assert new_names.found_again(text, forms) == plain(text, forms), (text[:80], forms)

