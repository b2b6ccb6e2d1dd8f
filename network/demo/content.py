"""The demo networks' texts, read from `content/`: one numbered folder per group (`NN-slug/`).

A group's folder holds:

- `group.md`: name, kind (open, closed, secret), created_by, days_ago and the handles of its
  people by relation (moderators, members, requested, invited, removed, banned); the body is the
  group's description.
- `threads/NN-key.md`: title, by, days_ago and, where they apply, pinned, locked, was (the text
  before its author edited it) and attachments (names from `files.yaml`); the body is the opening
  post. Each reply follows as a `--- reply ---` section with by and, where they apply, quotes (the
  number of an earlier reply, counted from 0), solution, was and attachments.
- `files.yaml`: the files shared in the group, by name; the name's ending picks the builder in
  `portal.demo.files` and the fields are its arguments.
- `documents.yaml`: the library: folder, title, by, days_ago, file and description.
- `meetings/NN-key.md`: title, by, days_ahead, hours (start and end), and where they apply
  place, video_url, capacity, registered and material; the body is the agenda.

The texts are Markdown as a member types it: each line break is a break. `@{handle}` is a
mention by name, as the writing form's autocomplete inserts it (network.demo.posts makes it one);
`@local.part` is the older mention by e-mail address, which still works.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from portal import front_matter
from portal.demo import files

CONTENT = Path(__file__).parent / "content"
BUILDERS = {
    ".pdf": files.pdf,
    ".docx": files.docx,
    ".xlsx": files.xlsx,
    ".png": files.png_bar_chart,
}


@dataclass
class GroupContent:
    group: dict
    threads: list
    attachments: list
    documents: list
    meetings: list


def groups():
    """Every demo group's content, in the order of the folders' numbers."""
    return [_group(slug, folder) for slug, folder in front_matter.numbered(CONTENT)]


def _group(slug, folder):
    group = front_matter.read(folder / "group.md")
    shared = _files(folder / "files.yaml")
    threads, attachments = [], []
    for key, path in front_matter.numbered(folder / "threads", "*.md"):
        thread = _thread(key, front_matter.read(path))
        threads.append(thread)
        attachments += _attachments(key, None, thread, shared)
        for number, reply in enumerate(thread["replies"]):
            attachments += _attachments(key, number, reply, shared)
    documents = [
        {
            **document,
            "description": document.get("description", ""),
            "file": shared[document["file"]],
        }
        for document in _yaml(folder / "documents.yaml", [])
    ]
    meetings = [
        _meeting(front_matter.read(path))
        for _key, path in front_matter.numbered(folder / "meetings", "*.md")
    ]
    return GroupContent(
        group={**group.meta, "slug": slug, "description": group.body},
        threads=threads,
        attachments=attachments,
        documents=documents,
        meetings=meetings,
    )


def _post(meta, body):
    return {
        "by": meta["by"],
        "text": body,
        "was": meta.get("was"),
        "attachments": meta.get("attachments", []),
    }


def _thread(key, content):
    meta = content.meta
    return {
        **_post(meta, content.body),
        "key": key,
        "title": meta["title"],
        "days_ago": meta["days_ago"],
        "pinned": meta.get("pinned", False),
        "locked": meta.get("locked", False),
        "replies": [
            {
                **_post(reply.meta, reply.body),
                "quotes": reply.meta.get("quotes"),
                "solution": reply.meta.get("solution", False),
            }
            for reply in content.sections
        ],
    }


def _attachments(thread_key, reply_number, post, shared):
    return [
        {"thread": thread_key, "reply": reply_number, "file": shared[name]}
        for name in post["attachments"]
    ]


def _meeting(content):
    meta = content.meta
    return {
        "title": meta["title"],
        "by": meta["by"],
        "days_ahead": meta["days_ahead"],
        "hours": meta["hours"],
        "place": meta.get("place", ""),
        "video_url": meta.get("video_url", ""),
        "agenda": content.body,
        "material": meta.get("material", ""),
        "capacity": meta.get("capacity"),
        "registered": meta.get("registered", []),
    }


def _files(path):
    """{name: {name, build}}: each file is built only when it is loaded."""
    return {
        name: {"name": name, "build": functools.partial(BUILDERS[Path(name).suffix], **fields)}
        for name, fields in _yaml(path, {}).items()
    }


def _yaml(path, missing):
    """The YAML file at `path`, or `missing` where the group has none."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else missing
