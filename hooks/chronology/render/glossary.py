"""The glossary in running text: the first use of each term marked for a tooltip.
Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import markup as m
from ..model import Term

_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")


class Glossary:
    """Marks the first use of each glossary term in a piece of text with <abbr title>.

    Material's content.tooltips feature shows the title as a tooltip. Lower-case terms match
    in any case ("White list"); terms with capitals (GSOMIA, WTO) only as written.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        # Longest names first, so that "white list" wins over "list". Each alternative is a
        # group of its own, and the group that matched names the term: looking the matched text
        # up again would need case folding, which changes some words' length or letters.
        names = sorted(((name, term) for term in terms
                        for name in dict.fromkeys((term.term, *term.aliases, *term.english))),
                       key=lambda pair: len(pair[0]), reverse=True)
        self.terms = [term for _, term in names]
        # A term that begins with a Latin letter or digit must begin a word: one look-behind,
        # shared by all of them, rather than one per term, which Python's engine would try at
        # every character for every term (marking took 8 times as long). No character starts
        # both a Latin and another term, so which group is tried first changes nothing.
        latin = [f"(?P<t{index}>{self._pattern(name)})" for index, (name, _) in enumerate(names)
                 if _LATIN.match(name)]
        other = [f"(?P<t{index}>{self._pattern(name)})" for index, (name, _) in enumerate(names)
                 if not _LATIN.match(name)]
        groups = ([r"(?<![\w&#-])(?:" + "|".join(latin) + ")"] if latin else []) + other
        # Not after & or #, so never inside an escaped character such as &amp; or &#x27;.
        # A tag (a span marking an edition's untranslated text) is matched whole and kept.
        # Only where some term could begin (a look-ahead Python's engine checks fast).
        first = "".join(sorted({re.escape(m.attr(name)[:1]) for name, _ in names}))
        self.pattern = (re.compile(r"(?P<tag><[^>]*>)|(?=(?i:[" + first + r"]))(?<![&#])(?:"
                                   + "|".join(groups) + ")") if groups else None)

    @staticmethod
    def _pattern(written: str) -> str:
        """A term as it stands in escaped text, but for the look-behind (see __init__): a whole
        word where it ends with a Latin letter or digit ("list" is not in "listed"); a Korean or
        Japanese term also within a longer word, as those languages write it (화이트리스트에서,
        ホワイト国から)."""
        escaped = re.escape(m.attr(written))
        pattern = escaped if written != written.lower() else f"(?i:{escaped})"
        after = r"(?![\w-])" if _LATIN.match(written[-1:]) else ""
        return pattern + after

    def mark(self, html_text: str) -> str:
        if self.pattern is None:
            return html_text
        seen: set[str] = set()

        def replace(match: re.Match[str]) -> str:
            if match.lastgroup == "tag":
                return match.group(0)
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
