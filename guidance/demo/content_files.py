"""The demo's content files of one kind: `content/<folder>/NN-slug.md`, front matter and a body
in `page_body`'s Markdown; and the YAML files beside them."""

from pathlib import Path

from portal import front_matter

from . import page_body

CONTENT = Path(__file__).parent / "content"


def read(folder):
    """Each file of `content/<folder>` in order, as (slug, front matter, StreamField body)."""
    for slug, path in front_matter.numbered(CONTENT / folder, "*.md"):
        content = front_matter.read(path)
        yield slug, content.meta, page_body.blocks(content.body)


def data(name):
    """The YAML file `content/<name>`."""
    return front_matter.data(CONTENT / name)
