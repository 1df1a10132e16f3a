"""Reading a built page's Content-Security-Policy with the standard library's HTML parser, not
with the code that wrote it (chronology/csp.py), for the CSP tests."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Script types a browser runs (HTML: a JavaScript MIME type, or a module; "" is no type).
RUN = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
       "text/ecmascript"}


@dataclass
class PageScripts(HTMLParser):
    """The <meta> CSPs of a page, whether the first is the first element in <head>, and the
    text of its inline scripts that run."""

    policies: list[str] = field(default_factory=list)
    first_in_head: str = ""  # the first start tag inside <head>, as "tag attr=value"
    scripts: list[str] = field(default_factory=list)
    _in_head: bool = False
    _script: str | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if self._in_head and not self.first_in_head:
            self.first_in_head = f"{tag} {values.get('http-equiv', '')}".strip()
        if tag == "head":
            self._in_head = True
        elif tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.policies.append(values.get("content", ""))
        elif tag == "script" and "src" not in values:
            self._script = "" if values.get("type", "").strip().lower() in RUN else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        elif tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script += data


def read_page(text: str) -> PageScripts:
    parsed = PageScripts()
    parsed.feed(text)
    parsed.close()
    return parsed


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {parts[0]: parts[1:] for part in policy.split(";") if (parts := part.split())}
