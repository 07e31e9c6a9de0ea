"""Files the readers meet in the wild: broken bytes, old code pages, odd folder contents, clashing output paths.

Each case was found by an audit; each test failed before its fix. The rule for
all of them: the run goes on, and what was not used (or used with a doubt)
is a row of the rejected table with a reason, never a silent loss.
"""
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newsnumbers import cli, extract_paths
from newsnumbers.engine.decoding import decode
from newsnumbers.engine.textio import discover

SENTENCE = "Nvidia verlor fast 600 Milliarden Dollar an Börsenwert."


def _reasons(rejected: pd.DataFrame) -> dict[str, str]:
    return dict(zip(rejected["article"], rejected["reason"]))


# -- encodings ------------------------------------------------------------------------
def test_one_bad_byte_keeps_utf8_and_names_its_line(tmp_path):
    text = "Börsenbericht\nDie Größe überrascht.\n" + SENTENCE + "\nDie Aktie fiel um 17 Prozent.\n"
    data = text.encode("utf-8")
    at = data.index(b"Aktie")
    (tmp_path / "a.txt").write_bytes(data[:at] + b"\xff" + data[at:])
    figures, rejected = extract_paths([tmp_path])
    assert set(figures["quote"]) == {"fast 600 Milliarden Dollar", "17 Prozent"}
    assert "Börsenwert" in figures.loc[figures["quote"] == "fast 600 Milliarden Dollar", "sentence"].iloc[0]
    assert rejected[["article", "line"]].values.tolist() == [["a.txt", 4]]
    reason = rejected["reason"].iloc[0]
    assert reason.startswith("warning: file read as UTF-8") and "0xff" in reason and "U+FFFD" in reason


def test_bad_bytes_become_replacement_characters_at_their_place():
    decoded = decode("Größe ".encode() + b"\xe2\x80" + " Börse".encode())
    assert decoded.encoding == "utf-8"
    assert decoded.text == "Größe \ufffd\ufffd Börse"
    assert [line for line, _ in decoded.warnings] == [1]


@pytest.mark.parametrize("text", [
    "Crème brûlée kostet im Café in München 5 Euro.",
    "Le coût était de 5 millions d'euros, selon le président élu à Genève.",
    "Die Kosten für Müller & Söhne lagen bei 5,6 Millionen Euro – so der Bericht über die Größe.",
])
def test_western_single_byte_text_is_read_as_cp1252(text):
    decoded = decode(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding, decoded.warnings) == (text, "cp1252", ())


def test_a_byte_order_mark_is_no_guess():
    assert decode("Größe: 5 Euro".encode("utf-16")) == ("Größe: 5 Euro", "utf-16", ())
    assert decode(b"\xef\xbb\xbf" + "Größe: 5 Euro".encode()) == ("Größe: 5 Euro", "utf-8-sig", ())


def test_other_code_pages_are_guessed_and_the_guess_is_reported(tmp_path):
    russian = "Компания потеряла 600 миллиардов долларов рыночной стоимости за один день, сообщили аналитики."
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    decoded = decode(russian.encode("cp1251"))
    assert decoded.text == russian
    _, rejected = extract_paths([tmp_path])
    assert rejected["reason"].tolist() == [f"warning: file read, but it is not UTF-8; its encoding was guessed as {decoded.encoding}"]


def test_cli_prints_encoding_warnings_and_strict_counts_them(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(SENTENCE.encode() + b"\n\xff\n")
    cmd = [sys.executable, "-m", "newsnumbers", "extract", str(tmp_path / "in"), "--out", str(tmp_path / "f.csv"), "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"warning: {tmp_path / 'in' / 'a.txt'}:2: file read as UTF-8" in done.stderr
    assert "0 rejected, 1 warning" in done.stderr
    assert subprocess.run(cmd + ["--strict"], capture_output=True).returncode == 3


# -- what a folder holds ----------------------------------------------------------------
def test_every_file_that_is_no_article_is_named(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    for name in ("paper.pdf", "README", ".notes.txt", "extra.csv", "corrections.csv"):
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text("article,title,outlet,date,url,language\na.txt,T,O,2025-01-27,,de\n",
                                          encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / "corrections.csv").write_text("id,action\n", encoding="utf-8")
    figures, rejected = extract_paths([tmp_path])
    assert figures["article"].tolist() == ["a.txt"]
    assert _reasons(rejected) == {
        ".git": "hidden folder skipped",
        ".notes.txt": "hidden file skipped",
        "README": "unsupported file type (no extension); expected .txt, .md, .html, .htm",
        "extra.csv": "not an article (CSV); articles are .txt, .md or .html",
        "paper.pdf": "unsupported file type .pdf; expected .txt, .md, .html, .htm",
    }


def test_a_link_to_a_folder_is_named_not_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "b.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "seeds" / "more").symlink_to(tmp_path / "real", target_is_directory=True)
    files, rejected = discover([tmp_path / "seeds"])
    assert [f.name for f in files] == ["b.txt"]
    assert [(r.article, r.reason) for r in rejected] == [("more", "symbolic link to a folder not followed; give that folder itself")]


def _deny(monkeypatch, folder: Path) -> None:
    """Make ``folder`` unlistable, and the files in it unreachable, as chmod 000 does for anyone but root."""
    real_scandir, real_exists = os.scandir, Path.exists

    def scandir(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def exists(self, *args, **kwargs):
        if self.parent == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_exists(self, *args, **kwargs)
    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "exists", exists)


def test_unreadable_subfolder_is_named(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(SENTENCE, encoding="utf-8")
    _deny(monkeypatch, tmp_path / "locked")
    figures, rejected = extract_paths([tmp_path])
    assert figures["article"].tolist() == ["a.txt"]
    assert _reasons(rejected) == {"locked": "permission denied: cannot list folder"}


def test_unreadable_seeds_folder_is_rejected_without_a_traceback(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(SENTENCE, encoding="utf-8")
    _deny(monkeypatch, seeds)
    figures, rejected = extract_paths([seeds])
    assert figures.empty
    assert rejected["reason"].tolist() == ["permission denied: cannot list folder", "folder holds no .txt, .md or .html files"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="chmod 000 does not stop root")
def test_chmod_000_subfolder_is_named(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        _, rejected = extract_paths([tmp_path])
    finally:
        locked.chmod(0o755)
    assert _reasons(rejected) == {"locked": "permission denied: cannot list folder"}


# -- output paths ---------------------------------------------------------------------------
def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "my seeds"
    seeds.mkdir()
    (seeds / "a b.txt").write_text(SENTENCE, encoding="utf-8")
    (seeds / "corrections.csv").write_text("id,action\n", encoding="utf-8")
    (seeds / "sources.csv").write_text("article,title,outlet,date,url,language\n", encoding="utf-8")
    return seeds


@pytest.mark.parametrize("outputs, says", [
    (["--out", "{t}/t.csv", "--rejected", "{t}/t.csv"], "--out and --rejected are the same file"),
    (["--out", "{s}/figures.csv"], "is inside the input folder"),
    (["--out", "{t}/f.csv", "--rejected", "{s}/sub/r.csv"], "is inside the input folder"),
    (["--out", "{s}/corrections.csv"], "is the analyst's corrections.csv"),
    (["--out", "{t}/f.csv", "--rejected", "{s}/sources.csv"], "is the analyst's sources.csv"),
    (["--out", "{t}/hand.csv", "--corrections", "{t}/hand.csv"], "is the corrections file"),
])
def test_cli_refuses_outputs_that_would_overwrite_inputs(tmp_path, outputs, says):
    seeds = _seeds(tmp_path)
    (tmp_path / "hand.csv").write_text("id,action\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in seeds.iterdir()}
    args = [a.format(t=tmp_path, s=seeds) for a in outputs]
    done = subprocess.run([sys.executable, "-m", "newsnumbers", "extract", str(seeds), *args, "--quiet"],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("newsnumbers: error: ") and says in done.stderr
    assert {p: p.read_bytes() for p in seeds.iterdir()} == before
    assert not (tmp_path / "t.csv").exists() and not (tmp_path / "f.csv").exists()


def test_cli_refuses_to_overwrite_an_input_file(tmp_path, capsys):
    article = _seeds(tmp_path) / "a b.txt"
    assert cli.main(["extract", str(article), "--out", str(article), "--quiet"]) == 2
    assert "is an input file" in capsys.readouterr().err
    assert article.read_text(encoding="utf-8") == SENTENCE


@pytest.mark.parametrize("make_out", [
    lambda t: t / "a folder",  # an existing folder
    lambda t: t / "a file" / "f.csv",  # a file where a folder should be
])
def test_cli_output_errors_are_one_line(tmp_path, make_out):
    seeds = _seeds(tmp_path)
    (tmp_path / "a folder").mkdir()
    (tmp_path / "a file").write_text("x", encoding="utf-8")
    out = make_out(tmp_path)
    done = subprocess.run([sys.executable, "-m", "newsnumbers", "extract", str(seeds), "--out", str(out), "--quiet"],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1].startswith(f"newsnumbers: error: cannot write {out}")


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), OSError(28, "No space left on device")])
def test_cli_write_failure_names_the_path(tmp_path, monkeypatch, capsys, error):
    seeds = _seeds(tmp_path)

    def failing_write(frame, path):
        raise error
    monkeypatch.setattr(cli, "write_csv", failing_write)
    out = tmp_path / "out" / "f.csv"
    assert cli.main(["extract", str(seeds), "--out", str(out), "--quiet"]) == 1
    assert capsys.readouterr().err.strip() == f"newsnumbers: error: cannot write {out}: {error.strerror}"


def test_cli_reads_and_writes_paths_with_spaces(tmp_path):
    seeds = _seeds(tmp_path)
    (seeds / "sub folder").mkdir()
    (seeds / "sub folder" / "c d.md").write_text("Die Aktie fiel um 17 Prozent.", encoding="utf-8")
    out, rej = tmp_path / "out dir" / "figures table.csv", tmp_path / "out dir" / "rejected table.csv"
    done = subprocess.run([sys.executable, "-m", "newsnumbers", "extract", str(seeds), "--out", str(out),
                           "--rejected", str(rej), "--quiet"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(pd.read_csv(out)["article"]) == ["a b.txt", "c d.md"]
    assert pd.read_csv(rej).empty
