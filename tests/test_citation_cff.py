"""CITATION.cff: valid by the Citation File Format 1.2.0's rules for its keys (checked by hand:
the format's schema is not in the environment), and in step with the site's name and licences."""

from __future__ import annotations

import re

from support import ROOT, load_yaml

CFF = load_yaml((ROOT / "CITATION.cff").read_text("utf-8"))


def test_the_required_keys_and_their_types() -> None:
    assert CFF["cff-version"] == "1.2.0"
    assert isinstance(CFF["message"], str) and CFF["message"].strip()
    assert isinstance(CFF["title"], str) and CFF["title"].strip()
    authors = CFF["authors"]
    assert isinstance(authors, list) and authors
    for author in authors:  # a person (family-names) or an entity (name)
        assert isinstance(author, dict) and ({"name", "family-names"} & set(author))
        assert all(isinstance(value, str) and value.strip() for value in author.values())
    assert CFF["type"] in ("software", "dataset")
    assert set(CFF) <= {"cff-version", "message", "title", "authors", "type", "abstract",
                        "license", "keywords", "url", "repository-code", "version",
                        "date-released", "doi", "identifiers", "preferred-citation"}
    assert all(isinstance(word, str) for word in CFF["keywords"])


def test_it_cites_what_the_site_cites() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    site_name = re.search(r"^site_name: (.+)$", config, re.M)
    assert site_name and CFF["title"] == site_name.group(1).strip()
    assert CFF["type"] == "dataset"  # as the About page cites the whole chronology (cite.py)


def test_the_licences_are_stated_alike() -> None:
    assert CFF["license"] == "CC-BY-4.0"
    data = (ROOT / "LICENSE-DATA.md").read_text("utf-8")
    about = (ROOT / "docs" / "about.md").read_text("utf-8")
    assert "creativecommons.org/licenses/by/4.0/" in data and "creativecommons.org/licenses/by/4.0/" in about
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text("utf-8")  # the code's
    assert "MIT" in about
