"""The Content-Security-Policy every page carries: a <meta http-equiv> first in its <head>.

Pure: no MkDocs, no I/O. Scripts run only from the site's own files, and inline only if their
sha256 is in the policy. The caller names the inline scripts it wrote itself (the theme's, as
rendered from its templates; REDIRECT_SCRIPT): never hash whatever inline script a page happens
to hold, as an injected one would then be allowed. A meta policy covers only what follows it,
so it goes before anything a page's front matter fills (Material's description comes early).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable

# 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly. data: images: Material's icons are
# data: SVGs in its stylesheet (mask-image). form-action and base-uri do not fall back to
# default-src, so they are named. frame-ancestors, report-uri and sandbox are ignored in a meta
# policy: a host that can send headers may add them.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
)

# The redirect pages' script (render.iter_redirects): the same on every page, so one hash. The
# refresh in the same page drops a #fragment; this keeps it.
REDIRECT_SCRIPT = 'location.replace(document.querySelector("link[rel=canonical]").href+location.hash)'

_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""\ssrc\s*=""", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# What a browser runs (HTML's "JavaScript MIME type essence match", and modules); anything else,
# such as application/json or application/ld+json, is data and needs no hash.
_RUN = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
        "text/ecmascript", "application/x-javascript", "text/jscript", "text/livescript",
        "text/x-javascript", "text/x-ecmascript", "text/javascript1.0", "text/javascript1.1",
        "text/javascript1.2", "text/javascript1.3", "text/javascript1.4", "text/javascript1.5"}


def source_hash(script: str) -> str:
    """The policy's source expression for one inline script's exact text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: Iterable[str] = (), *, any_inline: bool = False) -> str:
    """The policy allowing the site's own files and these inline scripts (their exact text).

    `any_inline` is for a local preview only (`mkdocs serve`): its live-reload script is put
    inline into each page as it is served, with a new number each time, so no hash can name it;
    and a browser ignores 'unsafe-inline' beside any hash, so then there are none."""
    hashes = [] if any_inline else sorted({source_hash(script) for script in scripts})
    inline = ["'unsafe-inline'"] if any_inline else []
    return "; ".join(" ".join([name, value, *inline, *hashes] if name == "script-src"
                              else [name, value]) for name, value in DIRECTIVES)


def policy_meta(scripts: Iterable[str] = (), *, any_inline: bool = False) -> str:
    # Escaped for a "-quoted attribute; the policy holds none of these characters today.
    text = html.escape(policy(scripts, any_inline=any_inline), quote=False).replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{text}">'


def with_policy(page: str, scripts: Iterable[str] = (), *, any_inline: bool = False) -> str:
    """The HTML page with the policy as the first element of its <head>. The first <head> tag is
    the template's own: whatever a page's data puts there comes later. ValueError if none."""
    head = _HEAD.search(page)
    if head is None:
        raise ValueError("no <head> to put the Content-Security-Policy in")
    return f"{page[:head.end()]}\n{policy_meta(scripts, any_inline=any_inline)}{page[head.end():]}"


def inline_scripts(page: str) -> list[str]:
    """The text of each inline script in the HTML that a browser would run (not JSON data).
    For checking, and for reading the theme's own rendered templates: never to allow a page's."""
    found = []
    for match in _SCRIPT.finditer(page):
        attributes, text = match.groups()
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        value = next((v for v in kind.groups() if v is not None), "") if kind else ""
        if value.strip().lower() in _RUN:
            found.append(text)
    return found


def disallowed_scripts(page: str, scripts: Iterable[str]) -> list[str]:
    """The inline scripts in the page that the policy for `scripts` would block."""
    allowed = set(scripts)
    return [text for text in inline_scripts(page) if text not in allowed]
