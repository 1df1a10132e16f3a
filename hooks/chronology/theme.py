"""What the theme's templates (hooks/theme/) are given, in the configuration's `extra`.

Every generator that reads mkdocs.yml hands its `extra` to the templates as `config.extra`,
whether it runs hooks or not (MkDocs, ProperDocs, Zensical). So what the templates need from
the project is put there — by the hook (chronology_pages.on_config, on_pre_build) for MkDocs, and
written into each edition's configuration by `make standalone` for a generator without hooks —
rather than into the template engine (a Python function or filter in Jinja2's globals, which
MiniJinja and a hook-less generator do not have):

- `words`: the theme's words in the edition's language, HTML-escaped, by message id
  (`config.extra.words["notfound.title"]`);
- `script_messages`: the scripts' messages, as the JSON main.html writes into each page;
- `editions`: the language selector (partials/alternate.html) and `up`, from an edition's root
  to the English root, where the selector's paths start.

Pure: no I/O, no MkDocs, no Jinja.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping

from .languages import ENGLISH, LANGUAGES
from .messages import ENGLISH as ENGLISH_MESSAGES
from .messages import message, script_messages

# The messages the templates use (404.html, partials/search.html): config.extra.words["id"].
THEME_PREFIXES = ("notfound.", "search.")
LINK = "{link}"  # where a template puts a link in one of its messages


def theme_words(table: Mapping[str, str]) -> dict[str, str]:
    """The theme's words in a language (English where its table lacks one), each escaped as
    Messages escapes a message: the templates write them as they are. A message with a link
    in it ("{link}, on the home page;") is one message to translate, wherever the language
    puts the link; the template gets it as the words before the link and after it
    (`<id>.before`, `<id>.after`), since a template has no place to fill in."""
    words: dict[str, str] = {}
    for id_ in ENGLISH_MESSAGES:
        if id_.startswith(THEME_PREFIXES):
            text = html.escape(message(table, id_))
            words[id_] = text
            if LINK in text:
                words[f"{id_}.before"], _, words[f"{id_}.after"] = text.partition(LINK)
    return words


def html_safe_json(value: object) -> str:
    """JSON that may stand inside a <script> element, written exactly as Jinja2's `tojson`
    filter writes it (keys sorted, non-ASCII as \\u escapes; <, >, & and ' escaped), so that a
    page is the same whether the template or this wrote it."""
    text = json.dumps(value, sort_keys=True)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("'", "\\u0027"))


def editions() -> list[dict[str, str]]:
    """The language selector's entries: each edition's name as it writes it, its code, and its
    folder from the English root."""
    return [{"name": language.native, "lang": language.code, "root": language.folder}
            for language in LANGUAGES]


def theme_extra(lang: str, table: Mapping[str, str]) -> dict[str, object]:
    """Everything the templates read from `config.extra` for an edition, but its code."""
    return {"editions": editions(), "up": "" if lang == ENGLISH.code else "../",
            "words": theme_words(table),
            "script_messages": html_safe_json(script_messages(table))}
