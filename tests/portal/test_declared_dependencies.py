"""Every distribution our code imports is declared in pyproject.toml with an upper bound, so a
fresh install has it and an upgrade of it is a decision, not an accident of another package."""

import ast
import pathlib
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

FOLDERS = ["portal", "events", "guidance", "monitoring", "network", "bench", "tests"]
LOCAL = {*FOLDERS, "manage"}


def normalised(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def declared():
    """{distribution: its requirement} of the dependencies and the dev extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    return {normalised(re.match(r"[\w.-]+", r)[0]): r for r in requirements}


def imported_top_level_modules():
    """{module: a file importing it} of absolute imports outside the standard library."""
    found = {}
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names:
                        found.setdefault(top, path.relative_to(ROOT))
    return found


def undeclared(modules, distributions, requirements):
    """The imported modules whose distribution is not declared, or declared without a bound."""
    problems = []
    for module, path in sorted(modules.items()):
        if module not in distributions:
            continue  # one of our own modules (a test helper imported by name)
        for distribution in distributions[module]:
            requirement = requirements.get(normalised(distribution))
            if requirement is None:
                problems.append(f"{path} imports {module} from {distribution}, not declared")
            elif not re.search(r"<|==|~=", requirement):
                problems.append(f"{distribution} has no upper bound")
    return problems


def test_every_imported_distribution_is_declared_with_bounds():
    modules = {m: p for m, p in imported_top_level_modules().items() if m not in LOCAL}
    assert undeclared(modules, packages_distributions(), declared()) == []


@pytest.mark.parametrize(
    "requirements, expected",
    [
        ({}, ["portal/x.py imports markupsafe from MarkupSafe, not declared"]),
        ({"markupsafe": "markupsafe>=3"}, ["MarkupSafe has no upper bound"]),
        ({"markupsafe": "MarkupSafe>=3,<4"}, []),
    ],
)
def test_an_undeclared_or_unbounded_import_is_caught(requirements, expected):
    modules = {"markupsafe": "portal/x.py"}
    assert undeclared(modules, {"markupsafe": ["MarkupSafe"]}, requirements) == expected
