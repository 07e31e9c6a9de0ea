"""Unreadable and unusual files: rejected with a reason, never a crash; encodings decoded."""
import subprocess
import sys
from pathlib import Path

import pandas as pd

from newsnumbers import extract_paths

SENTENCE = "Nvidia verlor fast 600 Milliarden Dollar an Börsenwert."


def _run(tmp_path, files: dict[str, bytes]):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return extract_paths([tmp_path])


def test_bad_files_are_rejected_and_the_rest_is_extracted(tmp_path):
    figures, rejected = _run(tmp_path, {
        "a_good.txt": SENTENCE.encode("utf-8"),
        "b_empty.txt": b"",
        "c_binary.txt": bytes(range(256)) * 20,
        "d_blank.md": b"   \n\n",
    })
    assert figures["article"].tolist() == ["a_good.txt"]
    reasons = dict(zip(rejected["article"], rejected["reason"]))
    assert reasons["b_empty.txt"] == "empty file"
    assert "binary" in reasons["c_binary.txt"]
    assert reasons["d_blank.md"] == "empty file"


def test_cp1252_and_bom_decode(tmp_path):
    text = "Die Kosten für Müller & Söhne lagen bei 5,6 Millionen Euro – so der Bericht über die Größe."
    figures, rejected = _run(tmp_path, {"cp.txt": text.encode("cp1252"),
                                        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8")})
    assert rejected.empty
    assert sorted(figures["quote"]) == ["5,6 Millionen Euro"] * 2
    for row in figures.itertuples():
        assert row.value == 5_600_000 and row.unit == "EUR"
    bom = figures[figures["article"] == "bom.txt"].iloc[0]
    assert text[bom.start:bom.end] == bom.quote  # offsets count from after the BOM


def test_html_page_is_reduced_to_article_text(tmp_path):
    html = """<html><head><title>Nvidia</title></head><body>
    <nav><a href="/">Start</a> <a href="/abo">Abo für 9,99 Euro pro Monat</a></nav>
    <div class="cookie-banner">Wir verwenden Cookies. Alle akzeptieren.</div>
    <article><h1>Nvidia im Minus</h1>
    <p>Der Chipkonzern Nvidia verlor am Montag fast 600 Milliarden Dollar an Börsenwert.
    Das war der größte Tagesverlust eines Unternehmens in der Geschichte der Wall Street.</p>
    <p>Die Aktie von Nvidia fiel um 17 Prozent, wie Händler in New York berichteten.
    Analysten sprachen von einer Überreaktion der Anleger auf die Nachrichten aus China.</p>
    </article><footer>© 2025 Verlag · Impressum · Datenschutz</footer></body></html>"""
    figures, rejected = _run(tmp_path, {"page.html": html.encode("utf-8")})
    assert rejected.empty, rejected
    assert set(figures["quote"]) == {"fast 600 Milliarden Dollar", "17 Prozent"}


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    figures, rejected = extract_paths([tmp_path / "nope.txt", tmp_path / "empty"])
    assert figures.empty
    assert set(rejected["reason"]) == {"no such file or folder", "folder holds no .txt, .md or .html files"}


def test_file_without_figures_gives_no_rows_and_no_rejection(tmp_path):
    figures, rejected = _run(tmp_path, {"calm.txt": "Heute war ein ruhiger Tag an der Börse.".encode()})
    assert figures.empty and rejected.empty


def test_cli_writes_tables_and_strict_exit_status(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    out, rej = tmp_path / "f.csv", tmp_path / "r.csv"
    cmd = [sys.executable, "-m", "newsnumbers", "extract", str(tmp_path / "in"), "--out", str(out),
           "--rejected", str(rej), "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "b.txt: empty file" in done.stderr
    assert pd.read_csv(out)["quote"].tolist() == ["fast 600 Milliarden Dollar"]
    assert pd.read_csv(rej)["reason"].tolist() == ["empty file"]
    strict = subprocess.run(cmd + ["--strict"], capture_output=True, text=True)
    assert strict.returncode == 3


def test_same_input_same_bytes(tmp_path):
    root = Path(__file__).resolve().parents[1]
    outs = []
    for n in range(2):
        out = tmp_path / f"f{n}.csv"
        subprocess.run([sys.executable, "-m", "newsnumbers", "extract", str(root / "seeds"), "--out", str(out),
                        "--quiet"], check=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
