"""Short constructors for the StreamField blocks the demo's Python builds: the events' texts and
the related-guidance links (the other pages are Markdown files: `page_body`)."""


def text(*paragraphs):
    return ("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs))


def info(body, heading=""):
    return ("callout", {"variant": "info", "heading": heading, "text": f"<p>{body}</p>"})


def related(pages, heading="Relateret vejledning"):
    return ("related", {"heading": heading, "pages": list(pages)})
