"""Same text, same table, whatever the process's string hashing (PYTHONHASHSEED).

Why: a set's order changes with the hash seed, and where the engine read one in order, two runs of the
same build could write different tables (``evidence`` said "valued" in one run, "valued at" in another).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# a sentence whose cue has two terms at one place ("valued" and "valued at"), and the corpus article it is from
SENTENCE = ("The new funding values the company at $24 billion post-money, well behind OpenAI’s $86 billion "
            "valuation but well ahead of the $18 billion that fellow generative AI rival Anthropic is now valued "
            "at after its last raise.")
ARTICLE = ROOT / "tests/data/corpus/articles/x10_clateway.txt"
CODE = ("import sys\nfrom newsnumbers import extract\n"
        "for path in sys.argv[1:]:\n"
        "    text = open(path, encoding='utf-8').read() if path != '-' else sys.stdin.read()\n"
        "    sys.stdout.write(extract(text).to_csv(index=False, lineterminator='\\n'))\n")


def _table(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CODE, "-", str(ARTICLE)], input=SENTENCE, env=env,
                          capture_output=True, text=True, check=True, encoding="utf-8")
    return done.stdout


def test_the_table_does_not_depend_on_the_hash_seed():
    tables = {seed: _table(seed) for seed in ("1", "2", "5")}  # 1 and 2 gave different evidence before the fix
    assert "valued" in tables["1"]
    assert tables["1"] == tables["2"] == tables["5"]
