"""Check that every quote in data/ stands verbatim in local copies of the articles (and say how
many figures of data/figures.yaml stand in their record quotes: that is checked as the data is
read, by rules.check_stated, since the record's pages are not kept here).

Usage: python -m chronology.quotes SOURCES_DIR [DATA_DIR]

SOURCES_DIR holds the articles as <seed>.txt in UTF-8 (the `seed` of each source in
data/sources.yaml). Quotes are compared character for character: curly quotes,
dashes and spaces must match the article. The project never holds whole
articles, so this runs against a folder outside it (CI uses ../shared/seeds).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Location, Problem
from .model import Chronology
from .validate import load_chronology


@dataclass(frozen=True)
class Quote:
    at: Location
    source: str
    text: str
    what: str


def quotes_in(chronology: Chronology) -> Iterator[Quote]:
    """Every piece of data that claims to be a source's exact words."""
    for event in chronology.events:
        for citation in event.citations:
            yield Quote(citation.at, citation.source, citation.quote, "quote")
        bases = [event.date_basis] + ([event.in_force.basis] if event.in_force else [])
        for basis in bases:
            if basis.source and basis.phrase:
                yield Quote(basis.at, basis.source, basis.phrase, "date phrase")
    for entry in chronology.background:
        for citation in entry.citations:
            yield Quote(citation.at, citation.source, citation.quote, "quote")
        if entry.date_basis.source and entry.date_basis.phrase:
            yield Quote(entry.date_basis.at, entry.date_basis.source, entry.date_basis.phrase,
                        "date phrase")
    for correction in chronology.corrections:
        for citation in correction.quotes:
            yield Quote(citation.at, citation.source, citation.quote, "quoted error")
        for citation in correction.evidence_quotes:
            yield Quote(citation.at, citation.source, citation.quote, "quoted evidence")


def _where_it_differs(quote: str, article: str) -> str:
    """The longest start of the quote that the article has, to show where they part."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in article:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return "not even its first character matches"
    shown = quote[max(0, low - 30):low]
    return f"the article agrees up to “…{shown}” and then differs at character {low + 1}"


def read_article(file: Path) -> str | Problem:
    """The article's text, or why it cannot be read: a file that is not UTF-8 is named with the
    first byte that is not, as `file:line: …`, since a traceback would hide which file it is."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        return Problem(str(file), 1, f"cannot read the article: {error.strerror or error}; "
                       "make it readable (chmod a+r)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return Problem(str(file), line, (
            f"not UTF-8: byte 0x{raw[error.start]:02x} at byte offset {error.start} (line {line}, "
            f"byte {column} of the line) is not valid UTF-8, so the article's quotes were not "
            f"checked; save it as UTF-8, e.g. from Latin-1: "
            f"iconv -f latin1 -t utf-8 {file} > {file}.new && mv {file}.new {file}"))


def check_quotes(chronology: Chronology, sources_dir: Path) -> tuple[int, list[Problem]]:
    """Return how many quotes were checked and the problems found."""
    seeds = {source.id: source for source in chronology.sources}
    texts: dict[str, str | None] = {}
    problems: list[Problem] = []
    unreadable: set[str] = set()
    checked = 0
    for quote in quotes_in(chronology):
        path, line = quote.at.path, quote.at.line
        source = seeds[quote.source]
        if source.seed is None:
            problems.append(Problem(path, line, f"{quote.what}: source '{source.id}' has no "
                                    "'seed' in data/sources.yaml, so its quotes cannot be checked"))
            continue
        if source.seed not in texts:
            file = sources_dir / f"{source.seed}.txt"
            article_or_problem = read_article(file) if file.is_file() else None
            if isinstance(article_or_problem, Problem):
                problems.append(article_or_problem)  # once per file, not once per quote
                unreadable.add(source.seed)
                article_or_problem = None
            texts[source.seed] = article_or_problem
        article = texts[source.seed]
        if source.seed in unreadable:
            continue
        if article is None:
            problems.append(Problem(path, line, f"{quote.what}: no local copy "
                                    f"{sources_dir / (source.seed + '.txt')} for '{source.id}'"))
            continue
        checked += 1
        if quote.text not in article:
            problems.append(Problem(path, line, f"{quote.what} not found verbatim in "
                                    f"'{source.id}': {_where_it_differs(quote.text, article)}"))
    return checked, problems


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    sources_dir = Path(argv[0])
    data_dir = Path(argv[1]) if len(argv) > 1 else Path("data")
    if not sources_dir.is_dir():
        print(f"check-quotes: {sources_dir} is not a folder of articles", file=sys.stderr)
        return 2
    try:
        chronology = load_chronology(data_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    checked, problems = check_quotes(chronology, sources_dir)
    for problem in sorted(problems):
        print(problem, file=sys.stderr)
    if problems:
        unread = sum(1 for problem in problems if problem.path.startswith(str(sources_dir)))
        print(f"check-quotes: {len(problems) - unread} of {checked} quotes do not match their "
              "sources" + (f"; {unread} article(s) could not be read" if unread else "") + ".",
              file=sys.stderr)
        return 1
    print(f"check-quotes: all {checked} quotes stand verbatim in {sources_dir}.")
    if chronology.figures:
        # Checked as the data is read (rules.check_stated), so a figure that fails never gets
        # this far: said here so that the count is seen beside the quotes'.
        print(f"check-quotes: each of the {len(chronology.figures)} figures is stated in its "
              "record quote, in the words its `stated` gives, as its value.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
