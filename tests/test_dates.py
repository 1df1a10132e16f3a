import datetime

import pytest
from chronology.dates import PartialDate


@pytest.mark.parametrize(
    ("text", "precision", "human"),
    [("2019-08-02", "day", "2 August 2019"), ("2019-07", "month", "July 2019"),
     ("1965", "year", "1965")],
)
def test_parse_keeps_precision(text: str, precision: str, human: str) -> None:
    date = PartialDate.parse(text)
    assert (date.iso, date.precision, date.human) == (text, precision, human)


@pytest.mark.parametrize(
    ("text", "message"),
    [("2019-02-29", "February 2019 has 28 days"), ("2019-13", "no month 13"),
     ("2 August 2019", "is not a date"), ("2019-8-2", "is not a date"),
     ("0000-08-01", "not a plausible year"), ("9999", "not a plausible year")],
)
def test_impossible_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(text)


def test_leap_day_is_a_date() -> None:
    assert PartialDate.parse("2020-02-29").weekday == "Saturday"


def test_month_spans_its_days_and_sorts_before_them() -> None:
    month = PartialDate.parse("2019-07")
    assert (month.first_day, month.last_day) == (datetime.date(2019, 7, 1),
                                                 datetime.date(2019, 7, 31))
    assert month.sort_key() < PartialDate.parse("2019-07-01").sort_key()


def test_weekday_of_a_day() -> None:
    assert PartialDate.parse("2019-08-02").weekday == "Friday"
    assert PartialDate.parse("2019-08").weekday is None


@pytest.mark.parametrize("text", ["\uff12\uff10\uff11\uff19-08-02", "\u0662\u0660\u0661\u0669-08"])
def test_only_ascii_digits_make_a_date(text: str) -> None:
    # \d would take other scripts' digits, and the date would silently differ from the text.
    with pytest.raises(ValueError, match="is not a date"):
        PartialDate.parse(text)


def test_a_long_non_date_is_not_echoed_whole() -> None:
    with pytest.raises(ValueError) as error:
        PartialDate.parse("9" * 100_000)
    assert len(str(error.value)) < 120 and "(100,000 characters)" in str(error.value)
