"""One table of languages (hooks/chronology/languages.py): the editions' configuration files
hold only what the table cannot say, the navigation's titles translate by the English ones, and
a language added to the table, with its translation files, is built as an edition."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from chronology.languages import BY_CODE, EDITIONS, ENGLISH, language, language_of
from chronology.render import translated_nav
from chronology.translations.specs import fingerprint
from support import ROOT, copy_project


def edition_files() -> dict[str, Path]:
    return {path.stem.split(".")[1]: path for path in ROOT.glob("mkdocs.*.yml")}


def test_each_edition_file_is_a_language_of_the_table_and_says_only_what_it_cannot() -> None:
    files = edition_files()
    assert set(files) <= {lang.code for lang in EDITIONS}
    for code, path in files.items():
        config = yaml.safe_load(path.read_text("utf-8"))
        # The navigation and the language selector are derived (chronology_pages.py).
        assert "nav" not in config and not {"alternate", "editions"} & set(config.get("extra", {})), \
            path.name
        assert config["INHERIT"] == "mkdocs.yml"
        assert config["extra"]["edition"] == code
        assert config["theme"] == {"language": BY_CODE[code].theme}
    english = yaml.safe_load(re.sub(r"!ENV \[[^]]*\]", '""', (ROOT / "mkdocs.yml").read_text("utf-8")))
    assert not {"alternate", "editions"} & set(english["extra"])
    assert english["extra"]["edition"] == ENGLISH.code


def test_the_navigation_is_translated_by_its_english_titles() -> None:
    nav = [{"Home": "index.md"}, {"Reference": [{"Sources": "sources/index.md"}, "x.md"]}]
    assert translated_nav(nav, {"Home": "홈", "Sources": "출처"}) == [
        {"홈": "index.md"}, {"Reference": [{"출처": "sources/index.md"}, "x.md"]}]
    with pytest.raises(ValueError, match="translates Hoem, which the navigation"):
        translated_nav(nav, {"Hoem": "홈"})


def test_the_table_says_how_each_language_writes() -> None:
    assert language("ja").joiner == "" and language("ko").joiner == " "
    assert language("xx") is ENGLISH  # not in the table: as English
    assert [language_of(text) for text in ("문재인", "安倍晋三", "Abe")] == ["ko", "ja", None]


def test_an_edition_with_no_file_of_its_own_is_configured_from_the_table(tmp_path: Path) -> None:
    import build_site
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    assert build_site.configuration(tmp_path / "mkdocs.yml") == str(tmp_path / "mkdocs.yml")
    generated = build_site.configuration(tmp_path / "mkdocs.ko.yml")
    assert not isinstance(generated, str)
    assert generated.name == str(tmp_path / "mkdocs.ko.yml")
    assert yaml.safe_load(generated.read()) == {
        "INHERIT": "mkdocs.yml", "theme": {"language": "ko"}, "extra": {"edition": "ko"}}
    # Not a language of the table: MkDocs says the file is missing.
    assert build_site.configuration(tmp_path / "mkdocs.xx.yml") == str(tmp_path / "mkdocs.xx.yml")


# A language the site does not have, added as a maintainer would: a line in the table...
ESPERANTO = '    Language("eo", "Esperanto", "Esperanto", "eo/", "eo"),\n'


@pytest.mark.build
def test_a_language_added_to_the_table_is_built_as_an_edition(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    table = project / "hooks" / "chronology" / "languages.py"
    text = table.read_text("utf-8")
    assert text.count("\n)\nBY_CODE") == 1
    table.write_text(text.replace("\n)\nBY_CODE", f"\n{ESPERANTO})\nBY_CODE"), "utf-8")
    # ...and its translation files: a phase's title and one of the site's own words.
    phases = yaml.safe_load((project / "data" / "phases.yaml").read_text("utf-8"))
    phase = phases[0]
    i18n = project / "data" / "i18n" / "eo"
    i18n.mkdir(parents=True)
    (i18n / "phases.yaml").write_text(
        f'- id: {phase["id"]}\n  title: {{text: "La unua fazo", of: {fingerprint(phase["title"])}, '
        "how: person, by: Zamenhof}\n", "utf-8")
    (i18n / "ui.yaml").write_text(
        f'translator: {{how: person, by: Zamenhof}}\nevent.sources.heading: {{text: "Kion diras '
        f'la fontoj", of: {fingerprint("What the sources say")}}}\n', "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
           "PYTHONPATH": str(project / "hooks")}  # the project's own table, not this one
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, str(project / "hooks" / "build_site.py"), "--site-dir",
                           str(site), "--config-file", str(project / "mkdocs.yml"),
                           "--editions", "eo"], capture_output=True, text=True, env=env,
                          cwd=project, check=False)
    assert done.returncode == 0, done.stderr
    assert "built the eo edition into .site-new/eo/" in done.stderr
    home = (site / "eo" / "index.html").read_text("utf-8")
    assert '<html lang="eo"' in home
    # Every edition's language selector offers it, leading to the same page.
    assert 'hreflang="eo" lang="eo" class="md-select__link"' in (site / "index.html").read_text(
        "utf-8")
    assert 'href="../../eo/phases/' in (site / "phases" / phase["id"] / "index.html").read_text(
        "utf-8")
    # Its translations are shown, marked as a person's; the rest stands in English, marked.
    page = (site / "eo" / "phases" / phase["id"] / "index.html").read_text("utf-8")
    assert "La unua fazo" in page and "chrono-untranslated" in page
    event = next((site / "eo" / "events").glob("*/index.html")).read_text("utf-8")
    assert "Kion diras la fontoj" in event
