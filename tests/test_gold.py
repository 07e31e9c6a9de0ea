"""The seeds' hand annotation: recall, precision and every field's accuracy.

The seeds are the tuning set: the rules score 1.0 on every field there, so the
floors are 1.0. A lower floor let a deliberate bug through ("fast" read as an
exact figure put the qualifier score exactly on a 0.90 floor).
"""

import pytest
from conftest import ROOT

from newsnumbers.evaluate.scoring import FIELDS, read_gold, score

#: What the seeds score (checked with /work/shared/tools/score_extraction.py too): every figure, every field.
SEED_FLOOR = 1.0


@pytest.fixture(scope="module")
def result(seed_tables):
    figures, rejected = seed_tables
    assert rejected.empty, rejected.to_string()
    return score(read_gold(ROOT / "tests/data/seeds.gold.csv"), figures)


def test_recall(result):
    assert result.recall >= SEED_FLOOR, result.misses


def test_precision(result):
    assert result.precision >= SEED_FLOOR, result.false_positive_quotes


@pytest.mark.parametrize("name", FIELDS)
def test_field_accuracy(result, name):
    assert result.accuracy(name) >= SEED_FLOOR, [w for w in result.wrong if f" {name}:" in w]


def test_scorer_counts_a_miss_and_a_false_positive():
    gold = read_gold(ROOT / "tests/data/seeds.gold.csv")
    pred = gold.drop(columns=["required", "note"]).iloc[1:].copy()
    extra = pred.iloc[[0]].assign(start=0, end=5, quote="xxxxx")
    res = score(gold, __import__("pandas").concat([pred, extra]))
    assert res.found == res.required - 1 and res.false_positives == 1
