import datetime

import pytest
from chronology.dates import PartialDate, month_name


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


@pytest.mark.parametrize(
    ("text", "lang", "human"),
    [("2019-08-02", "en", "2 August 2019"), ("2019-08", "en", "August 2019"), ("2019", "en", "2019"),
     ("2019-08-02", "ko", "2019년 8월 2일"), ("2019-08", "ko", "2019년 8월"), ("2019", "ko", "2019년"),
     ("2019-08-02", "ja", "2019年8月2日"), ("2019-08", "ja", "2019年8月"), ("2019", "ja", "2019年"),
     ("2019-08-02", "fr", "2 August 2019")],  # a language with no form of its own: English
)
def test_human_in_each_language(text: str, lang: str, human: str) -> None:
    assert PartialDate.parse(text).human_in(lang) == human


@pytest.mark.parametrize(
    ("text", "lang", "weekday"),
    [("2019-08-02", "en", "Friday"), ("2019-08-02", "ko", "금요일"), ("2019-08-02", "ja", "金曜日"),
     ("2020-02-29", "ko", "토요일"), ("2020-02-29", "ja", "土曜日"), ("2019-08-05", "ko", "월요일"),
     ("2019-08-05", "ja", "月曜日"), ("2019-08-04", "ja", "日曜日"), ("2019-08", "ko", None)],
)
def test_weekday_in_each_language(text: str, lang: str, weekday: str | None) -> None:
    assert PartialDate.parse(text).weekday_in(lang) == weekday


def test_weekday_does_not_follow_the_locale() -> None:
    # Every day of a week, in English, as strftime("%A") gives them in the C locale.
    days = [PartialDate.of(datetime.date(2019, 8, 5) + datetime.timedelta(n)) for n in range(7)]
    assert [d.weekday for d in days] == [d.first_day.strftime("%A") for d in days]


def test_month_names_by_language() -> None:
    assert [month_name(8, lang) for lang in ("en", "ko", "ja")] == ["August", "8월", "8月"]
