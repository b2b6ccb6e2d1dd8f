"""Short constructors for StreamField blocks, so demo content reads as text rather than dicts."""

ALMENBOLIGLOVEN = "https://www.retsinformation.dk/eli/lta/2024/1000"
DRIFTSBEKENDTGOERELSEN = "https://www.retsinformation.dk/eli/lta/2018/70"
UDLEJNINGSBEKENDTGOERELSEN = "https://www.retsinformation.dk/eli/lta/2018/1360"


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def text(*paragraphs):
    """Paragraphs of rich text; one that is already HTML (say, from `bullets`) is kept as it is."""
    html = "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)
    return ("paragraph", html)


def bullets(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def attention(body, heading=""):
    """The "Vær opmærksom på" callout."""
    return ("callout", {"variant": "warning", "heading": heading, "text": _html(body)})


def info(body, heading=""):
    return ("callout", {"variant": "info", "heading": heading, "text": _html(body)})


def good_practice(body, heading="God praksis"):
    return ("callout", {"variant": "success", "heading": heading, "text": _html(body)})


def law(act, section, note="", url=ALMENBOLIGLOVEN):
    return ("legal_reference", {"act": act, "section": section, "url": url, "note": note})


def almenboligloven(section, note=""):
    return law("Almenboligloven", section, note)


def driftsbekendtgoerelsen(section, note=""):
    return law("Driftsbekendtgørelsen", section, note, DRIFTSBEKENDTGOERELSEN)


def checklist(heading, *items):
    return ("checklist", {"heading": heading, "items": list(items)})


def faq(*pairs, heading="Ofte stillede spørgsmål"):
    """An accordion of (question, answer) pairs."""
    items = [{"question": q, "answer": _html(a)} for q, a in pairs]
    return ("accordion", {"heading": heading, "items": items})


def table(caption, header, *rows):
    return (
        "table",
        {
            "data": [list(header), *map(list, rows)],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
        },
    )


def documents(heading, *docs):
    return ("documents", {"heading": heading, "documents": list(docs)})


def related(pages, heading="Relateret vejledning"):
    return ("related", {"heading": heading, "pages": list(pages)})


def _html(body):
    return body if body.startswith("<") else f"<p>{body}</p>"
