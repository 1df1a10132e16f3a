"""The glossary in running text: the first use of each term marked for a tooltip.
Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import markup as m
from ..model import Term


class Glossary:
    """Marks the first use of each glossary term in a piece of text with <abbr title>.

    Material's content.tooltips feature shows the title as a tooltip. Lower-case terms match
    in any case ("White list"); terms with capitals (GSOMIA, WTO) only as written.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        # Longest names first, so that "white list" wins over "list". Each alternative is a
        # group of its own, and the group that matched names the term: looking the matched text
        # up again would need case folding, which changes some words' length or letters.
        names = sorted(((name, term) for term in terms for name in (term.term, *term.aliases)),
                       key=lambda pair: len(pair[0]), reverse=True)
        self.terms = [term for _, term in names]
        alternatives = [f"(?P<t{index}>{self._pattern(name)})" for index, (name, _) in enumerate(names)]
        # Not after & or #, so never inside an escaped character such as &amp; or &#x27;.
        self.pattern = (re.compile(r"(?<![\w&#-])(?:" + "|".join(alternatives) + r")(?![\w-])")
                        if alternatives else None)

    @staticmethod
    def _pattern(written: str) -> str:
        escaped = re.escape(m.text(written))
        return escaped if written != written.lower() else f"(?i:{escaped})"

    def mark(self, html_text: str) -> str:
        if self.pattern is None:
            return html_text
        seen: set[str] = set()

        def replace(match: re.Match[str]) -> str:
            term = self.terms[int((match.lastgroup or "t0")[1:])]
            if term.id in seen:
                return match.group(0)
            seen.add(term.id)
            # Focusable, so that the definition shows to keyboard users too (Material's tooltips
            # open on focus as on hover). Material inserts the decoded title as HTML: escape it
            # once more (m.for_theme_html).
            return (f'<abbr title="{m.attr(m.for_theme_html(term.definition))}" tabindex="0">'
                    f"{match.group(0)}</abbr>")

        return self.pattern.sub(replace, html_text)
