"""The apps stand in layers, and an import may only go down: portal is the floor, events (shared
registration) stands on it, and guidance, monitoring and network stand side by side on both
without importing each other. Every import is read from the source with `ast`, those inside
functions too, so an import hidden in a function cannot slip a cycle past the rule."""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

LAYERS = {"portal": 0, "events": 1, "guidance": 2, "monitoring": 2, "network": 2}

# Wiring that may reach up, as Django wants it: settings, root URLs, migrations, management
# commands, and the demo loaders they alone run (`load_demo`).
WIRING = ("settings", "urls", "migrations", "management", "demo")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def app_modules():
    return {
        module_name(path): path for app in LAYERS for path in sorted((ROOT / app).rglob("*.py"))
    }


def imported_names(name, path):
    """Every name the module imports, with relative imports made absolute; `from a import b`
    gives `a.b`, which resolves to the module `a.b` or, for a name defined in `a`, to `a`."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph(modules):
    """Module → the app modules it imports (a name resolves to the longest module it starts with)."""
    graph = {}
    for name, path in modules.items():
        targets = set()
        for imported in imported_names(name, path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def is_wiring(module):
    return any(part in WIRING for part in module.split(".")[1:])


def upward_imports(graph):
    """Imports from an app into one on its own layer or above it, outside the wiring."""
    found = []
    for module, targets in sorted(graph.items()):
        app = module.split(".")[0]
        for target in sorted(targets):
            other = target.split(".")[0]
            if other != app and not is_wiring(module) and LAYERS[other] >= LAYERS[app]:
                found.append(f"{module} imports {target}")
    return found


def cycles(graph):
    """Groups of modules importing each other, round and round (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph[module]:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while not component or component[-1] != module:
                component.append(stack.pop())
                on_stack.discard(component[-1])
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


@pytest.fixture(scope="module")
def graph():
    return import_graph(app_modules())


def test_every_app_imports_only_the_layers_below_it(graph):
    assert upward_imports(graph) == []


def test_no_modules_import_each_other_in_a_cycle(graph):
    assert cycles(graph) == []


def test_portal_importing_network_is_caught():
    graph = {"portal.access": {"network.choices"}, "network.choices": set()}
    assert upward_imports(graph) == ["portal.access imports network.choices"]


def test_peer_apps_importing_each_other_is_caught():
    graph = {"network.views.meetings": {"guidance.views"}, "guidance.views": set()}
    assert upward_imports(graph) == ["network.views.meetings imports guidance.views"]


def test_an_import_inside_a_function_closing_a_cycle_is_caught(tmp_path):
    source = "def get_context():\n    from guidance import registration\n"
    names = list(imported_names("guidance.models.events", _write(tmp_path, source)))
    assert "guidance.registration" in names
    graph = {
        "guidance.models.events": {"guidance.registration"},
        "guidance.registration": {"guidance.models.events"},
    }
    assert cycles(graph) == [["guidance.models.events", "guidance.registration"]]


def test_relative_imports_are_read_as_absolute(tmp_path):
    path = _write(tmp_path, "from .groups import Group\nfrom . import meetings\n", "__init__.py")
    names = set(imported_names("network.models", path))
    assert {"network.models.groups.Group", "network.models.meetings"} <= names


def _write(folder, source, name="module.py"):
    path = folder / name
    path.write_text(source, encoding="utf-8")
    return path
