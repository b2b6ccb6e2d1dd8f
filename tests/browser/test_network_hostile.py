"""Hostile input in the networks, proved harmless in Chromium: a corpus of payloads is stored in
thread titles, thread and reply bodies, quotes, edits, group names and a member's name through
the real posting path, then every network page that shows it is opened. Each payload tries to
set `window.__pwned` or open a dialog; neither may happen, and the DOM may hold no event-handler
attribute, no script, frame or image from a post, and no link to a script or data URL."""

import re
import uuid

import pytest
from accounts_fixtures import create_user, session_cookie
from module_site import shared_tab  # noqa: F401
from page_tree import make_home
from playwright.sync_api import expect

from network import markup, posting
from network.choices import GroupKind, MembershipRole
from network.forms import BODY_MAX_LENGTH
from network.models import Group, Thread
from portal import roles
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db(transaction=True)

SCRIPT = "<script>window.__pwned=1</script>"
IMG_ONERROR = '<img src=x onerror="window.__pwned=1">'
TEXTAREA_BREAKOUT = "</textarea><script>window.__pwned=1</script>"
TITLE_BREAKOUT = "</title><script>window.__pwned=1</script>"
TEMPLATE_SYNTAX = "{{ request.user.password }} {% csrf_token %} {% load static %}{{ 7|add:7 }}"
LONG = ("<img src=x onerror=alert(1)>[x](javascript:alert(1))" * 400)[:BODY_MAX_LENGTH]
PAYLOADS = [
    SCRIPT,
    "<script src=data:text/javascript,window.__pwned=1></script>",
    IMG_ONERROR,
    "<img src=x onerror=alert(1)>",
    '<a href="#" onclick="window.__pwned=1" onmouseover="alert(1)">hold musen her</a>',
    '<div onpointerenter=alert(1) style="position:fixed;inset:0">overalt</div>',
    "<input autofocus onfocus=window.__pwned=1>",
    "<details open ontoggle=alert(1)>",
    "<body onload=window.__pwned=1>",
    "<svg onload=window.__pwned=1><script>alert(1)</script></svg>",
    "<svg><a xlink:href=javascript:alert(1)><text y=20>svg</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=javascript:window.__pwned=1></iframe>",
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "<object data=javascript:alert(1)></object>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<base href=javascript:alert(1)//>",
    "<form action=javascript:alert(1)><button>send</button></form>",
    '<a href="javascript:alert(1)">klik</a>',
    '<a href=" &#14;javascript:alert(1)">klik</a>',
    '<div style="background:url(javascript:alert(1))">baggrund</div>',
    "<style>*{display:none}</style>",
    "[klik](javascript:window.__pwned=1)",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](  javascript:alert(1) 'titel')",
    "[klik](&#106;avascript:alert(1))",
    "[klik](javascript&colon;alert(1))",
    "[klik](java%0ascript:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](vbscript:msgbox(1))",
    "<javascript:window.__pwned=1>",
    "<data:text/html,<script>alert(1)</script>>",
    "[ref]\n\n[ref]: javascript:window.__pwned=1",
    "[a](<javascript:alert(1)>)",
    '[x](https://example.org "onmouseover=alert(1)")',
    '[x](https://example.org" onmouseover="alert(1))',
    "![x](javascript:alert(1))",
    '![x](https://evil.example/x.png" onerror="alert(1))',
    "`<script>alert(1)</script>`",
    "```html\n<script>window.__pwned=1</script>\n```",
    "<<script>script>alert(1)<</script>/script>",
    "**<em onmouseover=alert(1)>x</em>**",
    "> > > <script>alert(1)</script>\n> * [x](javascript:alert(1))",
    "[[[[[[[[[[[[[[x](javascript:alert(1))]]]]]]]]]]]]]",
    "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
    "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
    "&amp;lt;img src=x onerror=alert(1)&amp;gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<!-- --><script>alert(1)</script><!-- -->",
    TEXTAREA_BREAKOUT,
    TITLE_BREAKOUT,
    '"><script>window.__pwned=1</script>',
    "'><img src=x onerror=alert(1)>",
    TEMPLATE_SYNTAX,
    "\u202egnp.exe <script>alert(1)</script>",
    "nul\u200bbredde\u200d<scr\u200bipt>alert(1)</script>",
    "\ufeff<script>window.__pwned=1</script>",
    LONG,
]
TITLE_MAX_LENGTH = 200
HOSTILE_GROUP_NAME = '</title><img src=x onerror="window.__pwned=1"><script>alert(1)</script>'
HOSTILE_PERSON = IMG_ONERROR
POST_TAGS = sorted(markup.ALLOWED_TAGS)

# Everything the page holds that could run script, load a page of its own or send the reader to
# a script: event handlers, inline or foreign scripts, script/data URLs, and any element in a
# post body or quote outside the sanitiser's allow-list.
DOM_PROBLEMS = """
    (postTags) => {
        const problems = [];
        const controls = /[\\u0000-\\u0020\\u007f-\\u00a0\\u200b-\\u200f\\u2028-\\u202e\\ufeff]/g;
        const urlAttributes = ["href", "src", "action", "formaction", "data", "poster",
                               "background", "ping", "xlink:href", "srcdoc", "content"];
        for (const element of document.querySelectorAll("*")) {
            for (const attribute of element.attributes) {
                const name = attribute.name.toLowerCase();
                const value = attribute.value.replace(controls, "").toLowerCase();
                if (name.startsWith("on")) problems.push(`${element.tagName}[${name}]`);
                if ((urlAttributes.includes(name) || name.endsWith(":href"))
                        && /(javascript|vbscript|data):/.test(value)) {
                    problems.push(`${element.tagName}[${name}=${attribute.value}]`);
                }
            }
        }
        for (const script of document.scripts) {
            if (!script.src) problems.push(`inline script: ${script.textContent.slice(0, 80)}`);
            else if (new URL(script.src).origin !== location.origin) problems.push(script.src);
        }
        for (const link of document.links) {
            if (!["http:", "https:", "mailto:"].includes(link.protocol)) {
                problems.push(`link to ${link.protocol}`);
            }
        }
        for (const form of document.forms) {
            // A control named "action" (the follow buttons have one) shadows form.action.
            const action = new URL(form.getAttribute("action") || "", document.baseURI);
            if (!["http:", "https:"].includes(action.protocol)) {
                problems.push(`form to ${action}`);
            }
        }
        for (const element of document.querySelectorAll(
                "iframe, frame, object, embed, base, meta[http-equiv], main img, main style")) {
            problems.push(element.outerHTML.slice(0, 120));
        }
        const posts = ".network-post-body *, .network-quote > :not(p.form-hint) *";
        for (const element of document.querySelectorAll(posts)) {
            if (!postTags.includes(element.localName)) {
                problems.push(`<${element.localName}> in a post`);
            }
        }
        return problems;
    }
"""


# After the load event, handlers such as autofocus's fire in the next rendering update: wait for
# it, and for the tasks it queued.
SETTLED = "() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)))"


def browser_title(text):
    """The text as document.title gives it: ASCII whitespace collapsed, ends stripped."""
    return re.sub(r"[ \t\n\f\r]+", " ", text).strip(" \t\n\f\r")


def title_of(payload):
    return payload.replace("\n", " ")[:TITLE_MAX_LENGTH].strip()


def what_ran(tab):
    """Dialogs opened (since the last call) and `__pwned` flags set, in the page or its frames."""
    tab.evaluate(SETTLED)
    ran = [f"dialog: {message}" for message in tab.dialogs]
    tab.dialogs.clear()
    for frame in tab.frames:
        flag, dialogs = frame.evaluate("[typeof window.__pwned, window.__dialogs || []]")
        if flag != "undefined":
            ran.append(f"window.__pwned set in {frame.url}")
        ran += [f"{name}() called in {frame.url}" for name in dialogs]
    return ran


def dangers_on(tab, url):
    """Open `url` signed in; what ran and what dangerous markup the DOM holds."""
    response = tab.goto(url)
    assert response.status == 200, f"{url} answered {response.status}"
    assert "/konto/" not in tab.url, f"{url} sent the reader to {tab.url}"
    return what_ran(tab) + tab.evaluate(DOM_PROBLEMS, POST_TAGS)


def log_in(tab, user):
    """Sign `user` in on `tab` with the session of a real log-in (`session_cookie`), made once
    per user: a module's users log in once (the log-in form has tests of its own)."""
    if not hasattr(user, "session_cookie"):
        user.session_cookie = session_cookie(user, "http://localhost")  # any port of the host
    tab.context.add_cookies([user.session_cookie])
    return tab


@pytest.fixture(scope="module")
def hostile_network(module_live_server):
    """A group with a hostile name whose member (with a hostile name) wrote a thread per payload
    and a reply per payload in a thread of its own, some quoting, edited, one the solution; built
    once for the module (its tests read it; the one that posts removes what it posted)."""
    make_home()
    group = Group.objects.create(
        name=HOSTILE_GROUP_NAME[:120], slug="fjendtligt", description="\n".join(PAYLOADS[:20])
    )
    other = Group.objects.create(
        name=IMG_ONERROR, slug="lukket", kind=GroupKind.CLOSED, description=PAYLOADS[9]
    )
    author = create_user(
        roles.MEMBER,
        municipality_code=101,
        first_name=HOSTILE_PERSON,
        last_name=SCRIPT,
        title=TITLE_BREAKOUT,
    )
    moderator = create_user(roles.MEMBER, first_name="Mona", last_name="Moderator")
    add_member(group, author)
    add_member(group, moderator, role=MembershipRole.MODERATOR)
    add_member(other, moderator)

    def token():
        return uuid.uuid4()

    threads = [
        posting.start_thread(author, group, title=title_of(text), body=text, token=token())
        for text in PAYLOADS
    ]
    carrier = posting.start_thread(
        author, group, title="Samlet tråd", body=TEMPLATE_SYNTAX, token=token()
    )
    replies, previous = [], None
    for number, text in enumerate(PAYLOADS):
        quoted = previous if number % 4 == 0 else None
        previous = posting.reply(author, carrier, body=text, token=token(), quoted=quoted)
        replies.append(previous)
    posting.edit(author, carrier, title=TITLE_BREAKOUT, body=TEXTAREA_BREAKOUT)
    posting.edit(author, replies[0], body=PAYLOADS[1])
    posting.toggle_solution(author, carrier, replies[2])
    return {
        "group": group,
        "other": other,
        "author": author,
        "threads": threads,
        "carrier": carrier,
        "replies": replies,
    }


def network_urls(world):
    group, carrier = world["group"], world["carrier"]
    thread_url = carrier.get_absolute_url()
    pages = -(-len(world["replies"]) // 25)
    return [
        "/netvaerk/",
        group.get_absolute_url(),
        f"{group.get_absolute_url()}?side=2",
        f"/netvaerk/{world['other'].slug}/",
        f"/netvaerk/{group.slug}/traad/ny/",
        *(f"{thread_url}?side={page}" for page in range(1, pages + 1)),
        f"{thread_url}?citer={world['replies'][1].pk}",
        f"/netvaerk/{group.slug}/traad/{carrier.pk}/rediger/",
        f"/netvaerk/{group.slug}/svar/{world['replies'][-1].pk}/rediger/",
        *(thread.get_absolute_url() for thread in world["threads"]),
        *(f"/netvaerk/{group.slug}/traad/{thread.pk}/rediger/" for thread in world["threads"][::7]),
    ]


def test_the_trap_catches_a_payload_that_runs(trapped_tab):
    """The checks below can fail: a page where payloads do run is caught by each of them."""
    trapped_tab.goto(
        "data:text/html,<main><img src=x onerror='window.__pwned=1; alert(1)'>"
        "<a href='javascript:void(0)'>x</a>"
        "<div class='network-post-body'><p><svg></svg></p></div></main>"
    )

    ran = what_ran(trapped_tab)
    problems = trapped_tab.evaluate(DOM_PROBLEMS, POST_TAGS)

    assert "dialog: 1" in ran
    assert any("__pwned" in line for line in ran)
    assert any(line.startswith("alert() called") for line in ran)
    assert "IMG[onerror]" in problems
    assert "link to javascript:" in problems
    assert "<svg> in a post" in problems


def test_hostile_posts_run_nowhere_on_the_network_pages(trapped_tab, hostile_network):
    tab = log_in(trapped_tab, hostile_network["author"])

    found = {url: dangers_on(tab, url) for url in network_urls(hostile_network)}

    assert {url: problems for url, problems in found.items() if problems} == {}
    tab.goto(hostile_network["carrier"].get_absolute_url())
    # The opening post, the solution shown first, and a page of 25 replies.
    assert tab.locator(".network-post-body").count() == 27
    expect(tab.locator(".network-opening-post")).to_contain_text(TEXTAREA_BREAKOUT)
    tab.goto(hostile_network["threads"][PAYLOADS.index(TEMPLATE_SYNTAX)].get_absolute_url())
    expect(tab.locator(".network-opening-post .network-post-body")).to_have_text(TEMPLATE_SYNTAX)


def test_hostile_titles_and_names_are_shown_as_text(trapped_tab, hostile_network):
    tab = log_in(trapped_tab, hostile_network["author"])
    group_name = browser_title(HOSTILE_GROUP_NAME[:120])

    for thread in hostile_network["threads"]:
        tab.goto(thread.get_absolute_url())
        title = browser_title(thread.title)
        assert tab.title() == f"{title} – {group_name} – Tilsynsportalen"
        assert tab.locator("h1").inner_text() == title.strip()
        assert what_ran(tab) == []
    tab.goto(hostile_network["group"].get_absolute_url())
    assert tab.title() == f"{group_name} – Tilsynsportalen"
    expect(tab.locator(".network-members")).to_contain_text(HOSTILE_PERSON)


@pytest.fixture
def posted_threads_removed(hostile_network):
    """The threads a test posts in the hostile group are gone after it."""
    before = set(Thread.objects.values_list("pk", flat=True))
    yield
    Thread.objects.exclude(pk__in=before).delete()


@pytest.mark.usefixtures("posted_threads_removed")
def test_hostile_text_typed_into_the_forms_is_kept_as_text(trapped_tab, hostile_network):
    tab = log_in(trapped_tab, hostile_network["author"])
    title, body = TITLE_BREAKOUT, TEXTAREA_BREAKOUT

    tab.goto(f"/netvaerk/{hostile_network['group'].slug}/traad/ny/")
    tab.get_by_label("Overskrift").fill(title)
    tab.get_by_role("button", name="Opret tråden").click()
    expect(tab.locator(".form-error-message").first).to_be_visible()
    assert tab.get_by_label("Overskrift").input_value() == title
    assert what_ran(tab) + tab.evaluate(DOM_PROBLEMS, POST_TAGS) == []

    tab.get_by_label("Tekst").fill(body)
    tab.get_by_role("button", name="Opret tråden").click()
    expect(tab.locator("h1")).to_have_text(title)
    tab.get_by_label("Dit svar").fill(IMG_ONERROR)
    tab.get_by_role("button", name="Send svar").click()
    expect(tab.locator(".network-post-body").last).to_have_text(IMG_ONERROR)
    assert what_ran(tab) + tab.evaluate(DOM_PROBLEMS, POST_TAGS) == []

    tab.locator(".network-opening-post").get_by_role("link", name="Rediger").click()
    assert tab.get_by_label("Tekst").input_value() == body
    assert tab.get_by_label("Overskrift").input_value() == title
    assert what_ran(tab) + tab.evaluate(DOM_PROBLEMS, POST_TAGS) == []
