"""The code rules of the project, checked on every run: short functions, no private names
imported across modules, no import cycle, ruff and mypy clean on extractor/ (configured in
pyproject.toml; both come with the ``test`` extra)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "extractor"
MAX_FUNCTION_LINES = 100


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(module: str, path: Path, modules: dict[str, Path]):
    """(target module, imported name, line) for every import of the package's own code."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "extractor":
                continue
            for alias in node.names:
                yield target, alias.name, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules:
                    yield alias.name, None, node.lineno


def test_the_package_is_found():
    assert "extractor.pipeline" in _modules()


def test_no_function_is_longer_than_100_lines():
    long = []
    for path in _modules().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines} lines)")
    assert long == []


def test_no_private_name_is_imported_from_another_module():
    modules = _modules()
    private = [
        f"{path.relative_to(ROOT)}:{line} imports {name} from {target}"
        for module, path in modules.items()
        for target, name, line in _imports(module, path, modules)
        if name and name.startswith("_") and not name.startswith("__") and f"{target}.{name}" not in modules
    ]
    assert private == []


def test_the_import_graph_has_no_cycle():
    modules = _modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in modules.items():
        for target, name, _ in _imports(module, path, modules):
            if name and f"{target}.{name}" in modules:
                graph[module].add(f"{target}.{name}")
            elif target in modules and target != module:
                graph[module].add(target)
    # A package's __init__ importing its own submodules is not a cycle worth reporting only
    # if no submodule imports the package back; report every strongly connected component.
    order, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node: str) -> None:
        order[node] = low[node] = len(order)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in order:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], order[nxt])
        if low[node] == order[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in list(modules):
        if module not in order:
            visit(module)
    assert cycles == []


def _tool(name: str) -> list[str]:
    """The tool installed beside the running interpreter (the test extra's), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return [str(beside)]
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]' brings it")
    return [found]


def test_ruff_is_clean():
    result = subprocess.run(_tool("ruff") + ["check", "extractor"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr


def test_mypy_is_clean():
    result = subprocess.run(_tool("mypy"), cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr
