"""tests/engines/: comparing two generators' sites allows only the differences it names."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "engines"))

from sitediff import Allowed, compare_sites  # noqa: E402

TAG = Allowed("the generator tag", r'<meta name="generator" content="[^"]*">', "the engine's name",
              paths=r"\.html$")


def site(folder: Path, files: dict[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    return folder


def test_only_the_named_difference_is_allowed(tmp_path: Path) -> None:
    a = site(tmp_path / "a", {"index.html": '<meta name="generator" content="mkdocs-1.6.1">x',
                              "same.css": "a{}", "img.png": b"\x89PNG"})
    b = site(tmp_path / "b", {"index.html": '<meta name="generator" content="ProperDocs">x',
                              "same.css": "a{}", "img.png": b"\x89PNG"})
    result = compare_sites(a, b, [TAG])
    assert result.same and result.identical == 2 and result.explained == {
        "the generator tag": ["index.html"]}
    assert "1 differ only in the generator tag (the engine's name)" in result.report("A", "B", [TAG])


def test_any_other_difference_is_reported_with_its_lines(tmp_path: Path) -> None:
    a = site(tmp_path / "a", {"index.html": '<meta name="generator" content="a">\n<p>one</p>',
                              "gone.html": "", "img.png": b"\x89PNG\x00"})
    b = site(tmp_path / "b", {"index.html": '<meta name="generator" content="b">\n<p>two</p>',
                              "new.html": "", "img.png": b"\x89PNG\x01"})
    result = compare_sites(a, b, [TAG])
    assert not result.same
    assert result.only_a == ["gone.html"] and result.only_b == ["new.html"]
    assert set(result.unexplained) == {"index.html", "img.png"}
    assert "-<p>one</p>\n+<p>two</p>" in result.unexplained["index.html"]
    assert result.unexplained["img.png"] == "not text, or not UTF-8: 5 and 5 bytes"


def test_an_allowed_difference_holds_only_where_it_is_allowed(tmp_path: Path) -> None:
    tag = '<meta name="generator" content="{}">'
    a = site(tmp_path / "a", {"feed.xml": tag.format("a")})
    b = site(tmp_path / "b", {"feed.xml": tag.format("b")})
    assert list(compare_sites(a, b, [TAG]).unexplained) == ["feed.xml"]
    assert compare_sites(a, b, [TAG], ignore=r"^feed\.xml$").same
