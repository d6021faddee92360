"""The layers of docs/architecture.md hold: no import cycles, and no layer imports one above it.

Imports are read from the source (every ``import`` statement, including those inside
functions, which run later but still tie the modules together); only imports under
``if TYPE_CHECKING:`` are left out, since they never run.
"""

from __future__ import annotations

import ast
import tomllib

import networkx as nx
import pytest
from conftest import ROOT

# Bottom first. A module belongs to the layer of the longest prefix that names it.
LAYERS = (
    ("foundation", ("toc", "toc.model", "toc.findings", "toc.fields", "toc.limits", "toc.suggest",
                    "toc.gc_pause", "toc.errors", "toc.periods",
                    # The one writer: it needs only toc.errors, and the editing layer writes through it.
                    "toc.output",
                    # Shipped data (catalogues, frameworks, templates) that loading and analyses read.
                    "toc.models")),
    ("loading", ("toc.loading", "toc.capture")),
    ("analyses", ("toc.graph", "toc.pathway", "toc.evaluation", "toc.frameworks", "toc.diff", "toc.compare",
                  "toc.views", "toc.needs", "toc.meaning", "toc.json_schema", "toc.reformat",
                  "toc.monitoring")),
    ("rules", ("toc.rules",)),
    ("checker", ("toc.checker",)),
    ("editing", ("toc.editing",)),
    ("renderers", ("toc.renderers",)),
    ("commands", ("toc.commands", "toc.cli", "toc.__main__", "toc.paths", "toc.serving", "toc.sheet_import",
                  "toc.sheet_edits", "toc.project_config")),
)


def project_modules() -> dict[str, ast.Module]:
    """Every module the wheel installs, by its import name, parsed."""
    package_dirs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
    modules = {}
    for package, folder in package_dirs.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            name = ".".join([package, *parts])
            if name.startswith(("toc.renderers", "toc.models")) and package == "toc":
                continue  # (not the case today: the folders are separate)
            modules[name] = ast.parse(path.read_text(), str(path))
    return modules


def import_graph() -> nx.DiGraph:
    modules = project_modules()

    def project_module(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = nx.DiGraph()
    for name, tree in modules.items():
        graph.add_node(name)
        never_run = {id(inner) for node in ast.walk(tree)
                     if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
                     for statement in node.body for inner in ast.walk(statement)}
        is_package = tree is not None and name in modules and _is_package(name, modules)
        for node in ast.walk(tree):
            if id(node) in never_run:
                continue
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = name.split(".") if is_package else name.split(".")[:-1]
                    base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                imported = project_module(target)
                if imported is not None and imported != name:
                    graph.add_edge(name, imported)
    return graph


def _is_package(name: str, modules: dict) -> bool:
    return any(other.startswith(name + ".") for other in modules)


def layer_of(module: str) -> int:
    matches = [(len(prefix), index) for index, (_, prefixes) in enumerate(LAYERS) for prefix in prefixes
               if module == prefix or module.startswith(prefix + ".")]
    return max(matches)[1]


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    return import_graph()


def test_the_graph_sees_the_project(graph):
    # A guard on the test itself: a broken walk would find no cycles in nothing.
    assert {"toc.cli", "toc.loading.build", "toc.rules.dead_end", "toc.renderers.dot"} <= set(graph)
    assert graph.has_edge("toc.checker", "toc.rules")
    assert graph.number_of_edges() > 150


def test_no_import_cycles(graph):
    cycles = [sorted(group) for group in nx.strongly_connected_components(graph) if len(group) > 1]
    assert cycles == []


def test_every_module_has_a_layer(graph):
    unplaced = [module for module in graph if not any(
        module == prefix or module.startswith(prefix + ".") for _, prefixes in LAYERS for prefix in prefixes)]
    assert unplaced == []


def test_no_layer_imports_a_layer_above_it(graph):
    upward = [f"{importer} ({LAYERS[layer_of(importer)][0]}) imports {imported} ({LAYERS[layer_of(imported)][0]})"
              for importer, imported in sorted(graph.edges) if layer_of(imported) > layer_of(importer)]
    assert upward == []


def test_renderers_never_call_the_graphviz_backend(graph):
    # Renderers stay pure: laying DOT out is the commands' step (toc/commands/drawing.py).
    callers = sorted(importer for importer, imported in graph.edges
                     if imported == "toc.renderers.graphviz_backend" and importer.startswith("toc.renderers"))
    assert callers == []


def test_only_the_graphviz_backend_runs_programs(graph):
    modules = project_modules()
    runners = sorted(name for name, tree in modules.items()
                     if name.startswith("toc.renderers")
                     and any(isinstance(node, (ast.Import, ast.ImportFrom))
                             and "subprocess" in [alias.name for alias in node.names] + [getattr(node, "module", "")]
                             for node in ast.walk(tree)))
    assert runners == ["toc.renderers.graphviz_backend"]


# The import name of each runtime dependency in pyproject.toml.
_IMPORT_NAMES = {"networkx": "networkx", "PyYAML": "yaml", "python-docx": "docx", "openpyxl": "openpyxl",
                 "pathspec": "pathspec", "wcwidth": "wcwidth", "shtab": "shtab",
                 "ruamel.yaml": "ruamel"}


def test_runtime_dependencies_are_exactly_what_runtime_code_imports():
    import re
    import sys

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    distributions = {re.match(r"[A-Za-z0-9_.-]+", requirement).group(0) for requirement in declared}
    imported = set()
    for tree in project_modules().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "toc"}
    assert set(_IMPORT_NAMES) == distributions, "name the import of each new dependency in _IMPORT_NAMES"
    assert third_party == set(_IMPORT_NAMES.values())
