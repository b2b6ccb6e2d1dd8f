"""Short constructors for the group modules, so that threads read as text rather than dicts.

Texts are Markdown written as indented, wrapped triple-quoted strings. Posts render each line
break as a break, as a person typing expects, so the indentation and the wrapping are undone here:
a line continues the one before unless a blank line, a list item, a table row, a quote or a
heading starts something new.
"""

import functools
import inspect
import re

BLOCK_START = re.compile(r"\s*([-*+]|\d+\.)\s|[|>#]")


def _text(source):
    lines = []
    for line in inspect.cleandoc(source).splitlines():
        if lines and lines[-1].strip() and line.strip() and not BLOCK_START.match(line):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    return "\n".join(lines)


def thread(key, title, by, days_ago, text, replies=(), *, pinned=False, locked=False, was=None):
    """A thread opened `days_ago` days before loading by the person with handle `by`.

    `key` names the thread for good (loading again recognises it by the key); `was` is the
    text before the author edited it.
    """
    return {
        "key": key,
        "title": title,
        "by": by,
        "days_ago": days_ago,
        "text": _text(text),
        "replies": list(replies),
        "pinned": pinned,
        "locked": locked,
        "was": was and _text(was),
    }


def reply(by, text, *, quotes=None, solution=False, was=None):
    """A reply; `quotes` is the index of an earlier reply in the thread it quotes, `solution`
    marks the thread's answer."""
    return {
        "by": by,
        "text": _text(text),
        "quotes": quotes,
        "solution": solution,
        "was": was and _text(was),
    }


def demo_file(name, build, *args):
    """A file to share, named as the uploader named it; built (network.demo.files) only when
    it is loaded."""
    return {"name": name, "build": functools.partial(build, *args)}


def attachment(thread_key, file, *, reply=None):
    """A file attached to a thread's opening post, or to its reply number `reply` (from 0)."""
    return {"thread": thread_key, "reply": reply, "file": file}


def document(folder, title, by, days_ago, file, description=""):
    """A document the person with handle `by` put in the group's library `days_ago` days ago."""
    return {
        "folder": folder,
        "title": title,
        "by": by,
        "days_ago": days_ago,
        "file": file,
        "description": description,
    }


def meeting(
    title,
    by,
    days_ahead,
    hours,
    agenda,
    *,
    material="",
    capacity=None,
    registered=(),
    place="",
    video_url="",
):
    """A meeting `days_ahead` days from loading (negative: held), at `hours` ("10:00", "13:00").

    `registered` are the handles that sign up, in order, for a coming meeting: beyond the
    capacity they join the waiting list.
    """
    return {
        "title": title,
        "by": by,
        "days_ahead": days_ahead,
        "hours": hours,
        "place": place,
        "video_url": video_url,
        "agenda": _text(agenda),
        "material": _text(material),
        "capacity": capacity,
        "registered": list(registered),
    }
