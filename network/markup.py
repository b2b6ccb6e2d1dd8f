"""Markdown for posts: rendered with markdown-it (raw HTML off, no images), then sanitised by nh3
against an allow-list, so whatever a user types, only plain text formatting and safe links reach
the page."""

import nh3
from markdown_it import MarkdownIt


def _headings_below_page_title(state):
    """A post sits under the page's h1 and h2: its "#" heading becomes an h3, and so on."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"


_markdown = (
    MarkdownIt("commonmark", {"html": False, "breaks": True, "maxNesting": 20})
    .enable(["table", "strikethrough"])
    .disable("image")
)
_markdown.core.ruler.push("headings_below_page_title", _headings_below_page_title)

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "hr",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render(markdown_text):
    """Sanitised HTML for a post's Markdown; links get rel="nofollow noopener"."""
    html = _markdown.render(markdown_text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )
