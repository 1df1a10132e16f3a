"""check-quotes reads the articles: one that is not UTF-8, or cannot be read, is one line naming
the file, where it goes wrong and the fix, never a traceback (review G14/F29)."""

import os
from pathlib import Path

import pytest
from chronology.quotes import main
from support import EVENT, write_data

ARTICLE = "Something happened on Monday, the paper said. It was “big”.\n"


def seeds_and_data(tmp_path: Path, article: bytes) -> tuple[Path, Path]:
    data = write_data(tmp_path, events={"e.yaml": EVENT})
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "paper.txt").write_bytes(article)
    return seeds, data


def test_an_article_that_is_not_utf8_is_one_line_with_offset_line_and_fix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin1 = ARTICLE.encode("utf-8") + "Second line, café\n".encode("latin-1")
    seeds, data = seeds_and_data(tmp_path, latin1)
    assert main([str(seeds), str(data)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    file = seeds / "paper.txt"
    offset = latin1.index(b"\xe9")
    lines = err.splitlines()
    assert lines == [
        f"{file}:2: not UTF-8: byte 0xe9 at byte offset {offset} (line 2, byte 17 of the line) is "
        "not valid UTF-8, so the article's quotes were not checked; save it as UTF-8, e.g. from "
        f"Latin-1: iconv -f latin1 -t utf-8 {file} > {file}.new && mv {file}.new {file}",
        "check-quotes: 0 of 0 quotes do not match their sources; 1 article(s) could not be read.",
    ]


def test_the_fix_it_names_makes_the_check_pass(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    seeds, data = seeds_and_data(tmp_path, ARTICLE.encode("utf-8") + b"caf\xe9\n")
    assert main([str(seeds), str(data)]) == 1
    file = seeds / "paper.txt"
    file.write_text(file.read_bytes().decode("latin-1"), encoding="utf-8")
    capsys.readouterr()
    assert main([str(seeds), str(data)]) == 0
    assert "all 2 quotes stand verbatim" in capsys.readouterr().out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_article_is_one_line(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    seeds, data = seeds_and_data(tmp_path, ARTICLE.encode("utf-8"))
    (seeds / "paper.txt").chmod(0)
    assert main([str(seeds), str(data)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[0] == (f"{seeds / 'paper.txt'}:1: cannot read the article: "
                                   "Permission denied; make it readable (chmod a+r)")
