"""Numbers as reports and statistics write them, and as the editions show them.

`stated_numbers` reads every number a few words of a quote state, in the forms the public record
uses: digits with thousands separators ("561,700"), with a scale word ("$39.7 million",
"1.3 trillion won"), Japanese and Korean units of ten thousand and a hundred million ("4億97万円",
"5천551만6천 달러", "1조3780억원"), full-width digits and the Japanese middle dot as a decimal
point ("99・1%"), and numbers spelled out as broadcasters write them for reading aloud
("four-point-six million dollars", "197-thousand-300", "65-point-five percent"). A figure's
`stated` words must state exactly one number, equal to its value (rules.check_figure).

`amount` writes a value back as each edition writes numbers: "39.7 million" and "561,700" in
English; "3,970만" and "558만 4,600" in Korean; "3970万" and "558万4600" in Japanese — exactly,
never rounded. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# English number words, as broadcasters spell out numbers to be read aloud.
_WORDS = {word: number for number, word in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen"])}
_WORDS.update({word: 10 * number for number, word in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)})
_WORDS["nil"] = 0
# Scales: a "small" one multiplies the number before it within a group; a "large" one closes
# the group ("5천551만" is (5 thousand + 551) ten-thousands).
_SMALL = {"hundred": 100, "百": 100, "백": 100, "十": 10, "십": 10, "千": 1000, "천": 1000}
_LARGE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "万": 10**4, "만": 10**4, "億": 10**8, "억": 10**8, "兆": 10**12, "조": 10**12}
_CJK_SCALES = "百백十십千천万만億억兆조"
_ZERO = {"ゼロ", "零"}  # "zero" as Japanese reports write it

_TOKEN = re.compile(
    r"(?P<digits>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    rf"|(?P<cjk>[{_CJK_SCALES}])"
    r"|(?P<zero>ゼロ)"
    r"|(?P<word>[A-Za-z]+)"
    r"|(?P<other>[^\s\-–,.:;!?()$€£¥₩%％]+?)")


def _normal(words: str) -> str:
    """Full-width digits and signs as ASCII; the Japanese middle dot between digits (99・1) and a
    comma between digits that is a decimal comma in no form used here as they are."""
    words = unicodedata.normalize("NFKC", words)
    return re.sub(r"(?<=[0-9])・(?=[0-9])", ".", words)


class _Number:
    """One number being read: whole groups closed by a large scale, the group being built,
    and the last number read."""

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.group = Decimal(0)
        self.last: Decimal | None = None
        self.decimal: str | None = None  # after "point": the digits read so far
        self.started = False

    def number(self, value: Decimal) -> None:
        if self.decimal is not None:
            self.decimal += str(value)
            return
        if self.last is not None and self.last % 10 == 0 and value < 10:
            self.last += value  # "sixty five", "twenty-one"
        else:
            self.group += self.last or 0
            self.last = value
        self.started = True

    def point(self) -> None:
        self.decimal = ""

    def _close_decimal(self) -> None:
        if self.decimal:
            self.last = Decimal(f"{self.last or 0}.{self.decimal}")
        self.decimal = None

    def scale(self, factor: int, large: bool) -> None:
        self._close_decimal()
        if large:
            self.total += (self.group + (self.last if self.last is not None else 1)) * factor
            self.group = Decimal(0)
        else:
            self.group += (self.last if self.last is not None else 1) * factor
        self.last = None
        self.started = True

    def value(self) -> Decimal:
        self._close_decimal()
        return self.total + self.group + (self.last or 0)


def stated_numbers(words: str) -> list[Decimal]:
    """Every number the words state, in order ("fell 65.1 percent to 205,000": 65.1, 205000)."""
    found: list[Decimal] = []
    current: _Number | None = None
    previous = ""  # the kind of the token before, to tell 천 in "5천" from the word 천안

    def end() -> None:
        nonlocal current
        if current is not None and current.started:
            found.append(current.value())
        current = None

    text = _normal(words)
    for match in _TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        joined = match.start() > 0 and not text[match.start() - 1].isspace()
        lower = token.lower()
        if kind == "digits":
            if current is not None and previous == "digits":
                end()
            current = current or _Number()
            current.number(Decimal(token.replace(",", "")))
        elif kind == "cjk" and current is not None and joined and previous in {"digits", "cjk"}:
            current.scale(_SMALL.get(token) or _LARGE[token], token in _LARGE)
        elif kind == "zero" or (kind == "other" and token in _ZERO):
            end()
            found.append(Decimal(0))
        elif kind == "word" and lower in _WORDS:
            current = current or _Number()
            current.number(Decimal(_WORDS[lower]))
        elif kind == "word" and lower == "point" and current is not None:
            current.point()
        elif kind == "word" and current is not None and (lower in _LARGE or lower in _SMALL):
            current.scale(_SMALL.get(lower) or _LARGE[lower], lower in _LARGE)
        else:
            end()
        previous = kind or ""
        if kind == "other" or (kind == "word" and lower not in _WORDS and lower != "point"
                               and lower not in _LARGE and lower not in _SMALL):
            previous = "other"
    end()
    return found


# --- writing a value as each edition writes numbers -------------------------------------------

def plain(value: Decimal, grouped: bool = True) -> str:
    """The value's digits, exactly: no exponent, no trailing zeros after the point."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, dot, fraction = text.partition(".")
    if grouped:
        whole = f"{int(whole):,}" if whole.lstrip("-") else whole
    return whole + dot + fraction


def _english(value: Decimal, scaled: bool) -> str:
    """561,700; with `scaled` (an amount of money) from a million on: 39.7 million."""
    if scaled:
        for factor, name in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
            if abs(value) >= factor:
                return f"{plain(value / factor)} {name}"
    return plain(value)


def _east_asian(value: Decimal, lang: str) -> str:
    """Grouped by ten thousands as Korean and Japanese write numbers: 558만 4,600 (ko),
    558万4600 (ja); a value with a fraction, or under ten thousand, as its digits."""
    if value != value.to_integral_value() or abs(value) < 10**4:
        return plain(value)
    units = ("조", "억", "만", "") if lang == "ko" else ("兆", "億", "万", "")
    number = int(abs(value))
    parts = []
    for unit, factor in zip(units, (10**12, 10**8, 10**4, 1), strict=True):
        part, number = divmod(number, factor)
        if part:
            digits = f"{part:,}" if lang == "ko" else str(part)
            parts.append(digits + unit)
    sign = "-" if value < 0 else ""
    return sign + (" " if lang == "ko" else "").join(parts)


def amount(value: Decimal, lang: str = "en", *, scaled: bool = False) -> str:
    """The value as the edition `lang` writes a number (see the module's docstring), exactly."""
    if lang in {"ko", "ja"}:
        return _east_asian(value, lang)
    return _english(value, scaled)


def signed(value: Decimal, lang: str = "en") -> str:
    """A change: "+283.3", "−82.4" (a minus sign, not a hyphen)."""
    shown = amount(abs(value), lang)
    return ("−" if value < 0 else "+") + shown if value else shown
