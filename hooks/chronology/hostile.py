"""Hostile input: the characters, sizes and names that data from a pull request may not use.

The data is untrusted: anyone may send a pull request, and a reviewer reads it in a browser
or an editor that hides some characters. Every limit lives here with its reason, so that the
README's table and the code cannot drift apart (the length of each text field is declared with
the field, in model.py); load.py and fields.py apply them. Pure: no I/O,
nothing raises, nothing imports the rest of the package.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# --- characters ------------------------------------------------------------------------------

# Direction controls: invisible, and able to show a reviewer text in another order than the
# one the site prints ("Trojan Source").
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Every other format character (Unicode 14's category Cf; test_validate checks that none is
# missing for the Python in use): zero-width spaces and joiners, the soft hyphen, a byte order
# mark inside text, tag characters. We need no emoji, so the zero-width joiner goes too.
_FORMAT = ("\u00ad\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200d\u2060-\u2064"
           "\u206a-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
           "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
# Letters that draw nothing: Hangul fillers (not needed by real Korean text), the combining
# grapheme joiner and the blank braille pattern, all used to make names that look empty.
_BLANK = "\u034f\u115f\u1160\u2800\u3164\uffa0"
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # all but tab and line feed
_SEPARATOR = "\u2028\u2029"
_PRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_NONCHARACTER = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}" for plane in range(17))
_SURROGATE = "\ud800-\udfff"  # only from a "\ud800" escape, or an undecodable file name
_DAMAGED = "\ufffc\ufffd"  # what a copy leaves where it lost a character

HIDDEN = re.compile(f"[{_BIDI}{_FORMAT}{_BLANK}{_CONTROL}{_SEPARATOR}{_PRIVATE}{_NONCHARACTER}"
                    f"{_SURROGATE}{_DAMAGED}]")
# Characters libyaml refuses, or counts as a line break where editors do not (which would shift
# every later line number): a file holding one is not parsed at all.
UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]|\r(?!\n)")
_REPORTED = re.compile(f"[\t\n\r{_BIDI}{_FORMAT}{_BLANK}{_CONTROL}{_SEPARATOR}{_PRIVATE}"
                       f"{_NONCHARACTER}{_SURROGATE}]")


# What str.isprintable() lets through but HIDDEN refuses.
_PRINTABLE_SUSPECTS = re.compile(f"[{_BLANK}{_DAMAGED}]")


def looks_clean(text: str) -> bool:
    """True if `text` certainly holds no character refused here (UNREADABLE, HIDDEN).

    A fast test in C for the usual case, as every value of every file passes through here:
    isprintable() is False for every control, format, private-use, unassigned and separator
    character. It is also False for harmless ones (a no-break space), which then take the slow,
    exact path."""
    flat = text.replace("\n", " ").replace("\t", " ")
    return flat.isprintable() and _PRINTABLE_SUSPECTS.search(flat) is None


def _kind(char: str) -> str:
    if re.match(f"[{_BIDI}]", char):
        return "an invisible character that changes the direction of the text around it"
    if re.match(f"[{_CONTROL}]", char):
        return "a control character"
    if char in _SEPARATOR:
        return "a line or paragraph separator, a line break to some programs and invisible to others"
    if re.match(f"[{_PRIVATE}]", char):
        return "a private-use character, which has no agreed meaning"
    if re.match(f"[{_NONCHARACTER}]", char):
        return "a noncharacter, never meant to appear in text"
    if re.match(f"[{_SURROGATE}]", char):
        return "half of a broken character"
    if char in _DAMAGED:
        return "a placeholder left where a copy lost a character"
    return "an invisible character"


def describe_character(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that ...'."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}{' ' + name if name else ''}, {_kind(char)}"


def character_fix(char: str) -> str:
    if char in _DAMAGED:
        return "copy the text again from the article"
    return "delete it"


def hidden_character(value: str) -> tuple[int, str] | None:
    """The first character a text value may not hold: its index and what to say about it."""
    if looks_clean(value):
        return None
    found = HIDDEN.search(value)
    if found is None:
        return None
    char = found.group()
    more = len(HIDDEN.findall(value, found.start() + 1))
    also = f" (and {more} more such character{'s' if more > 1 else ''} in this value)" if more else ""
    return found.start(), f"{describe_character(char)}{also}; {character_fix(char)}"


def printable(text: str) -> str:
    """Text safe to print in a one-line report: hidden characters and line breaks as escapes."""
    if _REPORTED.search(text) is None:
        return text

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        short = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(match.group())
        return short or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000
                         else f"\\U{code:08x}")

    return _REPORTED.sub(escape, text)


def shown(value: str, limit: int = 60) -> str:
    """A value quoted for a message, cut short: a report line must stay readable."""
    return f"'{value}'" if len(value) <= limit else f"'{value[:limit]}…' ({len(value):,} characters)"


# --- sizes -----------------------------------------------------------------------------------

# About 60 times the largest real file (corrections.yaml, 17 KB): bounds the parsing time and
# memory a single file can cost.
MAX_FILE_BYTES = 1_000_000
# Lists and mappings inside each other; the format needs 4 (corrections > quotes > a quote).
# PyYAML constructs recursively, so without a bound a few hundred '[' end in a RecursionError.
MAX_DEPTH = 8
MAX_ID = 100  # an id becomes a folder name (at most 255 bytes) and part of a web address
MAX_ORDER = 999
MAX_URL = 2_000  # what browsers, sitemaps and feed readers reliably accept
# Every other text field declares its own limit with the field (model.py); this one is for text
# that is a name or a one-line title, and for what no field declares (a translator's name).
SHORT_TEXT = 200


def length_problem(key: str, value: str, limit: int | None = None, hint: str = "") -> str | None:
    """Whether `value` is too long for the field `key`: more than `limit` characters (by
    default SHORT_TEXT), said with `hint`."""
    limit = limit or SHORT_TEXT
    if len(value) <= limit:
        return None
    return f"{len(value):,} characters, more than the {limit:,} allowed; {hint or 'shorten it'}"


# --- names -----------------------------------------------------------------------------------

# Windows cannot create a file or folder with these names (any extension), so a contributor
# there could neither check out such an event file nor build its page.
_WINDOWS = ("con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
            *(f"lpt{n}" for n in range(1, 10)))
_FOLDERS = {"phase": "phases", "event": "events", "source": "sources", "actor": "actors",
            "topic": "topics"}
_LISTED = {"source", "actor", "topic"}  # their folder's index.md lists them all
# Data ids that render/ writes as HTML ids on a page that has fixed ids of its own (grep
# render/ for 'id="'); two elements with one id break links and the table of contents.
# Material's own ids (__search, __drawer, ...) start with '_', which no id can.
_ANCHORS = {
    "event": ("every phase page, where each event is an anchor too",
              ("phase-title", "timeline", "events")),
    "correction": ("the corrections page, where each correction is an anchor too",
                   ("corrections",)),
    "background entry": ("the background page, where each entry is an anchor too",
                         ("background",)),
    "glossary term": ("the glossary page, where each term is an anchor too", ("glossary",)),
    "change": ("the changes page, where each change is an anchor too", ("changes",)),
    "record source": ("the public record page, where each source is an anchor too",
                      ("record-title", "official-documents", "press-reports")),
}


def reserved_id(kind: str, value: str) -> str | None:
    """Why `value` may not be the id of a record of this kind, or None."""
    folder = _FOLDERS.get(kind)
    if folder and value == "index":
        if kind in _LISTED:
            return (f"is reserved: {folder}/index.md is the list of all {folder}, so this "
                    f"{kind}'s page would replace it")
        return f"is reserved: {folder}/index.md is served at {folder}/, not at {folder}/index/"
    if folder and value in _WINDOWS:
        return f"is reserved: Windows cannot create a file or folder named '{value}'"
    page, fixed = _ANCHORS.get(kind, ("", ()))
    if value in fixed:
        return f"is already the id of a heading on {page}"
    return None


def anchor_ids(kind: str) -> tuple[str, ...]:
    """The fixed HTML ids on the page where records of this kind are anchors (for tests)."""
    return _ANCHORS.get(kind, ("", ()))[1]


_SEED = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def seed_problem(value: str) -> str | None:
    """A seed names <seed>.txt in the articles folder: it must not be able to leave it."""
    if len(value) > MAX_ID:
        return f"{shown(value)} is longer than the {MAX_ID} characters a file name may have here"
    if _SEED.fullmatch(value):
        return None
    hint = "; leave out '.txt'" if value.endswith(".txt") else ""
    return (f"{shown(value)} is not a file name: use only letters, digits, '_' and '-' (the name "
            f"of the article's copy in the articles folder, without .txt){hint}")


_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?"
                   r"|[0-9a-f:.]+")  # or an IP address


def url_problem(value: str) -> str | None:
    """Why `value` is not a link we publish, or None."""
    if len(value) > MAX_URL:
        return f"{len(value):,} characters, more than the {MAX_URL:,} a web address may have"
    if any(c.isspace() for c in value) or "\\" in value:
        return (f"{shown(value)} contains a space or a backslash; browsers and this site would "
                "read it differently: copy the address from the browser's address bar")
    try:
        parts = urlsplit(value)
    except ValueError:  # such as an unclosed '[' of an IPv6 address
        parts = None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.hostname:
        return (f"{shown(value)} is not a web address; only http:// and https:// URLs are "
                "allowed")
    if "@" in parts.netloc:
        return (f"{shown(value)} holds a user name or password (before '@'); an article's address "
                "needs neither, and 'https://a.example@b.example' leads to b.example: remove it")
    if not _HOST.fullmatch(parts.hostname):
        # Escaped, so that a letter that only looks Latin shows as what it is.
        host = parts.hostname.encode("ascii", "backslashreplace").decode()
        return (f"the host '{host}' is not an ASCII domain name; write an international domain "
                "name in its xn-- form")
    try:
        _ = parts.port  # urlsplit checks the port only when it is asked for
    except ValueError:
        return f"{shown(value)} has a port number out of range; copy the address again"
    return None


# Escaped text (markup.text) is where terms are looked for: a term spelt like an entity's name
# would be marked inside "&amp;".
_ENTITY_NAMES = {"amp", "lt", "gt", "quot", "x27"}


def term_problem(value: str) -> str | None:
    """Why a glossary term or alias could not be found in text as written, or None."""
    if " ".join(value.split()) != value:
        return (f"{shown(value)} has a line break, a tab or two spaces in a row; pages show "
                "words separated by one space, so write it that way")
    if value.lower() in _ENTITY_NAMES:
        return (f"{shown(value)} would match inside the HTML escapes of &, <, >, \" and '; "
                "choose a longer term")
    return None
