"""Run a peer extractor over a JSONL corpus; print one JSON object (rows, seconds, peak RSS).

Runs in the peers' own virtual environment (bench/.venv-peers), never in the
project's. Usage: python bench/peers.py {recognizers,duckling} CORPUS.jsonl
"""
import importlib
import json
import resource
import sys
import time


def recognizers():
    # the PyPI package installs as ms_recognizers_text, but its siblings import recognizers_text
    sys.modules["recognizers_text"] = importlib.import_module("ms_recognizers_text")
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    currency = NumberWithUnitRecognizer(Culture.German).get_currency_model()
    percent = NumberRecognizer(Culture.German).get_percentage_model()

    def run(text):
        out = []
        for model, kind in ((currency, "money"), (percent, "percent")):
            for r in model.parse(text):
                res = r.resolution or {}
                value = res.get("value")
                if value is None:
                    continue
                try:
                    v = float(str(value).rstrip("%").replace(",", "."))
                except ValueError:
                    continue
                unit = "percent" if kind == "percent" else res.get("isoCurrency") or (
                    "USD" if res.get("unit") == "Dollar" else res.get("unit", ""))
                out.append({"start": r.start, "end": r.end + 1, "value": v, "unit": unit})
        return out
    return run


def duckling_de():
    import duckling

    tz = duckling.load_time_zones("/usr/share/zoneinfo")
    ctx = duckling.Context(duckling.parse_ref_time(tz, "Europe/Berlin", 0),
                           duckling.default_locale_lang(duckling.parse_lang("DE")))
    dims = duckling.parse_dimensions(["amount-of-money"])
    codes = {"$": "USD", "EUR": "EUR", "€": "EUR", "USD": "USD", "GBP": "GBP", "£": "GBP"}

    def run(text):
        out = []
        for r in json.loads(duckling.parse_text(text, ctx, dims, False)):
            val = r.get("value", {})
            v = val.get("value", (val.get("from") or {}).get("value"))
            if v is None:
                continue
            out.append({"start": r["start"], "end": r["end"], "value": float(v),
                        "unit": codes.get(val.get("unit") or (val.get("from") or {}).get("unit"), "")})
        return out
    return run


def main():
    name, corpus = sys.argv[1], sys.argv[2]
    run = {"recognizers": recognizers, "duckling": duckling_de}[name]()
    rows, chars = [], 0
    with open(corpus, encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle]
    t0 = time.perf_counter()
    for art in articles:
        chars += len(art["text"])
        for r in run(art["text"]):
            r["article"] = art["name"]
            rows.append(r)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    json.dump({"peer": name, "seconds": seconds, "chars": chars, "peak_bytes": peak, "rows": rows}, sys.stdout)


if __name__ == "__main__":
    main()
