"""The core's import graph has no cycle. Every import counts, wherever it is written: at the top
of a module, inside a function or under `if TYPE_CHECKING:` — an import moved into a function
still ties the two modules together, it only hides the knot until a caller trips on it."""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

HOOKS = ROOT / "hooks"


def module_name(path: Path, hooks: Path = HOOKS) -> str:
    parts = list(path.relative_to(hooks).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(hooks: Path = HOOKS) -> dict[str, Path]:
    """The hook files beside the package, and every module of the package, by dotted name."""
    return {module_name(path, hooks): path
            for path in [*hooks.glob("*.py"), *(hooks / "chronology").rglob("*.py")]}


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of `known` that the module `name` imports, anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from . import x` imports the module x where there is one, else a name of `base`.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # a name in a module: the module
                target = target.rpartition(".")[0]
            found.update(_run_by(target, name, known))
    return found


def _run_by(target: str, importer: str, known: dict[str, Path]) -> set[str]:
    """What importing `target` runs: the module, and each package above it (its __init__) that
    the importer is not itself inside (a package is already under way for its own modules)."""
    parts = target.split(".")
    ran = {".".join(parts[:n]) for n in range(1, len(parts) + 1)}
    return {module for module in ran
            if module in known and module != importer and not importer.startswith(module + ".")}


def graph(hooks: Path = HOOKS) -> dict[str, set[str]]:
    known = modules(hooks)
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules (Tarjan), each as a path a -> ... -> a,
    sorted, so that a failure names them the same way every run."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(_path_in(group, edges) for group in groups)


def _path_in(group: list[str], edges: dict[str, set[str]]) -> list[str]:
    """A shortest cycle through the group's first module, staying inside the group."""
    start = group[0]
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for other in sorted(edges[node] & set(group)):
                if other == start:
                    return [*paths[node], start]
                if other not in paths:
                    paths[other] = [*paths[node], other]
                    following.append(other)
        frontier = following
    raise AssertionError(f"no cycle through {start}")  # a strongly connected group has one


def test_the_hooks_and_the_core_import_each_other_in_no_cycle() -> None:
    edges = graph()
    assert len(edges) > 40 and edges["chronology.validate"]  # the scan finds the modules
    found = cycles(edges)
    assert found == [], "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in found)


def test_the_scan_sees_imports_in_functions_and_names_the_cycle(tmp_path: Path) -> None:
    package = tmp_path / "chronology"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from .b import thing\n")
    (package / "b.py").write_text("def f():\n    from .sub import c\n")
    (package / "d.py").write_text("from .sub.c import x\n")  # runs sub/__init__.py too
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "c.py").write_text("from typing import TYPE_CHECKING\n"
                                          "if TYPE_CHECKING:\n    from .. import a\n")
    (tmp_path / "hook.py").write_text("import chronology.a\n")
    edges = graph(tmp_path)
    assert edges["hook"] == {"chronology", "chronology.a"}
    assert edges["chronology.d"] == {"chronology.sub", "chronology.sub.c"}
    assert cycles(edges) == [["chronology.a", "chronology.b", "chronology.sub.c", "chronology.a"]]
