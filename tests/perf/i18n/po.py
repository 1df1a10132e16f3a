"""Would gettext .po files serve the site's own words (ui.yaml) better? A measurement, not part of
the build: it writes each edition's messages as a .po catalogue with Babel (msgctxt: the message
id; msgid: the English; msgstr: the translation; python-brace-format for the {places}; a stale
text fuzzy with its previous English), reads it back, has GNU msgfmt check it, shows what
msgmerge does when the English changes, and times reading both formats.

Babel is not a dependency of the project: run it from a separate environment,

    python3 -m venv /tmp/po-venv && /tmp/po-venv/bin/pip install Babel PyYAML
    PYTHONPATH=hooks /tmp/po-venv/bin/python tests/perf/i18n/po.py

The README's Translations section gives its numbers and the decision.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from chronology.messages import ENGLISH, PLACE
from chronology.validate import load_chronology

ROOT = Path(__file__).resolve().parents[3]


def catalogue(lang: str, english: dict[str, str], texts: dict[str, object]) -> Catalog:
    found = Catalog(locale=lang, project="chronology", charset="utf-8")
    for id_, message in english.items():
        text = texts.get(id_)
        flags = ["python-brace-format"] if PLACE.search(message) else []
        comments = []
        if text is not None:
            comments.append(f"how: {text.how}; reviewed: {text.reviewed or 'no'}")  # type: ignore[attr-defined]
            if text.stale:  # type: ignore[attr-defined]
                flags.append("fuzzy")
        found.add(message, text.text if text is not None else "",  # type: ignore[attr-defined]
                  flags=flags, user_comments=comments, context=id_)
    return found


def main() -> int:
    chronology = load_chronology(ROOT / "data")
    report = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang, edition in sorted(chronology.translations.items()):
            texts = {id_: t for (kind, id_, _), t in edition.texts.items() if kind == "ui"}
            out = io.BytesIO()
            write_po(out, catalogue(lang, dict(ENGLISH), texts), width=0)
            po = Path(tmp) / f"{lang}.po"
            po.write_bytes(out.getvalue())
            back = read_po(po.open("rb"))
            same = sum(1 for m in back if m.id and m.context and
                       texts.get(m.context) is not None and m.string == texts[m.context].text)
            check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                                   capture_output=True, text=True)
            yaml_file = ROOT / "data" / "i18n" / lang / "ui.yaml"
            start = time.perf_counter()
            for _ in range(20):
                read_po(po.open("rb"))
            po_ms = (time.perf_counter() - start) / 20 * 1000
            from chronology.load import load_file
            start = time.perf_counter()
            for _ in range(20):
                load_file(yaml_file, ROOT)
            yaml_ms = (time.perf_counter() - start) / 20 * 1000
            # A text whose English changes: msgmerge marks it fuzzy and keeps the old English.
            pot = Path(tmp) / "new.pot"
            changed = dict(ENGLISH)
            changed["cite.copy"] = "Copy the citation"
            buffer = io.BytesIO()
            write_po(buffer, catalogue(lang, changed, {}), width=0)
            pot.write_bytes(buffer.getvalue())
            merged = subprocess.run(["msgmerge", "--previous", "-q", "-o", "-", str(po), str(pot)],
                                    capture_output=True, text=True).stdout
            block = merged[merged.index('msgctxt "cite.copy"') - 80:][:260]
            report.append(
                f"{lang}: {len(texts)} messages; ui.yaml {yaml_file.stat().st_size:,} bytes, "
                f"{len(yaml_file.read_text('utf-8').splitlines())} lines; .po "
                f"{po.stat().st_size:,} bytes, {len(po.read_text('utf-8').splitlines())} lines; "
                f"read back identical: {same} of {len(texts)}; msgfmt --check: "
                f"{'ok' if check.returncode == 0 else check.stderr.strip()}; "
                f"read: ui.yaml {yaml_ms:.1f} ms (with every data check), .po {po_ms:.1f} ms\n"
                f"  msgmerge --previous after the English of cite.copy changed:\n"
                + "\n".join("    " + line for line in block.splitlines()[1:]))
    sys.stdout.write("\n".join(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
