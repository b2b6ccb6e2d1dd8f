"""Short constructors for the group modules, so that threads read as text rather than dicts.

Texts are Markdown written as indented, wrapped triple-quoted strings. Posts render each line
break as a break, as a person typing expects, so the indentation and the wrapping are undone here:
a line continues the one before unless a blank line, a list item, a table row, a quote or a
heading starts something new.
"""

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
