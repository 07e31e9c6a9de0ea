"""A peer's German test cases (Recognizers-Text, MIT): how many we pass, with floors.

Measured when written: number 56/78, percent 15/15, currency 28/38. The misses
are fractions ("zwei drittel"), dozens and cent amounts ("15 Dollar und 15
Cent"), which news figures rarely use. The floors stop regressions.
"""
from pathlib import Path

from newsnumbers.evaluate.speccheck import check

SPECS = Path(__file__).parent / "data" / "recognizers-text"


def test_peer_spec_floors():
    result = check(SPECS)
    print(result)
    assert result["percent"][0] >= 15
    assert result["currency"][0] >= 28
    assert result["number"][0] >= 56
