"""The figures (data/figures.yaml): numbers read as the record's words write them, periods, the
checks a figure is held to (each problem with its file, line, field and fix), and how the
figures render: on their page, with a chart drawn as SVG and a table of its numbers, and on the
events they follow, in every edition."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from chronology.dates import Period
from chronology.errors import DataError
from chronology.export import render_json
from chronology.messages import ENGLISH
from chronology.model import FIGURE_AREAS, FIGURE_UNITS, Chronology
from chronology.numbers import amount, signed, stated_numbers
from chronology.render import edition_site, render_pages
from chronology.render.figures import AREAS, UNITS, render_figures_page
from chronology.translations.specs import fingerprint
from chronology.validate import load_chronology
from support import write_data

# --- numbers as the record writes them --------------------------------------------------------


@pytest.mark.parametrize(("words", "number"), [
    ("479 tons", "479"),
    ("561,700", "561700"),
    ("$39.7 million", "39700000"),
    ("US$280 million", "280000000"),
    ("1.3 trillion won", "1300000000000"),
    ("fell 82.4 percent year on year", "82.4"),
    ("4億97万円", "400970000"),
    ("1億5042万円", "150420000"),
    ("約794トン", "794"),
    ("93・5%減", "93.5"),  # the Japanese middle dot as a decimal point
    ("９９．４％減", "99.4"),  # full-width digits
    ("数量、金額ともにゼロ", "0"),
    ("5천551만6천달러", "55516000"),
    ("558만4천6백 명", "5584600"),
    ("1조3780억원", "1378000000000"),
    ("6,278억 원", "627800000000"),
    ("884억원의 영업손실", "88400000000"),  # 영 in 영업 is no zero
    ("197-thousand-300", "197300"),  # as broadcasters write numbers to be read aloud
    ("four-point-six million dollars", "4600000"),
    ("nine-point-69 billion U.S. dollars", "9690000000"),
    ("65-point-five percent contraction", "65.5"),
    ("sixty five", "65"),
    ("205-thousand", "205000"),
])
def test_the_words_state_one_number(words: str, number: str) -> None:
    assert stated_numbers(words) == [Decimal(number)]


@pytest.mark.parametrize(("words", "numbers"), [
    ("fell 65.1 percent to 205,000", ["65.1", "205000"]),
    ("from 45,253 to 36,661 units", ["45253", "36661"]),
    ("halved", []),
    ("천안 지역", []),  # 천 in a word is no thousand
])
def test_the_words_state_other_numbers(words: str, numbers: list[str]) -> None:
    assert stated_numbers(words) == [Decimal(n) for n in numbers]


@pytest.mark.parametrize(("value", "scaled", "en", "ko", "ja"), [
    ("39700000", True, "39.7 million", "3,970만", "3970万"),
    ("400970000", True, "400.97 million", "4억 97만", "4億97万"),
    ("5584600", False, "5,584,600", "558만 4,600", "558万4600"),
    ("1378000000000", True, "1.378 trillion", "1조 3,780억", "1兆3780億"),
    ("7.6", False, "7.6", "7.6", "7.6"),
    ("0", True, "0", "0", "0"),
])
def test_amounts_are_written_as_each_edition_writes_numbers_never_rounded(
        value: str, scaled: bool, en: str, ko: str, ja: str) -> None:
    number = Decimal(value)
    assert (amount(number, "en", scaled=scaled), amount(number, "ko"), amount(number, "ja")) == (
        en, ko, ja)


def test_a_change_is_signed_with_a_minus_sign() -> None:
    assert (signed(Decimal("-82.4")), signed(Decimal("283.3")), signed(Decimal(0))) == (
        "−82.4", "+283.3", "0")


@pytest.mark.parametrize(("text", "en", "ko", "ja"), [
    ("2019-07", "July 2019", "2019년 7월", "2019年7月"),
    ("2019", "2019", "2019년", "2019年"),
    ("2021-01/2021-05", "January–May 2021", "2021년 1~5월", "2021年1~5月"),
    ("2019-09/2020-08", "September 2019 – August 2020", "2019년 9월~2020년 8월",
     "2019年9月~2020年8月"),
])
def test_periods(text: str, en: str, ko: str, ja: str) -> None:
    period = Period.parse(text)
    assert (period.iso, period.human_in("en"), period.human_in("ko"), period.human_in("ja")) == (
        text, en, ko, ja)


@pytest.mark.parametrize(("text", "problem"), [
    ("2019-05/2019-01", "ends before it starts"),
    ("2019-13", "has no month 13"),
    ("July 2019", "is not a date"),
])
def test_a_period_that_is_wrong_says_why(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Period.parse(text)


def test_every_unit_and_area_has_its_words() -> None:
    assert (tuple(UNITS), tuple(AREAS)) == (FIGURE_UNITS, FIGURE_AREAS)


# --- a small chronology with figures -----------------------------------------------------------

RECORDS = """\
- id: wire-2019-08-29
  kind: press
  outlet: The Wire
  title: Exports fall
  published: "2019-08-29"
  language: en
  url: "https://example.org/exports"
- id: tsushin-2019-10-30
  kind: press
  outlet: 通信
  title: 輸出激減
  published: "2019-10-30"
  language: ja
  url: "https://example.jp/exports"
"""

GOOD = """\
- id: exports-2019-07-tonnes
  area: chemicals
  measures: Exports of a chemical, by quantity
  value: 479
  unit: tonnes
  period: "2019-07"
  stated: "479 tons"
  record:
    source: wire-2019-08-29
    quote: "Exports fell 82.4 percent year on year, with 479 tons exported in July."
  events: [something-happened]
  series: exports
- id: exports-2019-09-tonnes
  area: chemicals
  measures: Exports of a chemical, by quantity
  value: 12
  unit: tonnes
  period: "2019-09"
  stated: "12トン"
  record:
    source: tsushin-2019-10-30
    quote: "9月の輸出は12トンだった。"
    translation: "Exports in September were 12 tonnes."
  events: [something-happened]
  series: exports
  differs_from: [exports-2019-07-from-2018]
  note: A note <b>in bold</b>, kept as text.
- id: exports-2019-07-from-2018
  area: chemicals
  measures: Change in exports of a chemical
  value: -82.4
  unit: percent
  period: "2019-07"
  against: "2018-07"
  stated: "fell 82.4 percent year on year"
  record:
    source: wire-2019-08-29
    quote: "Exports fell 82.4 percent year on year, with 479 tons exported in July."
  events: [something-happened]
"""


def with_figures(tmp_path: Path, figures: str = GOOD, records: str = RECORDS) -> Path:
    return write_data(tmp_path, records=records, figures=figures)


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as error:
        load_chronology(data)
    return [str(p) for p in error.value.problems]


def test_good_figures_read_into_the_model(tmp_path: Path) -> None:
    chronology = load_chronology(with_figures(tmp_path))
    first, _, change = chronology.figures
    assert (first.value, first.unit, first.period.iso, first.record.source) == (
        Decimal(479), "tonnes", "2019-07", "wire-2019-08-29")
    assert (change.value, change.against and change.against.iso) == (Decimal("-82.4"), "2018-07")


BROKEN = """\
- id: exports-2019-07-tonnes
  area: chemical
  measures: Exports of a chemical, by quantity
  value: 497
  unit: tons
  period: "2025-07"
  stated: "479 tons"
  record:
    source: wire-2019-08-92
    quote: "Exports fell 82.4 percent year on year, with 479 tons exported in July."
  events: [something-happend]
- id: exports-2019-09-tonnes
  area: chemicals
  measures: Exports of a chemical, by quantity
  value: 12
  period: "2019-09"
  stated: "12 トン"
  record:
    source: tsushin-2019-10-30
    quote: "9月の輸出は12トンだった。"
  events: [something-happened]
  differs_from: [exports-2019-08]
- id: exports-2019-07-from-2018
  area: chemicals
  measures: Change in exports of a chemical
  value: 82.4
  unit: percent
  period: "2019-07"
  against: "2018-07"
  stated: "fell 82.4 percent year on year"
  record:
    source: wire-2019-08-29
    quote: "Exports fell 82.4 percent year on year, with 479 tons exported in July."
  events: [something-happened]
- id: figures-beer
  area: beer
  measures: Beer
  value: "6000"
  unit: USD
  period: 2019
  against: "2018"
  stated: "fell 82.4 percent to 479 tons"
  record:
    source: wire-2019-08-29
  events: []
"""


def test_every_mistake_in_a_figure_is_reported_with_its_line_and_fix(tmp_path: Path) -> None:
    assert problems(with_figures(tmp_path, BROKEN)) == [
        "data/figures.yaml:2: area: 'chemical' is not one of chemicals, sourcing, beer, cars, "
        "clothing, travel; did you mean 'chemicals'?",
        "data/figures.yaml:4: value: 497 is not the number the quote states: '479 tons' reads "
        "as 479; write the value as the quote states it, 479, or fix 'stated'",
        "data/figures.yaml:5: unit: 'tons' is not one of tonnes, JPY, USD, KRW, people, "
        "vehicles, stores, percent, points; did you mean 'tonnes'?",
        "data/figures.yaml:6: period: 2025-07 is outside 2018–2024, the years the figures "
        "cover; check the period",
        "data/figures.yaml:9: record: unknown record source 'wire-2019-08-92'; did you mean "
        "'wire-2019-08-29'?",
        "data/figures.yaml:11: events 1: unknown event 'something-happend'; did you mean "
        "'something-happened'?",
        "data/figures.yaml:12: a figure: missing required field 'unit'",
        "data/figures.yaml:17: stated: '12 トン' is not in the record's quote (line 20); copy "
        "the words that state the number from the quote, character for character",
        "data/figures.yaml:19: record: the quote is in 'ja': add 'translation', our English "
        "translation of it (shown as ours)",
        "data/figures.yaml:22: differs_from 1: unknown figure 'exports-2019-08'; did you mean "
        "'exports-2019-09-tonnes'?",
        "data/figures.yaml:26: value: 82.4 is a rise, but 'fell 82.4 percent year on year' says "
        "it fell; write -82.4",
        "data/figures.yaml:35: id: 'figures-beer' is reserved: ids starting with 'figures-' are "
        "the headings of the figures page; choose another id",
        "data/figures.yaml:38: value: must be a number such as 479, 39.7 or -82.4, written "
        "without quotes, got '6000' in quotes",
        "data/figures.yaml:40: period: must be a period in double quotes, such as \"2019\", "
        "\"2019-07\" or \"2019-01/2019-05\", got a number",
        "data/figures.yaml:41: against: only a change (unit percent or points) is measured "
        "against another period; remove 'against', or give the change",
        "data/figures.yaml:44: record: a figure needs the record's words that state it: add "
        "'quote', copied from the page as read",
        "data/figures.yaml:45: events: needs at least one event id: the event whose measure the "
        "figure follows",
    ]


@pytest.mark.parametrize(("stated", "problem"), [
    ("82.4 percent year on year, with 479", "states 2 numbers (82.4, 479); give only the words "
     "that state this figure"),
    ("Exports fell", "states no number"),
])
def test_the_stated_words_state_one_number(tmp_path: Path, stated: str, problem: str) -> None:
    figures = GOOD.replace('stated: "479 tons"', f'stated: "{stated}"')
    assert [p for p in problems(with_figures(tmp_path, figures)) if problem in p] != []


def test_a_series_is_one_measure_in_one_unit(tmp_path: Path) -> None:
    figures = GOOD.replace('value: 12\n  unit: tonnes', 'value: 12\n  unit: USD')
    assert problems(with_figures(tmp_path, figures)) == [
        "data/figures.yaml:17: unit: differs from figure 'exports-2019-07-tonnes' (line 5) of the "
        "same series 'exports'; a series is one measure in one unit"]


def test_a_series_has_one_figure_per_period(tmp_path: Path) -> None:
    figures = GOOD.replace('period: "2019-09"', 'period: "2019-07"')
    assert problems(with_figures(tmp_path, figures)) == [
        "data/figures.yaml:18: period: 2019-07 is already in series 'exports' (figure "
        "'exports-2019-07-tonnes'); a figure that differs goes outside the series, with "
        "'differs_from'"]


# --- rendering ---------------------------------------------------------------------------------

@pytest.fixture
def chronology(tmp_path: Path) -> Chronology:
    data = with_figures(tmp_path)
    folder = data / "i18n" / "ko"
    folder.mkdir(parents=True)
    (folder / "figures.yaml").write_text(
        "- id: exports-2019-07-tonnes\n"
        f"  measures: {{text: 화학물질 수출, of: {fingerprint('Exports of a chemical, by quantity')}, "
        "how: machine, reviewed: false}\n", "utf-8")
    (folder / "ui.yaml").write_text(
        f"figure.unit.tonnes: {{text: '{{n}}톤', of: {fingerprint(ENGLISH['figure.unit.tonnes'])}, "
        "how: machine, reviewed: false}\n", "utf-8")
    return load_chronology(data)


def test_the_figures_page_draws_each_series_and_gives_its_numbers_as_a_table(
        chronology: Chronology) -> None:
    page = render_pages(chronology)["figures/index.md"]
    svg = re.findall(r"<svg[^>]*>.*?</svg>", page, re.S)
    assert len(svg) == 1  # one series
    assert 'role="img"' in svg[0] and "<title id=" in svg[0] and "<desc id=" in svg[0]
    assert "style=" not in page and "<script" not in page  # the policy allows neither
    assert svg[0].count("<rect") == 2 and "479 tonnes" in svg[0] and "12 tonnes" in svg[0]
    table = page[page.index("<table>"):page.index("</table>")]
    assert "<caption>" in table and ">July 2019</th><td>479 tonnes</td>" in table
    # Every figure has its entry, its number marked in the record's words, its data escaped.
    assert page.count('<li class="chrono-figure" id="') == 3
    assert '<mark class="chrono-figure__stated">479 tons</mark>' in page
    assert "A note &lt;b&gt;in bold&lt;/b&gt;, kept as text." in page
    assert "<strong class=\"chrono-figure__value\">−82.4%</strong>" in page
    assert "July 2019, against July 2018" in page
    # A figure names those it differs from, and is named by them.
    assert page.count('class="chrono-figure__differs"') == 2


def test_an_event_shows_the_figures_that_follow_it(chronology: Chronology) -> None:
    page = render_pages(chronology)["events/something-happened.md"]
    section = page[page.index('<div id="figures"'):]
    assert section.count("<details class=\"chrono-figure\">") == 3
    assert '../../figures/#exports-2019-07-tonnes' in section
    assert "data-pagefind-ignore" in section[:200]  # found on the figures page, not here


def test_the_editions_translate_what_a_figure_measures_and_write_numbers_their_way(
        chronology: Chronology) -> None:
    site = edition_site(chronology, lang="ko")
    page = render_figures_page(site)
    assert "화학물질 수출" in page and "479톤" in page
    # Words in the edition's language need no translation of ours; others keep ours, in English.
    japanese = next(f for f in site.chronology.figures if f.id == "exports-2019-09-tonnes")
    assert japanese.record.translation == "Exports in September were 12 tonnes."
    assert 'lang="en"' in page


def test_the_figures_are_exported_with_their_translations(chronology: Chronology) -> None:
    data = json.loads(render_json(chronology))
    first = data["figures"][0]
    assert (first["value"], first["period"], first["stated"], first["record"]["source"]) == (
        479, "2019-07", "479 tons", "wire-2019-08-29")
    assert data["figures"][2]["value"] == -82.4 and data["figures"][2]["against"] == "2018-07"
    assert first["translations"]["ko"]["measures"]["text"] == "화학물질 수출"


def test_the_real_figures_are_at_least_thirty_and_cover_every_area(
        real_chronology: Chronology) -> None:
    figures = real_chronology.figures
    assert len(figures) >= 30
    assert {f.area for f in figures} == set(FIGURE_AREAS)
    assert all(f.events for f in figures)
