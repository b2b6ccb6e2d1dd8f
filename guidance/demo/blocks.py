"""Short constructors for StreamField blocks, so the demo's news, publications, events and
standard pages read as text rather than dicts (guidance pages are Markdown files: `page_body`)."""


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


def checklist(heading, *items):
    return ("checklist", {"heading": heading, "items": list(items)})


def faq(*pairs, heading="Ofte stillede spørgsmål"):
    """An accordion of (question, answer) pairs."""
    items = [{"question": q, "answer": _html(a)} for q, a in pairs]
    return ("accordion", {"heading": heading, "items": items})


def related(pages, heading="Relateret vejledning"):
    return ("related", {"heading": heading, "pages": list(pages)})


def _html(body):
    return body if body.startswith("<") else f"<p>{body}</p>"
