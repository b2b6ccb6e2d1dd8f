"""Short constructors for the group modules, so that threads read as text rather than dicts.

Texts are Markdown written as indented triple-quoted strings; the indentation is removed here.
"""

import inspect


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
        "text": inspect.cleandoc(text),
        "replies": list(replies),
        "pinned": pinned,
        "locked": locked,
        "was": was and inspect.cleandoc(was),
    }


def reply(by, text, *, quotes=None, solution=False, was=None):
    """A reply; `quotes` is the index of an earlier reply in the thread it quotes, `solution`
    marks the thread's answer."""
    return {
        "by": by,
        "text": inspect.cleandoc(text),
        "quotes": quotes,
        "solution": solution,
        "was": was and inspect.cleandoc(was),
    }
