"""The benchmark's corpora: the real articles, repeated for timing, and generated articles for scale."""
from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterator
from pathlib import Path

from newsnumbers.engine.textio import read_article

ROOT = Path(__file__).resolve().parent.parent


def seed_articles(seeds: Path) -> list[dict]:
    out = []
    for path in sorted(seeds.glob("*.txt")):
        art = read_article(path)
        if hasattr(art, "text"):
            out.append({"name": path.name, "text": art.text})
    return out


def test_sentences() -> list[str]:
    path = ROOT / "tests/data/rule_cases.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return sorted({r["text"] for r in rows})


def real_articles(seeds: Path) -> list[dict]:
    """The development corpus's real articles (43 outlets, German and English) and the seeds, each as read."""
    paths = sorted((ROOT / "tests/data/corpus/articles").glob("*.txt")) + sorted(seeds.glob("*.txt"))
    out = []
    for path in paths:
        art = read_article(path)
        if hasattr(art, "text"):
            out.append({"name": path.name, "text": art.text})
    return out


def throughput_corpus(seeds: Path, target_chars: int) -> list[dict]:
    """The real articles, one by one, repeated to ``target_chars`` (so the timing is long enough to trust)."""
    base = real_articles(seeds)
    out, total, k = [], 0, 0
    while total < target_chars:
        for art in base:
            out.append({"name": f"{k:05d}_{art['name']}", "text": art["text"]})
            total += len(art["text"])
        k += 1
    return out


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def generated_articles(seeds: Path, n: int, rng_seed: int = 7) -> Iterator[str]:
    """``n`` articles mixing the seeds' sentences, every number replaced by a random one (generated lazily)."""
    rng = random.Random(rng_seed)
    sentences = [s for art in seed_articles(seeds) for s in re.split(r"(?<=[.!?])\s+|\n+", art["text"]) if s.strip()]
    sentences += test_sentences()

    def vary(m: re.Match) -> str:
        digits = m.group()
        if len(digits) == 4 and digits.startswith(("19", "20")):
            return digits  # keep years years
        return f"{rng.randint(1, 999)},{rng.randint(0, 9)}" if "," in digits else str(rng.randint(1, 999))

    for _ in range(n):
        yield "\n".join(_NUMBER.sub(vary, rng.choice(sentences)) for _ in range(rng.randint(15, 40)))


_SENTENCE_MARK = re.compile(r"[.!?…]+(?=\s)")
_NOT_SLUG = re.compile(r"[^a-z0-9äöüß]+")


def stress_texts(seeds: Path, size: int) -> dict[str, str]:
    """Three articles of about ``size`` characters each, made of the real articles, for cost that must stay linear.

    - ``one line``: every article joined on one line with the sentence ends made
      commas: one sentence of ``size`` characters, as a page pasted without breaks;
    - ``urls``: one link per line after its title, a real sentence, and its path made of that sentence's
      words (a link list: figures beside and inside links);
    - ``prose``: the articles one after another, as they are.
    """
    bodies = [art["text"] for art in real_articles(seeds)]
    prose = "\n\n".join(bodies)
    flat = _SENTENCE_MARK.sub(",", " ".join(prose.split()))
    sentences = [s for body in bodies for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.strip()]
    links = [f"{s.strip()} https://news.example.com/{2020 + i % 6}/{i:06d}/{_NOT_SLUG.sub('-', s.lower()).strip('-')[:90]}"
             for i, s in enumerate(sentences)]
    urls = "\n".join(links)

    def repeat(unit: str, sep: str) -> str:
        return (sep.join([unit] * (size // (len(unit) + len(sep)) + 1)))[:size]

    return {"one line": repeat(flat, " "), "urls": repeat(urls, "\n"), "prose": repeat(prose, "\n\n")}
