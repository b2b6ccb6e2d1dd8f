"""Hostile input stored through the real forms and shown on the real pages: nothing executable
survives, in titles or bodies, however the Markdown is bent."""

import sys
import uuid
from html.parser import HTMLParser

import pytest

from network import markup
from network.forms import BODY_MAX_LENGTH
from network.models import Thread

pytestmark = pytest.mark.django_db

CORPUS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)><circle r=10 /></svg>",
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](java\tscript:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](vbscript:msgbox(1))",
    '<a href="javascript:alert(1)">klik</a>',
    "![billede](https://evil.example/x.png)",
    "![x](javascript:alert(1))",
    "<iframe src=https://evil.example></iframe>",
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "[a](<javascript:alert(1)>)",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "<<script>script>alert(1)<</script>/script>",
    "**<em onmouseover=alert(1)>x</em>**",
    "<details open ontoggle=alert(1)>",
    "\u202egnp.exe <b>omvendt</b>",
    "[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]",
    "<!-- <script>alert(1)</script> -->",
]

SAFE_SCHEMES = ("http:", "https:", "mailto:", "/", "?", "#")


class Elements(HTMLParser):
    """Every element and attribute of a piece of HTML, as a browser's parser would see them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def main_content(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def dangers(html):
    """Anything that could run script or load foreign content, as parsed (not as text)."""
    problems = []
    for tag, attrs in Elements(html).found:
        if tag in {"script", "svg", "img", "iframe", "style", "math", "object", "embed", "details"}:
            problems.append(tag)
        for name, value in attrs.items():
            if name.startswith("on") or name in {"style", "xlink:href", "src"}:
                problems.append(f"{tag}[{name}]")
            if name in {"href", "action"} and not (value or "").strip().lower().startswith(
                SAFE_SCHEMES
            ):
                problems.append(f"{tag}[{name}={value}]")
    return problems


@pytest.mark.parametrize("text", CORPUS)
def test_hostile_markdown_renders_harmlessly(text):
    html = markup.render(text)

    assert dangers(html) == []
    assert {tag for tag, _attrs in Elements(html).found} <= markup.ALLOWED_TAGS


def test_links_are_kept_but_marked_nofollow():
    html = markup.render("[Lov om almene boliger](https://www.retsinformation.dk/eli/lta/2024/1)")

    assert html == (
        '<p><a href="https://www.retsinformation.dk/eli/lta/2024/1" rel="nofollow noopener">'
        "Lov om almene boliger</a></p>\n"
    )


def test_hostile_titles_and_bodies_are_stored_and_shown_harmlessly(world, as_user):
    group = world["open"]
    client = as_user(group["member"])
    for number, text in enumerate(CORPUS):
        client.post(
            "/netvaerk/open/traad/ny/",
            {"title": f"{number} {text[:150]}", "body": text, "token": str(uuid.uuid4())},
        )
    thread = group["thread"]
    for text in CORPUS:
        client.post(
            f"/netvaerk/open/traad/{thread.pk}/svar/", {"body": text, "token": str(uuid.uuid4())}
        )

    assert Thread.objects.filter(group=group["group"]).count() == len(CORPUS) + 1
    assert thread.replies.count() == len(CORPUS) + 1
    pages = [client.get("/netvaerk/open/"), client.get("/netvaerk/")]
    pages += [client.get(t.get_absolute_url()) for t in Thread.objects.filter(group=group["group"])]
    pages += [client.get(f"{thread.get_absolute_url()}?side=2")]
    for response in pages:
        assert dangers(main_content(response)) == []
    first = main_content(client.get(Thread.objects.get(title__startswith="0 ").get_absolute_url()))
    assert "&lt;script&gt;" in first


def python_calls(action):
    """`action()` and how many Python functions it called: a measure of its work that, unlike a
    stopwatch, does not change with the load on the machine."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        result = action()
    finally:
        sys.setprofile(None)
    return result, calls


def test_a_long_body_up_to_the_limit_is_taken_and_rendered_quickly(world, as_user):
    thread = world["open"]["thread"]
    client = as_user(world["open"]["member"])
    nested = ("> " * 5000 + "[" * 5000)[:BODY_MAX_LENGTH]

    def reply(body):
        url = f"/netvaerk/open/traad/{thread.pk}/svar/"
        return client.post(url, {"body": body, "token": str(uuid.uuid4())})

    reply("Et kort svar.")  # The first reply of the process loads templates and code.
    short, short_work = python_calls(lambda: reply("Et andet kort svar."))
    response, work = python_calls(lambda: reply(nested))

    assert short.status_code == 302
    assert response.status_code == 302
    # Linear in the body's length (a few calls a character), not quadratic as nesting can make it.
    assert work - short_work < 10 * len(nested), (work, short_work)
    assert thread.replies.filter(body_markdown=nested).exists()
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_a_body_over_the_limit_is_refused(world, as_user):
    thread = world["open"]["thread"]

    response = as_user(world["open"]["member"]).post(
        f"/netvaerk/open/traad/{thread.pk}/svar/",
        {"body": "x" * (BODY_MAX_LENGTH + 1), "token": str(uuid.uuid4())},
    )

    assert response.status_code == 400
    assert "Denne værdi må højst have 20000 tegn (den har 20001)." in response.content.decode()
    assert thread.replies.count() == 1


def test_direction_and_invisible_characters_are_dropped_from_thread_titles(world, as_user):
    group = world["open"]
    client = as_user(group["member"])
    thread = group["thread"]

    client.post(
        "/netvaerk/open/traad/ny/",
        {"title": "Faktura\u202efdp.exe\u200b", "body": "Se bilag", "token": str(uuid.uuid4())},
    )
    client.post(
        f"/netvaerk/open/traad/{thread.pk}/rediger/",
        {"title": "\u2067Referat\u2069 fra\u00a0mødet", "body": thread.body_markdown},
    )
    refused = client.post(
        "/netvaerk/open/traad/ny/",
        {"title": "\u202e\u200f", "body": "Tom", "token": str(uuid.uuid4())},
    )

    assert Thread.objects.filter(title="Fakturafdp.exe").exists()
    thread.refresh_from_db()
    assert thread.title == "Referat fra mødet"
    assert refused.context["form"].errors["title"] == ["Skriv en overskrift."]
