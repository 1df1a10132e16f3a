"""Words as they were said (#22): a quote knows whose words it gives and in which language
(`said`); every edition shows the speaker's own words verbatim, and, beside a report of them in
another language, our rendering as reported speech, never in quotation marks under the speaker's
name; machine translations are marked; sentences about an event's background stand apart.

The scans read every edition's event, corrections and background pages as the pure render code
makes them (the HTML the build wraps), against the data: what a page claims about a quote is
checked against what the data says of it, not against the page's own labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from chronology import languages
from chronology.marks import has_quotation_marks, reported
from chronology.model import Chronology, Citation, RecordCitation
from chronology.render import iter_pages
from chronology.statements import count, report, statements_in
from chronology.validate import load_chronology
from support import EVENT, write_data

LANGS = tuple(language.code for language in languages.LANGUAGES)


# --- a rendering in reported speech ------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("“It is regrettable,” he said.", "It is regrettable, he said."),
    ("「一方的に発表を行ったことは遺憾だ」と述べた。", "一方的に発表を行ったことは遺憾だと述べた。"),
    ("『白色国家』から「除外」", "白色国家から除外"),
    ("“상호 신뢰를 훼손했다”고 말했다.", "상호 신뢰를 훼손했다고 말했다."),
    ("Sung said: 'It is retaliation', and 'we will respond'", "Sung said: It is retaliation, and we "
                                                             "will respond"),
    ("Japan’s and the ministers’ view", "Japan’s and the ministers’ view"),
    ("Japan's ‘third-party payment’ plan", "Japan's third-party payment plan"),
])
def test_a_rendering_loses_its_quotation_marks_and_keeps_its_apostrophes(text: str,
                                                                         expected: str) -> None:
    assert reported(text) == expected
    assert has_quotation_marks(text) == (text != expected)


# --- what the page says of a quote ---------------------------------------------------------------

RECORDS = """\
- id: kantei-ja
  kind: official
  outlet: 首相官邸
  title: 記者会見
  published: "2019-07-01"
  language: ja
  url: "https://example.org/kantei/ja"
- id: wire-en
  kind: press
  outlet: A Wire
  title: Japan says trust was harmed
  published: "2019-07-01"
  language: en
  url: "https://example.org/wire"
- id: robot-en
  kind: press
  outlet: A Broadcaster (a machine translation)
  title: Trust harmed
  published: "2019-07-01"
  language: en
  url: "https://example.org/robot"
  machine_translation: A Copying Site
"""
ACTORS = """\
- id: taro-kono
  name: Taro Kono
  kind: person
  country: Japan
  native: 河野太郎
  names: {ko: 고노 다로}
"""
SAID = '{by: taro-kono, date: "2019-07-01", language: ja}'
EVENT_WITH_WORDS = EVENT + f"""  - source: paper-2019-07-02
    quote: "It had happened before"
    note: The paper's background, an earlier step.
    context: true
record:
  - source: kantei-ja
    quote: "信頼関係が損なわれた"
    translation: "the relationship of trust has been damaged"
    said: {SAID}
  - source: wire-en
    quote: "“Trust was harmed,” Kono said."
    said: {SAID}
  - source: robot-en
    quote: "Kono said that trust was suddenly harmed."
    said: {SAID}
"""
KO_EVENT = """\
translator: {how: machine, reviewed: false}
citations:
  - quote: "“Trust was harmed,” Kono said."
    translation: "“신뢰가 훼손됐다”고 고노 외무상은 말했다."
  - quote: "信頼関係が損なわれた"
    translation: "“신뢰 관계가 훼손됐다”"
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Chronology:
    root = tmp_path_factory.mktemp("words")
    data = write_data(root, events={"e.yaml": EVENT_WITH_WORDS}, records=RECORDS, actors=ACTORS)
    (data / "i18n" / "ko" / "events").mkdir(parents=True)
    (data / "i18n" / "ko" / "events" / "e.yaml").write_text(KO_EVENT, encoding="utf-8")
    return load_chronology(data)


def event_page(chronology: Chronology, lang: str, event: str = "e") -> str:
    return dict(iter_pages(chronology, lang=lang))[f"events/{event}.md"]


def test_the_english_names_a_report_and_the_speakers_own_words(small: Chronology) -> None:
    page = event_page(small, "en")
    assert '<q lang="ja">信頼関係が損なわれた</q> <span class="chrono-said">Taro Kono&#x27;s own ' \
           "words.</span>" in page
    assert "As A Wire reported in English: Taro Kono&#x27;s words were in Japanese." in page
    # The English is the wire's own words: nothing to render.
    assert page.count('class="chrono-ours"') == 1
    assert '<span class="chrono-machine">Machine translation by A Copying Site.</span>' in page


def test_an_edition_renders_a_report_as_reported_speech(small: Chronology) -> None:
    page = event_page(small, "ko")
    assert page.count('class="chrono-translation chrono-rendering"') == 1
    assert '<span class="chrono-ours">신뢰가 훼손됐다고 고노 외무상은 말했다.</span>' in page
    # Beside the minister's own words, our translation keeps the quotation marks it has.
    assert '<span class="chrono-ours">“신뢰 관계가 훼손됐다”</span>' in page


def test_context_stands_apart_from_what_the_sources_say(small: Chronology) -> None:
    page = event_page(small, "en")
    sources = page[page.index('<section id="sources"'):]
    assert sources.index("Something happened on Monday") < sources.index('id="context"') \
        < sources.index("It had happened before")
    assert '<figure class="chrono-citation chrono-citation--context">' in sources


def test_statements_are_counted_by_speaker_and_day(small: Chronology) -> None:
    statements = statements_in(small)
    assert [(s.by, s.on, s.language, s.original) for s in statements] == [
        ("taro-kono", "2019-07-01", "ja", True)]
    assert [(c.language, c.statements, c.original, c.not_found) for c in count(statements)] == [
        ("ja", 1, 1, 0)]
    assert report(statements)[1] == "  ja: 1 of 1 carry their original words (100 %); of the " \
                                    "other 0, 0 say why (not_found)"


# --- the real editions -------------------------------------------------------------------------

@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.walk()

    def find(self, css: str) -> list[Element]:
        return [e for e in self.walk() if css in e.classes]


VOID = {"br", "img", "input", "meta", "link", "hr", "wbr"}


class Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Element:
    tree = Tree()
    tree.feed(page)
    return tree.root


def folded(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Quoted:
    """A quote of the data, as the scans need it: its words' language and whose they are."""

    language: str
    said: tuple[tuple[str, str, str], ...]  # (speaker, day, language)
    not_found: bool

    @property
    def original(self) -> bool:
        return bool(self.said) and all(s[2] == self.language for s in self.said)


def quotes(chronology: Chronology) -> dict[str, list[Quoted]]:
    """Every quote of the data by its words (folded), with what the data says of it."""
    languages_ = {r.id: r.language for r in chronology.records}
    found: dict[str, list[Quoted]] = {}

    def add(citation: Citation | RecordCitation, language: str) -> None:
        if citation.quote:
            found.setdefault(folded(citation.quote), []).append(Quoted(
                language, tuple((s.by, s.date.iso, s.language) for s in citation.said),
                bool(citation.not_found)))

    for event in chronology.events:
        bases = [event.date_basis, *([event.in_force.basis] if event.in_force else [])]
        for c in event.citations:
            add(c, "en")
        for c in [*event.record, *(c for b in bases for c in b.record)]:
            add(c, languages_[c.source])
    for correction in chronology.corrections:
        for c in (*correction.quotes, *correction.evidence_quotes):
            add(c, "en")
    for entry in chronology.background:
        for c in entry.citations:
            add(c, "en")
        for c in entry.date_basis.record:
            add(c, languages_[c.source])
    return found


@pytest.fixture(scope="module")
def rendered(real_pages: Callable[[str], dict[str, str]]) -> dict[str, dict[str, Element]]:
    """Every edition's event, corrections and background pages, parsed."""
    return {lang: {path: parse(page) for path, page in real_pages(lang).items()
                   if path.startswith("events/") or path in {"corrections/index.md",
                                                             "context/index.md"}}
            for lang in LANGS}


def quoted_words(element: Element) -> str:
    """The source's words in a quote card or a record citation ("" where it quotes none)."""
    found = [e for e in element.walk() if e.tag in {"q", "blockquote"}]
    return folded(found[0].text()) if found else ""


@pytest.mark.parametrize("lang", LANGS)
def test_no_rendering_of_ours_stands_in_quotation_marks_under_a_speakers_name(
        rendered: dict[str, dict[str, Element]], real_chronology: Chronology, lang: str) -> None:
    """Our words beside a quote keep quotation marks only where the quote is the speaker's own
    words (the data says so: its language is theirs); beside a report of words said in another
    language, or beside words the data attributes to no one, never."""
    data = quotes(real_chronology)
    checked = 0
    for path, page in rendered[lang].items():
        for holder in page.find("chrono-record") + page.find("chrono-citation"):
            for ours in holder.find("chrono-ours"):
                checked += 1
                if not has_quotation_marks(ours.text()):
                    continue
                words = quoted_words(holder)
                cited = data.get(words)
                assert cited, (path, words)
                assert all(q.original for q in cited), (
                    f"{lang}/{path}: our words {ours.text()!r} stand in quotation marks beside "
                    f"{words!r}, which the data does not give as the speaker's own words")
    assert checked > 100


@pytest.mark.parametrize("lang", [code for code in LANGS if code != "en"])
def test_every_quotation_in_the_speakers_language_is_their_original(
        rendered: dict[str, dict[str, Element]], real_chronology: Chronology, lang: str) -> None:
    """In the edition of the language someone spoke, each quote of their words is either their
    words verbatim, marked as in their language, or a report named as such, whose rendering is
    reported speech, in no quotation marks."""
    languages_ = {r.id: r.language for r in real_chronology.records}
    reports = originals = 0
    for event in real_chronology.events:
        page = rendered[lang][f"events/{event.id}.md"]
        shown = {quoted_words(h): h for h in page.find("chrono-record") + page.find(
            "chrono-citation") if quoted_words(h)}
        bases = [event.date_basis, *([event.in_force.basis] if event.in_force else [])]
        cited: list[tuple[Citation | RecordCitation, str]] = [
            (c, "en") for c in event.citations]
        cited += [(c, languages_[c.source]) for c in [*event.record,
                                                      *(c for b in bases for c in b.record)]]
        for citation, language in cited:
            if not citation.quote or all(s.language != lang for s in citation.said):
                continue
            holder = shown[folded(citation.quote)]
            if language == lang:
                originals += 1
                assert any(e.tag == "q" and e.attrs.get("lang") == lang
                           and folded(e.text()) == folded(citation.quote)
                           for e in holder.walk()), (event.id, citation.quote)
                continue
            reports += 1
            assert holder.find("chrono-said") + holder.find("chrono-citation__said"), (
                f"{lang}/{event.id}: {citation.quote!r} is not named as a report")
            for ours in holder.find("chrono-ours"):
                assert holder.find("chrono-rendering"), (event.id, citation.quote)
                assert not has_quotation_marks(ours.text()), (event.id, ours.text())
    assert reports > 20 and originals > 20


def test_machine_translations_are_marked_on_the_page(
        rendered: dict[str, dict[str, Element]], real_chronology: Chronology) -> None:
    machine = {r.id: r.machine_translation for r in real_chronology.records
               if r.machine_translation}
    assert "nhk-2019-08-07-korea-protests-promulgation" in machine
    for lang in LANGS:
        marked = sum(len(page.find("chrono-machine")) for page in rendered[lang].values())
        cited = sum(1 for e in real_chronology.events
                    for c in [*e.record, *e.date_basis.record,
                              *(e.in_force.basis.record if e.in_force else ())]
                    if c.source in machine and c.quote)
        assert marked == cited > 0, lang


def test_background_sentences_stand_apart_in_every_edition(
        rendered: dict[str, dict[str, Element]], real_chronology: Chronology) -> None:
    context = [(e.id, c.quote) for e in real_chronology.events for c in e.citations if c.context]
    assert len(context) >= 16
    for lang in LANGS:
        for event_id, quote in context:
            section = [s for s in rendered[lang][f"events/{event_id}.md"].walk()
                       if s.attrs.get("id") == "context"]
            assert section and folded(quote) in folded(section[0].text()), (lang, event_id)


def test_the_statements_count_of_the_real_data(real_chronology: Chronology) -> None:
    """Every statement quoted carries its original words or says why not (a check keeps it so);
    the README's numbers are this command's output."""
    counts = {c.language: c for c in count(statements_in(real_chronology))}
    assert set(counts) == {"ja", "ko"}
    for c in counts.values():
        assert c.original + c.not_found == c.statements
        assert c.original / c.statements >= 0.8


def test_the_statements_command_prints_its_report(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    from chronology.statements import main
    data = write_data(tmp_path, events={"e.yaml": EVENT_WITH_WORDS}, records=RECORDS,
                      actors=ACTORS)
    assert main([str(data), "--list"]) == 0
    out = capsys.readouterr().out
    assert "  ja: 1 of 1 carry their original words (100 %)" in out
    assert out.rstrip().endswith("Without their original words:")
