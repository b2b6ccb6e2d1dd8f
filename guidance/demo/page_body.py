"""A guidance page's StreamField body from the Markdown of its content file.

Text between blocks is Markdown and becomes one paragraph block; `## Overskrift` a heading. The
design system's other blocks are fenced, named on the opening line, closed by a line `:::`:

    ::: warning Overskrift         a callout (warning, info or success); the heading is optional,
    Markdown                       the text is Markdown
    :::

    ::: law                        a legal reference: act, section, url and note as YAML
    ::: checklist Overskrift       "- punkt" lines
    ::: faq Overskrift             "### Spørgsmål", each followed by its answer in Markdown
    ::: table Overskrift           a Markdown table; its first row is the header
    ::: documents Overskrift       PDF documents as YAML: title, filename, description, lines
"""

import re

import yaml

from portal.front_matter import rich_text

from .documents import pdf_document

CALLOUTS = ("warning", "info", "success")
OPENING = re.compile(r"^::: (?P<kind>\w+)(?: (?P<argument>.+))?$")
CLOSING = ":::"
HEADING = re.compile(r"^(?P<marks>#{2,3}) (?P<text>.+)$")


def blocks(body):
    """The StreamField blocks of a body, as (block type, value) pairs."""
    result, text = [], []

    def flush():
        if "".join(text).strip():
            result.append(("paragraph", rich_text("\n".join(text))))
        text.clear()

    lines = iter(body.splitlines())
    for line in lines:
        opening, heading = OPENING.match(line), HEADING.match(line)
        if opening:
            flush()
            inner = []
            for inner_line in lines:
                if inner_line == CLOSING:
                    break
                inner.append(inner_line)
            else:
                raise ValueError(f"::: {opening['kind']} is not closed by a ::: line")
            result.append(_fenced(opening["kind"], opening["argument"] or "", "\n".join(inner)))
        elif heading:
            flush()
            level = f"h{len(heading['marks'])}"
            result.append(("heading", {"text": heading["text"], "level": level}))
        else:
            text.append(line)
    flush()
    return result


def _fenced(kind, argument, inner):
    if kind in CALLOUTS:
        return ("callout", {"variant": kind, "heading": argument, "text": rich_text(inner)})
    if kind == "law":
        fields = yaml.safe_load(inner)
        return ("legal_reference", {"url": "", "note": "", **fields})
    if kind == "checklist":
        items = [line.removeprefix("- ") for line in inner.splitlines() if line.startswith("- ")]
        return ("checklist", {"heading": argument, "items": items})
    if kind == "faq":
        return ("accordion", {"heading": argument, "items": _questions(inner)})
    if kind == "table":
        return ("table", _table(argument, inner))
    if kind == "documents":
        documents = [pdf_document(**document) for document in yaml.safe_load(inner)]
        return ("documents", {"heading": argument, "documents": documents})
    raise ValueError(f"::: {kind} is not a block of the guidance pages")


def _questions(inner):
    """[{question, answer}] from "### question" lines, each followed by its answer."""
    parts = re.split(r"^### (.+)$", inner, flags=re.MULTILINE)
    return [
        {"question": question, "answer": rich_text(answer.strip())}
        for question, answer in zip(parts[1::2], parts[2::2], strict=True)
    ]


def _table(caption, inner):
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in inner.splitlines()
        if line.strip() and not re.fullmatch(r"[|\s:-]+", line)
    ]
    return {
        "data": rows,
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": caption,
    }
