"""Who imports whom (docs/architecture.md), so that the build fails when it stops being true.

* The layers and the frameworks: the import-linter contracts of ``pyproject.toml`` (a layer
  never imports one above it, ingest and graph never import each other, shapes and load
  neither, api never imports cli; FastAPI, Starlette and uvicorn only in api/, Typer and
  Click only in cli/). Imports inside functions count.
* cli/ uses api/ through its public names only (the server, the settings).
* No import cycle between the modules of the package, imports inside functions included.
* The size limits of the two faces: no module of api/ or cli/ over 800 lines, no function
  over 120.
"""

from __future__ import annotations

import ast
import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The folders of the package, from the ground up (each is ``policykg.<folder>``).
LAYERS = ("ontology", "ingest", "graph", "shapes", "load", "api", "cli")
FACES = ("api", "cli")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["policykg", *parts])


def _modules() -> dict[str, Path]:
    found = {"policykg": ROOT / "__init__.py"}
    for folder in LAYERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            found[_module_name(path)] = path
    return found


MODULES = _modules()


def _is_type_checking(test: ast.expr) -> bool:
    return "TYPE_CHECKING" in ast.unparse(test)


def _imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, inside functions too, but not under ``if TYPE_CHECKING``."""
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        pending.extend(ast.iter_child_nodes(node))


def _targets(node: ast.Import | ast.ImportFrom) -> Iterator[tuple[str, str | None]]:
    """(module imported, name taken from it or None) of one import statement."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name, None
    elif node.module and node.level == 0:
        for alias in node.names:
            submodule = f"{node.module}.{alias.name}"
            yield (submodule, None) if submodule in MODULES else (node.module, alias.name)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_import_contracts_hold() -> None:
    from importlinter.cli import lint_imports

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = lint_imports(
            config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True
        )
    assert code == 0, out.getvalue()


def test_every_folder_is_a_layer_of_the_contract() -> None:
    """A new top-level package must be placed in the layers (pyproject.toml) and here."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    named = {p.strip() for layer in layers["layers"] for p in layer.split("|")}
    packages = set(config["tool"]["setuptools"]["packages"])
    top = {p for p in packages if p.count(".") == 1}
    assert named == top == {f"policykg.{folder}" for folder in LAYERS}


def test_cli_uses_only_public_names_of_api() -> None:
    problems = []
    for name, path in MODULES.items():
        if not name.startswith("policykg.cli"):
            continue
        tree = _tree(path)
        bound: set[str] = set()  # local names of api modules
        for node in _imports(tree):
            for module, taken in _targets(node):
                if not module.startswith("policykg.api"):
                    continue
                if any(part.startswith("_") for part in module.split(".")):
                    problems.append(f"{name}: imports {module}")
                if taken is not None and taken.startswith("_"):
                    problems.append(f"{name}: imports {module}.{taken}")
                if isinstance(node, ast.ImportFrom):
                    bound.update(a.asname or a.name for a in node.names)
                else:
                    bound.update(a.asname or a.name.split(".")[0] for a in node.names)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name)
                and node.value.id in bound
            ):
                problems.append(f"{name}:{node.lineno}: uses {node.value.id}.{node.attr}")
    assert not problems, "\n".join(problems)


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle() -> None:
    graph = {
        name: {
            module
            for node in _imports(_tree(path))
            for module, _ in _targets(node)
            if module in MODULES and module != name
        }
        for name, path in MODULES.items()
    }
    cycles = _cycles(graph)
    assert not cycles, "import cycles: " + "; ".join(" <-> ".join(sorted(c)) for c in cycles)


@pytest.mark.parametrize("face", FACES)
def test_the_faces_stay_small(face: str) -> None:
    problems = []
    for path in sorted((ROOT / face).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines > 800:
            problems.append(f"{path.relative_to(ROOT)}: {lines} lines (over 800)")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 120:
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    problems.append(f"{where}: {node.name} is {length} lines (over 120)")
    assert not problems, "\n".join(problems)
