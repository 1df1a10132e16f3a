"""Pagefind's bundle as written on disk: checked whole before it is used, and written the same
way by every build of the same pages.

Pagefind 1.5 exits 0 when its writes fail (a full disk leaves zero-byte files, the entry file
among them), so its exit status says nothing about its output: `check_files` and
`check_references` read the output itself. Pagefind also writes each filter's values, and the
list of filters, in hash-map order, which changes from run to run; `canonical_filters` writes
them again sorted, under names taken from their new bytes, so two builds are byte-identical.

The files (Pagefind's source, pagefind/src/output and src/index): `pagefind-entry.json` names
each language's `pagefind.<hash>.pf_meta` and `wasm.<lang>.pagefind`; the meta file names the
page fragments (`fragment/<hash>.pf_fragment`), index chunks (`index/<hash>.pf_index`) and
filters (`filter/<hash>.pf_filter`). Each `.pf_*` file is gzip of the signature `pagefind_dcd`
and then CBOR (minicbor: structs as arrays of their fields). Pure file work: no MkDocs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
PACKED = (".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment", ".pagefind")  # all gzip
META_FILTERS = 3  # the meta file's field that lists the filters: [[name, hash], ...]
CBOR = int | str | bytes | list[Any]


class BundleError(Exception):
    """The bundle is damaged or not in the form Pagefind 1.5 writes; the message names a file."""


# --- CBOR, as much as Pagefind writes: unsigned integers, strings, arrays ---------------------

def decode(data: bytes, at: int = 0) -> tuple[CBOR, int]:
    """One CBOR item at `at`, and where the next begins."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info >= 28 or major not in (0, 2, 3, 4):
        raise ValueError(f"CBOR item {data[at - 1]:#x} is not one Pagefind writes")
    size = 0 if info < 24 else 1 << (info - 24)
    count = info if info < 24 else int.from_bytes(data[at:at + size], "big")
    at += size
    if major == 0:
        return count, at
    if major in (2, 3):
        raw = data[at:at + count]
        if len(raw) < count:
            raise ValueError("CBOR string cut short")
        return (raw.decode("utf-8") if major == 3 else raw), at + count
    items = []
    for _ in range(count):
        item, at = decode(data, at)
        items.append(item)
    return items, at


def encode(value: CBOR) -> bytes:
    """`value` in CBOR with the shortest heads, as minicbor writes it."""
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    return _head(4, len(value)) + b"".join(encode(item) for item in value)


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    size = next(size for size in (1, 2, 4, 8) if number < 1 << (8 * size))
    return bytes([major << 5 | (23 + size.bit_length())]) + number.to_bytes(size, "big")


# --- reading and writing one packed file ------------------------------------------------------

def read_packed(path: Path) -> CBOR:
    """The value in a `.pf_*` file (raises BundleError naming the file)."""
    try:
        data = gzip.decompress(path.read_bytes())
        if data.startswith(SIGNATURE):
            value, end = decode(data, len(SIGNATURE))
            if end == len(data):
                return value
    except (EOFError, zlib.error, gzip.BadGzipFile, ValueError, IndexError):
        pass
    raise BundleError(f"{path.name} is not in the form Pagefind 1.5 writes")


def write_packed(path: Path, value: CBOR) -> None:
    # mtime=0 and no file name in the header: the bytes depend on the content alone.
    path.write_bytes(gzip.compress(SIGNATURE + encode(value), compresslevel=9, mtime=0))


def _name(prefix: str, packed: bytes, length: int, taken: set[str]) -> str:
    """A file name from the content's digest, longer where it would collide (as Pagefind)."""
    digest = hashlib.sha1(packed).hexdigest()
    while f"{prefix}_{digest[:length]}" in taken and length < len(digest):
        length += 1
    return f"{prefix}_{digest[:length]}"


# --- the checks ---------------------------------------------------------------------------------

def check_files(bundle: Path) -> None:
    """Every file whole: none empty, every gzip file complete (a write cut short by a full disk
    leaves an empty or truncated file), the entry file JSON."""
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    if not (bundle / ENTRY).is_file():
        raise BundleError(f"{ENTRY} is missing")
    empty = [p for p in files if p.stat().st_size == 0]
    if empty:
        more = f", and {len(empty) - 1} more files" if len(empty) > 1 else ""
        raise BundleError(f"{_shown(bundle, empty[0])} is empty{more}")
    for path in files:
        if path.suffix in PACKED:
            try:
                gzip.decompress(path.read_bytes())
            except (OSError, EOFError, zlib.error):
                raise BundleError(f"{_shown(bundle, path)} is cut short or damaged") from None
    _entry(bundle)


def check_references(bundle: Path, pages: int) -> None:
    """Every file the entry and the meta files name is there, and they count `pages` pages
    (Pagefind's own count; -1: not known)."""
    counted = 0
    for lang, language in sorted(_entry(bundle).items()):
        wasm = language.get("wasm")
        if wasm is not None and not (bundle / f"wasm.{wasm}.pagefind").is_file():
            raise BundleError(f"wasm.{wasm}.pagefind, named in {ENTRY}, is missing")
        meta = _meta(bundle, language["hash"])
        try:
            parts = [("fragment", ".pf_fragment", str(page[0])) for page in meta[1]]
            parts += [("index", ".pf_index", str(chunk[2])) for chunk in meta[2]]
        except (IndexError, TypeError):
            raise BundleError(f"the {lang} meta file is not in the form Pagefind 1.5 writes"
                              ) from None
        parts += [("filter", ".pf_filter", str(item[1])) for item in meta[META_FILTERS]]
        for folder, suffix, name in parts:
            if not (bundle / folder / f"{name}{suffix}").is_file():
                raise BundleError(f"{folder}/{name}{suffix}, named in the {lang} meta file, "
                                  "is missing")
        if len(meta[1]) != language.get("page_count"):
            raise BundleError(f"{ENTRY} counts {language.get('page_count')} {lang} pages, "
                              f"its meta file {len(meta[1])}")
        counted += len(meta[1])
    if pages >= 0 and counted != pages:
        raise BundleError(f"Pagefind indexed {pages} pages, but its files hold {counted}")


def _entry(bundle: Path) -> dict[str, dict[str, Any]]:
    try:
        entry = json.loads((bundle / ENTRY).read_text("utf-8"))
        languages = entry["languages"]
        if not languages or not all(isinstance(lang.get("hash"), str) for lang in languages.values()):
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BundleError(f"{ENTRY} is not the JSON Pagefind writes (languages and their "
                          "files)") from None
    return dict(languages)


def _meta(bundle: Path, name: str) -> list[Any]:
    path = bundle / f"pagefind.{name}.pf_meta"
    if not path.is_file():
        raise BundleError(f"{path.name}, named in {ENTRY}, is missing")
    meta = read_packed(path)
    if not (isinstance(meta, list) and len(meta) > META_FILTERS
            and all(isinstance(part, list) for part in meta[1:META_FILTERS + 1])
            and all(isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
                    for item in meta[META_FILTERS])):
        raise BundleError(f"{path.name} is not in the form Pagefind 1.5 writes")
    return meta


def _shown(bundle: Path, path: Path) -> str:
    return path.relative_to(bundle).as_posix()


# --- one order --------------------------------------------------------------------------------

def canonical_filters(bundle: Path) -> None:
    """Write each language's filter files and meta file again with the filters, and each
    filter's values, sorted; rename them after their new bytes; point the entry file at the new
    meta files. Run on a bundle that `check_files` and `check_references` passed."""
    entry = json.loads((bundle / ENTRY).read_text("utf-8"))
    for lang, language in sorted(entry["languages"].items()):
        meta = _meta(bundle, language["hash"])
        names: set[str] = set()
        rewritten = []
        for filter_name, old in sorted(meta[META_FILTERS]):
            path = bundle / "filter" / f"{old}.pf_filter"
            value = read_packed(path)
            if not (isinstance(value, list) and len(value) == 2 and value[0] == filter_name
                    and isinstance(value[1], list)
                    and all(isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)
                            and isinstance(item[1], list) for item in value[1])):
                raise BundleError(f"filter/{path.name} is not the filter {filter_name!r} in the "
                                  "form Pagefind 1.5 writes")
            # [[value, [page numbers]], ...]: by value, each value's pages in ascending order
            value = [filter_name, sorted([item[0], sorted(item[1])] for item in value[1])]
            name = _name(lang, encode(value), 7, names)
            names.add(name)
            path.unlink()
            rewritten.append((name, value))
            meta[META_FILTERS][meta[META_FILTERS].index([filter_name, old])] = [filter_name, name]
        for name, value in rewritten:  # after every old file is gone: a new name may be an old one
            write_packed(bundle / "filter" / f"{name}.pf_filter", value)
        meta[META_FILTERS].sort()
        (bundle / f"pagefind.{language['hash']}.pf_meta").unlink()
        language["hash"] = _name(lang, encode(meta), 10, set())
        write_packed(bundle / f"pagefind.{language['hash']}.pf_meta", meta)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    (bundle / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                                "utf-8")
