"""No import cycles inside linkstar_kit, between modules or between its subpackages.

Walks every module with `ast` and collects its imports of other linkstar_kit modules: at
module level and inside functions (a lazy import is still a dependency, it only moves the
failure to run time), not under `if TYPE_CHECKING:` (annotations only, never executed).
Subpackages (answers, engine, kit ...) must form a layered graph too; the top-level modules
(cli, errors, periods, vocabulary ...) are checked at module level only, since the package
itself both holds the shared leaves and the command line on top of everything.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import linkstar_kit

ROOT = Path(linkstar_kit.__file__).resolve().parent
PKG = "linkstar_kit"


def modules() -> dict[str, Path]:
    out = {}
    for f in sorted(ROOT.rglob("*.py")):
        parts = [PKG, *f.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = f
    return out


def _imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(block.test)
                   for stmt in block.body for n in ast.walk(stmt)}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in typing_only:
            yield node


def graph() -> dict[str, set[str]]:
    mods = modules()
    edges: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        here = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in _imports(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = here.split(".")[: len(here.split(".")) - node.level + 1] if node.level else []
                mod = ".".join([*base, node.module] if node.module else base)
                targets = [mod, *(f"{mod}.{a.name}" for a in node.names)]
            edges[name] |= {t for t in targets if t in mods and t != name}
    return edges


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def subpackage(module: str) -> str | None:
    """`kit` for linkstar_kit.kit and linkstar_kit.kit.html; None for a top-level module."""
    parts = module.split(".")
    if len(parts) < 2 or not (ROOT / parts[1]).is_dir():
        return None
    return parts[1]


def test_the_graph_sees_imports() -> None:
    g = graph()
    assert "linkstar_kit.engine.models" in g["linkstar_kit.engine.select"]
    assert "linkstar_kit.kit.agendas" in g["linkstar_kit.kit.markdown"]
    assert "linkstar_kit.vocabulary" in g["linkstar_kit.periods"]
    # a lazy import inside a function counts
    assert "linkstar_kit.engine.select" in g["linkstar_kit.doctor.checks"]


def test_no_module_imports_itself_back() -> None:
    assert cycles(graph()) == []


def test_no_subpackage_imports_itself_back() -> None:
    packages: dict[str, set[str]] = {}
    for a, targets in graph().items():
        pa = subpackage(a)
        if pa is None:
            continue
        packages.setdefault(pa, set())
        for b in targets:
            pb = subpackage(b)
            if pb is not None and pb != pa:
                packages[pa].add(pb)
                packages.setdefault(pb, set())
    assert {"answers", "engine", "kit", "doctor", "library", "store"} <= set(packages)
    assert cycles(packages) == []


def test_the_check_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
