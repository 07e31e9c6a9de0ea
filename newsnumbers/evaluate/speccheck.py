"""Run a peer's German test cases (Microsoft Recognizers-Text, MIT) against our parsers.

Number cases exercise the number parser on the span the peer marks (we only
report figures with a unit, so a bare "zwei" in prose is by design not a
figure); percent and currency cases run the whole extractor on the sentence.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from ..engine.numparse import parse_digits, parse_words
from ..engine.pipeline import extract

ISO = {"Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "British pound": "GBP",
       "Pound": "GBP", "Canadian dollar": "CAD", "Swiss franc": "CHF", "Chinese yuan": "CNY"}


def _value(s: str) -> float:
    return float(s.replace(",", ".").rstrip("%"))


def _number_ok(text: str, expected: float) -> bool:
    for parse in (parse_digits, parse_words):
        try:
            if math.isclose(parse(text, "de"), expected, rel_tol=1e-9):
                return True
        except ValueError:
            pass
    # phrases with scale words ("dreieinhalb millionen") go through the extractor
    table = extract(f"{text} Euro", language="de")
    return len(table) == 1 and math.isclose(table.iloc[0]["value"], expected, rel_tol=1e-9)


def check(spec_dir: str | Path) -> dict[str, tuple[int, int]]:
    """{model: (passed, cases)} for the German number, percent and currency specs."""
    spec_dir = Path(spec_dir)
    out: dict[str, tuple[int, int]] = {}
    cases = json.loads((spec_dir / "Number/German/NumberModel.json").read_text(encoding="utf-8"))
    ok = total = 0
    for case in cases:
        for res in case["Results"]:
            total += 1
            ok += _number_ok(res["Text"], _value(res["Resolution"]["value"]))
    out["number"] = (ok, total)
    for name, path in (("percent", "Number/German/PercentModel.json"),
                       ("currency", "NumberWithUnit/German/CurrencyModel.json")):
        ok = total = 0
        for case in json.loads((spec_dir / path).read_text(encoding="utf-8")):
            table = extract(case["Input"], language="de")
            if not case["Results"]:
                total += 1
                ok += table.empty
                continue
            for res in case["Results"]:
                value = res["Resolution"].get("value")
                if value is None:
                    continue
                total += 1
                want = _value(value)
                unit = ISO.get(res["Resolution"].get("unit", ""))
                ok += any(math.isclose(r.value, want, rel_tol=1e-9) and (name == "percent" or unit is None or r.unit == unit)
                          for r in table.itertuples())
        out[name] = (ok, total)
    return out


if __name__ == "__main__":
    import sys

    for model, (passed, cases) in check(sys.argv[1] if len(sys.argv) > 1 else "tests/data/recognizers-text").items():
        print(f"{model}: {passed}/{cases}")
