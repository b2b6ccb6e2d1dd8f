"""Markdown for posts: rendered with markdown-it (raw HTML off, no images), then sanitised by nh3
against an allow-list, so whatever a user types, only plain text formatting and safe links reach
the page.

A stable mention, `@[Bo Vestergaard](bruger:42)`, names a user by id (network/mentions.py says
whom it reaches); it renders as a link to the person when the caller vouches for them, otherwise
as the text typed."""

import re

import nh3
from markdown_it import MarkdownIt
from markupsafe import escape

STABLE_MENTION = re.compile(r"@\[([^\[\]\n]{1,100})\]\(bruger:(\d{1,12})\)")


def _headings_below_page_title(state):
    """A post sits under the page's h1 and h2: its "#" heading becomes an h3, and so on."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"


def _stable_mention(state, silent):
    if state.src[state.pos] != "@":
        return False
    match = STABLE_MENTION.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("mention", "", 0)
        token.content = match.group(1).strip()
        token.meta = {"user_id": int(match.group(2))}
    state.pos = match.end()
    return True


def _render_mention(renderer, tokens, idx, options, env):
    token = tokens[idx]
    person = env.get("people", {}).get(token.meta["user_id"])
    if person is None:
        return f"@{escape(token.content)}"
    name, url = person
    return f'<a class="network-mention" href="{escape(url)}">@{escape(name)}</a>'


_markdown = (
    MarkdownIt("commonmark", {"html": False, "breaks": True, "maxNesting": 20})
    .enable(["table", "strikethrough"])
    .disable("image")
)
_markdown.core.ruler.push("headings_below_page_title", _headings_below_page_title)
_markdown.inline.ruler.before("link", "stable_mention", _stable_mention)
_markdown.add_render_rule("mention", _render_mention)

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "hr",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_CLASSES = {"a": {"network-mention"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render(markdown_text, people=None):
    """Sanitised HTML for a post's Markdown; links get rel="nofollow noopener". `people` maps the
    user ids of stable mentions to the (name, url) they link to."""
    html = _markdown.render(markdown_text or "", {"people": people or {}})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )
