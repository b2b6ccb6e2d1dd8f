"""Demo content files: Markdown with YAML front matter, written as a person types.

A file opens with its front matter between two `---` lines, then its Markdown body. The body may
be followed by sections, each opened by a line such as `--- reply ---` and carrying front matter
of its own, closed by `---`:

    ---
    title: Et spørgsmål
    by: mette
    ---
    Teksten.

    --- reply ---
    by: karen
    ---
    Svaret.

Files named `NN-key.md` are read in the order of their numbers; the key names the content for
good, so that loading again recognises it.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

FENCE = "---"
SECTION = re.compile(r"^--- (\w+) ---$", re.MULTILINE)
NUMBERED = re.compile(r"^\d+-(?P<key>.+?)(\.md)?$")

_markdown = MarkdownIt("commonmark", {"html": False})


@dataclass
class Section:
    name: str
    meta: dict
    body: str


@dataclass
class ContentFile:
    meta: dict
    body: str
    sections: list[Section] = field(default_factory=list)


def numbered(folder, pattern="*"):
    """The numbered entries of `folder` in their order, as (key, path)."""
    entries = []
    for path in Path(folder).glob(pattern):
        match = NUMBERED.match(path.name)
        if match:
            entries.append((int(path.name.split("-", 1)[0]), match["key"], path))
    return [(key, path) for _number, key, path in sorted(entries)]


def data(path):
    """The YAML file at `path`."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def rich_text(markdown_text):
    """The rich text HTML Wagtail stores, for Markdown."""
    return _markdown.render(markdown_text).replace(">\n<", "><").strip()


def read(path):
    """The file at `path`: its front matter, body and sections."""
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith(FENCE + "\n"):
        raise ValueError(f"{path}: a content file opens with front matter between --- lines")
    meta, rest = _front_matter(text[len(FENCE) + 1 :], path)
    parts = SECTION.split(rest)
    sections = []
    for name, part in zip(parts[1::2], parts[2::2], strict=True):
        section_meta, body = _front_matter(part.lstrip("\n"), path)
        sections.append(Section(name, section_meta, body.strip()))
    return ContentFile(meta, parts[0].strip(), sections)


def _front_matter(text, path):
    """The YAML up to the closing `---` line, and the text after it."""
    lines = text.split("\n")
    if FENCE not in lines:
        raise ValueError(f"{path}: front matter is not closed by a --- line")
    end = lines.index(FENCE)
    return yaml.safe_load("\n".join(lines[:end])) or {}, "\n".join(lines[end + 1 :])
