"""The docs name modules, templates and tests by path; a file moved or renamed without its docs
leaves readers looking for something that is not there."""

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
TOP = (
    "bench",
    "docs",
    "events",
    "guidance",
    "monitoring",
    "network",
    "portal",
    "templates",
    "tests",
)
# A path in backticks that starts at the top of the repository and names a file by its extension.
PATH = re.compile(rf"`((?:{'|'.join(TOP)})/[\w./-]+\.(?:py|html|md|txt|csv|yaml|js|css|lua))`")


def named_paths(text):
    return sorted(set(PATH.findall(text)))


def exists(path):
    """A file of the repository, or a template by the name Django finds it under."""
    return (ROOT / path).exists() or (
        path.endswith(".html") and any(ROOT.glob(f"*/templates/{path}"))
    )


def test_a_named_path_is_found_and_a_made_up_one_is_not():
    text = "see `portal/routing.py`, `network/compiled.py` and `news/` or `routing.page_at`"
    assert named_paths(text) == ["network/compiled.py", "portal/routing.py"]
    assert exists("portal/routing.py") and exists("network/crumbs.html")
    assert not exists("network/compiled.py") and not exists("network/nowhere.html")


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_every_path_named_in_the_docs_exists(doc):
    missing = [path for path in named_paths(doc.read_text()) if not exists(path)]
    assert not missing, f"{doc.name} names files that do not exist: {missing}"
