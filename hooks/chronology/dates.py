"""A calendar date that knows its precision: a day (2019-08-02), a month (2019-08) or a year;
and a period of such dates (a figure's month, year, or months from one to another).

The articles often give only a month ("in July"), so the chronology must be able
to say exactly as much as it knows and no more.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from .languages import language

# ASCII digits only: \d would also take "２０１９" and other scripts' digits.
_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# Not calendar.month_name, day_name or strftime: those follow the process's locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
# How each language writes weekdays and dates is in the table of languages (languages.py).


def month_name(month: int, lang: str = "en") -> str:
    """A month (1–12) as a date of the language writes it on its own: "August", "8월", "8月"."""
    units = language(lang).units
    if units:
        return f"{month}{units[1]}"
    return MONTHS[month - 1]


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; ValueError says what is wrong."""
        match = _PATTERN.fullmatch(text)
        if not match:
            shown = f"'{text}'" if len(text) <= 30 else f"'{text[:30]}…' ({len(text):,} characters)"
            raise ValueError(f"{shown} is not a date; write \"YYYY-MM-DD\" or \"YYYY-MM\"")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        if not 1900 <= year <= 2100:
            raise ValueError(f"'{text}' is not a plausible year for this chronology; "
                             "write a year from 1900 to 2100")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month}; months run from 01 to 12")
        if month is not None and day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(
                    f"'{text}' is not a day: {MONTHS[month - 1]} {year} has {last} days"
                )
        return cls(year, month, day)

    @classmethod
    def of(cls, day: datetime.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return datetime.date(self.year, month, day)

    @property
    def human(self) -> str:
        """"2 August 2019", "August 2019" or "2019" (English: human_in gives other languages)."""
        return self.human_in("en")

    def human_in(self, lang: str) -> str:
        """The date as pages in `lang` write it, to its precision: "2 August 2019" (en),
        "2019년 8월 2일" (ko), "2019年8月2日" (ja); another language is written as English."""
        units = language(lang).units
        if units:  # with the unit after each number: 2019년 8월 2일, 2019年8月2日
            year, month, day, space = units
            parts = [f"{self.year}{year}"]
            parts += [f"{self.month}{month}"] if self.month is not None else []
            parts += [f"{self.day}{day}"] if self.day is not None else []
            return space.join(parts)
        if self.month is None:
            return str(self.year)
        month_ = MONTHS[self.month - 1]
        return f"{self.day} {month_} {self.year}" if self.day else f"{month_} {self.year}"

    @property
    def weekday(self) -> str | None:
        return self.weekday_in("en")

    def weekday_in(self, lang: str) -> str | None:
        """The day of the week, for a day-precise date: "Friday", "금요일", "金曜日"."""
        if self.day is None:
            return None
        return language(lang).weekdays[self.first_day.weekday()]

    def sort_key(self) -> tuple[int, int, int]:
        # A month-precise date sorts before the days of that month.
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        return self.iso


@dataclass(frozen=True, order=True)
class Period:
    """What a figure covers: one day, month or year ("2019-07", "2019"), or the span from one to
    another, written as ISO 8601 writes an interval ("2019-01/2019-05", "2019-09/2020-08")."""

    start: PartialDate
    end: PartialDate  # the same as start where the period is one date

    @classmethod
    def parse(cls, text: str) -> Period:
        """ValueError says what is wrong."""
        first, slash, last = text.partition("/")
        start = PartialDate.parse(first.strip())
        end = PartialDate.parse(last.strip()) if slash else start
        if slash and end.first_day <= start.last_day:
            raise ValueError(f"'{text}' ends before it starts; write the earlier date first, "
                             "such as \"2019-01/2019-05\"")
        return cls(start, end)

    @property
    def iso(self) -> str:
        return self.start.iso if self.start == self.end else f"{self.start.iso}/{self.end.iso}"

    @property
    def first_day(self) -> datetime.date:
        return self.start.first_day

    @property
    def last_day(self) -> datetime.date:
        return self.end.last_day

    def human_in(self, lang: str) -> str:
        """"July 2019", "January–May 2021", "September 2019 – August 2020" (en); "2021년 1~5월"
        (ko); "2021年1~5月" (ja)."""
        if self.start == self.end:
            return self.start.human_in(lang)
        units = language(lang).units
        same_year = self.start.year == self.end.year
        if (same_year and self.start.precision == self.end.precision == "month"
                and self.start.month and self.end.month):
            if units:
                year, month, _, space = units
                return f"{self.start.year}{year}{space}{self.start.month}~{self.end.month}{month}"
            return f"{MONTHS[self.start.month - 1]}–{MONTHS[self.end.month - 1]} {self.start.year}"
        between = "~" if units else " – "
        return f"{self.start.human_in(lang)}{between}{self.end.human_in(lang)}"

    def __str__(self) -> str:
        return self.iso
