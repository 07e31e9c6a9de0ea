"""The development corpus of real articles (tests/data/corpus): its gold is sound, and the extractor holds its ground on it.

The floors are what the rules scored (dev half read, test half only scored), rounded down: a change that loses ground
on articles nobody tuned for fails here. Raised with the lemma, subject and lexicon rules of #11 (test half then:
measure 0.779, organisation 0.828, model 0.945). Raise them as attribution improves.
"""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import DATA

from newsnumbers.evaluate.corpus import gold_problems, score_split, split_overlaps

CORPUS = DATA / "corpus"
FLOORS = {  # split: (recall, precision, {field: least accuracy})
    # today's scores on the corpus, rounded down: a drop fails, a rise is raised here by hand.
    # dev 301 (238 before session 17): 31 articles + the blind batches i, j (session 7), k (session 8), m (start-up rounds), n (price lists,
    # results; session 9), p (session 10), r (session 11), t and w (session 12), x and z (session 13), aa (session 14),
    # ac and ae (session 15), af, ai and ak (session 16: arrived at measure 0.667, 0.766 and 0.793, organisation
    # 0.757, 0.929 and 0.835), which pulled dev down as fresh text does (x arrived at measure 0.804, z at 0.704, aa at
    # 0.821, ac at 0.848 with organisation 0.737; session 15's rules brought dev to measure 0.958, organisation 0.927;
    # with af, ai and ak it is measure 0.938, organisation 0.917 after this session's rules); session 17: al and an
    # (an: 7 articles on companies the lexicon lacks) arrived at measure 0.856 and 0.654, organisation 0.797 and 0.058
    # (an: 0.000 under the session-start code), ap at measure 0.920, organisation 0.560 (0.300 under the session-start
    # code); dev 263 is measure 0.946, organisation 0.907 after this session's rules;
    # session 18: ar (10 articles, a realistic mix) arrived at measure 0.890, organisation 0.616; dev 273 went from
    # measure 0.944, organisation 0.898 (session-start code) to 0.950, 0.907; session 19: at (19 articles, a realistic
    # mix) arrived at measure 0.864, organisation 0.786; dev 292 went from measure 0.945, organisation 0.899, per 0.976
    # (session-start code) to 0.949, 0.907, 0.979; session 20: av (9 articles) arrived at measure 0.842, organisation
    # 0.882; dev 301 went from measure 0.945, organisation 0.907 (session-start code) to 0.947, 0.911; session 21: ax (10
    # articles) arrived at measure 0.875, organisation 0.693 and pulled dev 311 to measure 0.944, organisation 0.904
    # (session-start code); the session's rules made it 0.945, 0.906, so the organisation floor is 0.90 again; session 24:
    # bd (10 articles) arrived at recall 0.898, measure 0.823, organisation 0.911; dev 344 went from measure 0.940,
    # organisation 0.916 (session-start code) to 0.943, 0.920;
    # session 25: bf (10 articles) arrived at measure 0.744, organisation 0.910 and pulled dev 354 to measure 0.938, organisation
    # 0.920 (session-start code); the session's rules made it 0.940, 0.922; session 26: bh (10 articles) arrived at measure
    # 0.867, organisation 0.663 and pulled dev 364 to measure 0.938, organisation 0.916 (session-start code); the session's
    # rules made it 0.939, 0.917, so the measure floor is 0.935; session 27: bj (10 articles) arrived at measure 0.917,
    # organisation 0.917; dev 374 went from measure 0.939, organisation 0.917 (session-start code) to 0.939, 0.919;
    # test 228 (session 17: am01-am12, ao01-ao12, aq01-aq03 added; session 18: as01-as10; session 19: au01-au10; session 20: aw01-aw10):
    # 28 articles + the held-out batches h01-h12, l01-l12 (session 8),
    # q01-q10 (session 10), s01-s10 (session 11), u01-u10 and v01-v10 (session 12), y01-y10 (session 13), o01-o12 (session 14), ab01-ab12 and
    # ad01-ad12 (session 15), ag01-ag12, ah01-ah12, aj01-aj09 (session 16), am01-am12, ao01-ao12, aq01-aq03 (session 17), scored only.
    "dev": (0.98, 0.99, {"value": 0.99, "unit": 0.99, "qualifier": 0.96, "measure": 0.935, "organisation": 0.90, "model": 0.95}),
    # Session 12: batches u and v arrived blind at measure 0.843 and 0.889, organisation 0.943 and 0.819 (batch t,
    # dev: 0.659, 0.690). Session 13: batch y arrived at measure 0.818, organisation 0.909, model 1.0; the test half
    # of 102 was measure 0.830, organisation 0.882, model 0.953. Session 14: batch o arrived at measure 0.772,
    # organisation 0.781, model 0.982; the test half of 114 was measure 0.823, organisation 0.870, model 0.956 under the
    # session-start code and is measure 0.841, organisation 0.871, model 0.956 at its end.
    # Session 15: batches ab and ad arrived at measure 0.878 and 0.802, organisation 0.833 and 0.747, recall 0.874 and
    # 0.901 (the test half's recall fell below 0.96 with them); the test half of 138 was measure 0.841, organisation
    # 0.858, model 0.958 under the session-start code and is measure 0.847, organisation 0.870, model 0.960 at its end.
    # Session 16: batches ag, ah and aj arrived at measure 0.693, 0.782 and 0.826, organisation 0.728, 0.833 and
    # 0.752; the test half of 171 is recall 0.967, measure 0.831, organisation 0.847, model 0.953 (138 articles at the
    # session's start: 0.957, 0.847, 0.870, 0.960): the new batches pulled it down, the session's rules barely moved it.
    # Session 17: batches am, ao and aq (ao, aq: companies the lexicon lacks) arrived at measure 0.936, 0.908 and 0.824,
    # organisation 0.447, 0.370 and 0.118 under the session-start code (aq: 0.382 under the code it arrived to); the
    # test half of 198 went from recall 0.966, measure 0.843, organisation 0.775 (session-start code) to 0.971, 0.848,
    # 0.790. Session 18: batch as (10 articles, a realistic mix) arrived at measure 0.727, organisation 0.768 (0.808 and
    # 0.778 at the session's end); with the gold's canonical Moonshot AI and the takeover convention (7 rows) the test
    # half of 208 went from measure 0.844, organisation 0.790 (session-start code) to 0.849, 0.802. Session 19: batch au
    # (10 articles, a realistic mix) arrived at measure 0.863, organisation 0.562; the test half of 218 went from
    # measure 0.849, organisation 0.793 (session-start code) to 0.851, 0.793 (one figure more right). Session 20: batch
    # aw (10 articles) arrived at measure 0.909, organisation 0.852; the test half of 228 went from measure 0.853,
    # organisation 0.797 (session-start code) to 0.853, 0.798. Session 21: two test articles that were the same pages as
    # dev ones (ao01 = an05, aw03 = ae06) were removed; batch ay (10 articles) arrived at measure 0.818, organisation
    # 0.927, value 0.873 (a table of yearly amounts whose cells lose the header's "Milliarden": 14 values wrong, left
    # unread, so the value floor is 0.98); the test half of 236 went from measure 0.851, organisation 0.807 (session-start
    # code) to 0.854, 0.807. Session 24: batch be (10 articles) arrived at measure 0.894, organisation 0.788; a04, v05 and s06,
    # agency copies of dev articles, moved to dev; the test half of 263 went from recall 0.975, measure 0.859, organisation
    # 0.812 (session-start code) to 0.982, 0.860, 0.814. Session 25: batch bg (10 articles) arrived at measure 0.826,
    # organisation 0.837; the test half of 273 went from measure 0.858, organisation 0.815 (session-start code) to 0.859, 0.817.
    # Session 26: batch bi (10 articles) arrived at measure 0.900, organisation 0.875; the test half of 283 went from measure
    # 0.860, organisation 0.819 (session-start code) to 0.861, 0.820. Session 27: batch bk (10 articles) arrived at measure
    # 0.802, organisation 0.877; the test half of 293 went from measure 0.859, organisation 0.822 (session-start code) to
    # 0.859, 0.824. Session 28: batch bm (10 articles) arrived at measure 0.877, organisation 0.877; the test half of 303
    # went from per 0.960, organisation 0.825 (session-start code) to per 0.964, organisation 0.825.
    "test": (0.96, 0.99, {"value": 0.98, "unit": 0.99, "qualifier": 0.96, "measure": 0.85, "organisation": 0.80, "model": 0.95}),
}


def test_every_gold_row_matches_its_article_and_the_vocabulary():
    assert gold_problems(CORPUS) == []


def test_corpus_is_broad_and_split_before_tuning():
    sources = pd.read_csv(CORPUS / "sources.csv", dtype=str, keep_default_na=False)
    assert len(sources) >= 40 and sources["outlet"].nunique() >= 15
    assert (sources["language"] == "de").sum() >= 25 and (sources["language"] == "en").sum() >= 12
    assert set(sources["split"]) == {"dev", "test"}
    assert sources["article"].is_unique


def test_no_test_article_is_a_copy_of_a_dev_one():
    """Agency copy runs in several outlets: a test article that shares its sentences with a dev article was read with it."""
    assert split_overlaps(CORPUS) == []


def test_overlap_check_catches_an_agency_copy(tmp_path):
    import shutil
    shutil.copytree(CORPUS, tmp_path / "c")
    sources = pd.read_csv(tmp_path / "c/sources.csv", dtype=str, keep_default_na=False)
    dev, test = sources.loc[sources["split"] == "dev", "article"].iloc[0], sources.loc[sources["split"] == "test", "article"].iloc[0]
    copy = (tmp_path / "c/articles" / dev).read_text(encoding="utf-8")
    (tmp_path / "c/articles" / test).write_text("Von unserer Agentur.\n" + copy, encoding="utf-8")
    assert [(t, d) for t, d, _ in split_overlaps(tmp_path / "c")] == [(test, dev)]


def test_gold_check_catches_a_moved_quote(tmp_path):
    import shutil
    shutil.copytree(CORPUS, tmp_path / "c")
    gold = pd.read_csv(tmp_path / "c/gold.csv", dtype=str, keep_default_na=False)
    gold.loc[0, "start"] = str(int(gold.loc[0, "start"]) + 1)
    gold.to_csv(tmp_path / "c/gold.csv", index=False)
    assert any("is not text[" in p for p in gold_problems(tmp_path / "c"))


def test_gold_check_catches_a_quote_cut_out_of_a_longer_number(tmp_path):
    """"2 %" found with str.find inside "22 %" passes the text check but is not the figure meant."""
    import shutil
    shutil.copytree(CORPUS, tmp_path / "c")
    gold = pd.read_csv(tmp_path / "c/gold.csv", dtype=str, keep_default_na=False)
    row = gold.index[gold["quote"].str.fullmatch(r"\d{2,} %")][0]
    gold.loc[row, ["start", "quote"]] = [str(int(gold.loc[row, "start"]) + 1), gold.loc[row, "quote"][1:]]
    gold.to_csv(tmp_path / "c/gold.csv", index=False)
    assert any("part of a longer number" in p for p in gold_problems(tmp_path / "c"))


@pytest.mark.parametrize("split", ["dev", "test"])
def test_scores_hold_their_floor(split):
    result, _ = score_split(CORPUS, split)
    recall, precision, fields = FLOORS[split]
    # the test half is only scored: a failure there names no article or figure, so nobody tunes on it
    show = (lambda detail: detail) if split == "dev" else (lambda detail: "(test half: details withheld)")
    got_recall, got_precision = result.recall, result.precision  # numbers only: the Score's repr lists its misses
    assert got_recall >= recall, show(result.misses)
    assert got_precision >= precision, show(result.false_positive_quotes)
    for name, least in fields.items():
        got = result.accuracy(name)
        assert got >= least, (name, got)
