"""What one more article costs, counted, never timed: no hidden one-time work once each language is loaded.

Why: the benchmark showed one real article (d01_axios.txt, the corpus's first
English one) ten times slower than the rest. Its own work was ordinary: the
first English call loads the English grammar and the lemmatiser's English
dictionary, and the benchmark had warmed up with a German article only. These
tests count work (regex compilations, dictionary loads, Python call events),
which does not drift with the machine's load, so they can fail in CI only when
the code changes.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from conftest import DATA, SEEDS
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

from newsnumbers import extract, iter_figures
from newsnumbers.engine.segment import detect_language

ARTICLES = sorted((DATA / "corpus/articles").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in ARTICLES]


def _warm_each_language(texts: list[str]) -> None:
    """One article per language, as the benchmark does before it starts the clock."""
    first = {detect_language(t): t for t in reversed(texts)}
    assert set(first) == {"de", "en"}, "the corpus should hold both languages"
    for text in first.values():
        extract(text)


@contextmanager
def _counting_loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list]]:
    """Count regex compilations (cache misses of ``re``) and lemmatiser dictionary loads inside the block."""
    seen: dict[str, list] = {"compiled": [], "dictionaries": []}
    real_compile = re._compiler.compile
    real_load = DefaultDictionaryFactory._get_dictionary_uncached

    def compile_(pattern, flags):  # noqa: ANN001, ANN202 - the signature of re._compiler.compile
        seen["compiled"].append(pattern if isinstance(pattern, str) else repr(pattern))
        return real_compile(pattern, flags)

    def load(self, lang):  # noqa: ANN001, ANN202
        seen["dictionaries"].append(lang)
        return real_load(self, lang)

    monkeypatch.setattr(re._compiler, "compile", compile_)
    monkeypatch.setattr(DefaultDictionaryFactory, "_get_dictionary_uncached", load)
    yield seen


def test_once_each_language_is_loaded_no_article_loads_a_dictionary(monkeypatch):
    """The lemmatiser's dictionaries (the outlier's 0.2 s) load once per language, never for a later article."""
    texts = _texts()
    _warm_each_language(texts)
    with _counting_loads(monkeypatch) as seen:
        for text in texts:
            extract(text)
    assert seen["dictionaries"] == []


def test_an_article_seen_before_compiles_no_regex(monkeypatch):
    """Patterns are compiled once per process (a few lazily, when an article first needs them), never per
    article: a pattern built from an article's words, or more patterns than ``re``'s cache holds, would
    compile again on the second pass."""
    texts = _texts()
    for text in texts:
        extract(text)
    with _counting_loads(monkeypatch) as seen:
        for text in texts:
            extract(text)
    assert seen["compiled"] == []


def test_an_article_with_new_company_names_compiles_no_regex(monkeypatch):
    """A company the lexicon does not know is looked for again in its article without a pattern made of its
    name: every new article names new companies, and such a pattern compiled each time (``re``'s cache holds
    only the last 512)."""
    def article(k: int) -> str:
        name = "Zor" + "".join("aeiou"[k // 5 ** i % 5] + "lmnrt"[k // 5 ** i % 5] for i in range(3)) + "ix"
        return (f"{name} AI, ein Start-up aus Wien, sammelt 5 Millionen Euro ein. {name} will damit wachsen. "
                f"{name} AI raised $12 million, and {name} plans to grow.")

    texts = _texts()
    _warm_each_language(texts)
    assert extract(article(0))["organisation"].str.startswith("Zor").any(), "the new name is found"
    with _counting_loads(monkeypatch) as seen:
        for k in range(1, 40):
            extract(article(k))
    assert seen["compiled"] == []


def _calls(text: str) -> int:
    """Python call events (generator steps included) while extracting ``text``."""
    count = 0

    def profile(frame, event, arg):  # noqa: ANN001, ANN202
        nonlocal count
        count += event == "call"
    sys.setprofile(profile)
    try:
        list(iter_figures(text))
    finally:
        sys.setprofile(None)
    return count


def test_an_articles_first_extraction_costs_about_what_its_second_does():
    """The outlier's signature: after a German article only, d01_axios.txt's first extraction made 469,383
    Python calls and its second 863 (the English grammar and dictionary loaded in between). With each
    language loaded, what a first extraction adds is only the words it meets for the first time (the
    per-word lemma and cue caches: at most about 2,000 calls on this corpus), never a load."""
    texts = _texts()
    _warm_each_language(texts)
    for path, text in zip(ARTICLES, texts):
        first, second = _calls(text), _calls(text)
        assert first <= 3 * second + 10_000, f"{path.name}: {first} calls the first time, {second} the second"


def test_periods_read_on_the_folded_clause_are_the_periods_of_the_clause():
    """period.find runs its rules case-sensitively on the lower-cased clause when it has it (faster per
    figure); the periods, and the words they capture ("VIER" -> 4), must be those of the case-insensitive rules."""
    from newsnumbers.engine.casefold import fold
    from newsnumbers.engine.period import find

    clauses = [("350 Millionen Euro PRO JAHR", "de"), ("über VIER Jahre 500 Mrd.", "de"), ("IM Geschäftsjahr 2025", "de"),
               ("$500 billion Over Four Years", "en"), ("a Three-Year plan", "en"), ("the biggest drop in 26 years", "en"),
               ("Bis Ende 2029", "de"), ("im April dieses Jahres 40 Mrd.", "de"), ("İm Jahr", "de"), ("jedeſ Jahr", "de")]
    clauses += [(line.strip(), detect_language(line)) for text in _texts() for line in text.splitlines() if line.strip()]
    found = [(clause, find(clause, lang), find(clause, lang, fold(clause))) for clause, lang in clauses]
    assert [f for f in found if f[1] != f[2]] == []
    assert {f[1] for f in found} >= {"year", "multi_year:4", "fiscal_year:2025", "until:2029", "multi_year:3"}


def test_the_characters_kept_from_the_folded_reading_are_all_that_disagree():
    """Lower-casing and the regex engine's case-insensitive matching agree on every character but those the
    period rules read case-insensitively (scanned over all of Unicode, as the regex engine itself lowers)."""
    import _sre

    from newsnumbers.engine.casefold import fold
    from newsnumbers.engine.period import _unsafe_for_folding

    unsafe = _unsafe_for_folding()
    disagree = [chr(i) for i in range(0x110000) if _sre.unicode_tolower(i) != ord(fold(chr(i))[0]) or len(fold(chr(i))) != 1]
    assert disagree and [c for c in disagree if not unsafe.match(c)] == []
    assert unsafe.match("ſ") and unsafe.match("ς") and not unsafe.match("ä") and not unsafe.match("s")


def test_the_lower_cased_text_is_walked_once_for_all_its_word_scans():
    """Page furniture, number words and generic names are found in one Aho–Corasick pass over each article's
    lower-cased text (counted), and each scan gets exactly the places its own automaton finds."""
    from newsnumbers.engine import wordscan
    from newsnumbers.engine.casefold import fold
    from newsnumbers.engine.pipeline import _folded_scans

    group = _folded_scans()
    assert len(group.members) >= 4
    texts = _texts()
    before = group.passes
    for text in texts:
        extract(text)
    assert group.passes - before == len(texts)
    for text in texts[:30]:
        low = fold(text)
        for scan in group.members:
            alone = wordscan.WordScan.__new__(wordscan.WordScan)
            alone.__dict__.update(scan.__dict__, _group=None)
            assert scan.candidates(low) == alone.candidates(low)


def test_a_clauses_windows_and_their_mentions_are_worked_out_once_per_article(monkeypatch):
    """Counted: the windows of a figure's clause are made once for all its figures (not once per figure; only a
    relative clause's depend on the figure), each window's mentions are looked up once for the figures of a
    clause that hold no mention, and an anaphor is resolved once per article and wanted owner."""
    from newsnumbers.engine.attribute import antecedents, places

    resolved: list[tuple] = []
    look_back = antecedents.Antecedents.resolve.__wrapped__  # the rules, under the once-per-anaphor memo

    def counted(self, m, want_owner=""):  # noqa: ANN001, ANN202
        resolved.append((id(self), m, want_owner))
        return look_back(self, m, want_owner)

    made: list[tuple[int, int, bool]] = []
    looked_up: list[tuple] = []
    real_windows, real_mentions = places._windows, places.Places.window_mentions

    def windows(cls, i, fig, text, lower):  # noqa: ANN001, ANN202
        made.append((cls[i].start, cls[i].end, cls[i].relative and i > 0))
        return real_windows(cls, i, fig, text, lower)

    def window_mentions(self, place, k, fig):  # noqa: ANN001, ANN202
        holds = any(fig.start <= s < fig.end for s in self.starts)
        if k not in place.mentions and not holds and place.windows[0][1] == "subject":  # not a relative clause's
            # per clause (its own window names it): two clauses may share a wider window, each looks it up once
            looked_up.append((place.sentence, tuple(place.windows[0][0]), tuple(place.windows[k][0]), k))
        return real_mentions(self, place, k, fig)

    monkeypatch.setattr(places, "_windows", windows)
    monkeypatch.setattr(places.Places, "window_mentions", window_mentions)
    monkeypatch.setattr(antecedents.Antecedents, "resolve", antecedents._once_per_mention(counted))
    figures = clauses_seen = anaphors = 0
    for text in _texts():
        made.clear(), looked_up.clear(), resolved.clear()
        figures += len(list(iter_figures(text)))
        clauses = [k for k in made if not k[2]]
        assert len(clauses) == len(set(clauses)), "a clause's windows made twice"
        assert len(looked_up) == len(set(looked_up)), "a clause's window's mentions looked up twice"
        assert len(resolved) == len(set(resolved)), "an anaphor resolved twice"
        anaphors += len(resolved)
        clauses_seen += len(clauses)
    assert figures > clauses_seen > len(_texts()), "figures share clauses, so sharing saves work"
    assert anaphors > len(_texts()), "the corpus has anaphors to resolve"


def test_an_articles_place_is_counted_once_however_many_figures_ask(monkeypatch):
    """Counted: an article that names no company is about the place it names most; that place is worked out
    once per article, not once per figure that nobody near it names (which would grow with figures x mentions)."""
    from newsnumbers.engine.attribute import article_topic

    counted: list[int] = []
    real = article_topic.main_place

    def main_place(mentions):  # noqa: ANN001, ANN202
        counted.append(len(mentions))
        return real(mentions)

    monkeypatch.setattr(article_topic, "main_place", main_place)
    lead = "Österreichs Start-up-Szene hatte ein schwaches Jahr. Die Stimmung ist gedrückt. Viele warten ab. "
    text = lead + " ".join(f"Eine Runde brachte {k} Millionen Euro." for k in range(1, 40))
    rows = list(iter_figures(text))
    assert len(rows) == 39 and {r["organisation"] for r in rows} == {"Austria"}
    assert len(counted) == 1


def test_the_named_aliases_find_their_places_in_the_same_walk():
    """The named aliases (matched case-sensitively on the article) take their places from the lower-cased text's
    one walk: their own automaton walks no article during extraction (counted), and still has one for callers
    without the folded text."""
    from newsnumbers.engine.attribute.mentions import _tables
    from newsnumbers.engine.pipeline import _folded_scans

    group, named = _folded_scans(), _tables().regex
    assert named._folded_group is not None and named._folded_group[0] is group
    texts = _texts()
    passes, walks = group.passes, named.walks
    for text in texts:
        extract(text)
    assert group.passes - passes == len(texts)
    assert named.walks == walks
    named.spans(texts[0])  # without the folded text: its own walk
    assert named.walks == walks + 1


def test_an_articles_work_is_freed_as_soon_as_it_is_done_not_by_a_collector_pass():
    """A reference cycle (a helper holding the measure finder's bound method) kept every block of a 10 MB text
    alive until the cyclic collector ran: two blocks at once, peak memory 6.4 times the file. Counted, not timed:
    after the articles are extracted with the collector off, nothing of theirs is left for it to find."""
    import gc
    texts = _texts()[:40]
    list(iter_figures(texts[0]))
    gc.collect()
    gc.disable()
    try:
        rows = sum(1 for text in texts for _ in iter_figures(text))
        left = gc.collect()
    finally:
        gc.enable()
    assert rows > 100
    assert left == 0
