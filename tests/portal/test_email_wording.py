"""Every e-mail the portal sends, allauth's included: Danish, in plain text, naming the portal
and its public address (BASE_URL), never the host a request came to."""

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import allauth
import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings

pytestmark = pytest.mark.django_db

BASE_URL = "https://tilsynsportalen.dk"
REQUEST_HOST = "127.0.0.1:8000"
FOREIGN_HOSTS = ("127.0.0.1", "example.com", "testserver", "localhost")
# Common English words that are not also Danish words ("to", "is", "and", "by" are).
ENGLISH = {
    "the", "you", "your", "this", "that", "been", "has", "please", "hello", "thank", "thanks",
    "account", "email", "password", "changed", "receiving", "click", "below", "with", "from",
    "if", "not", "was", "were", "are", "will", "can", "reset", "sign", "code", "security",
    "key", "new", "removed", "added", "confirm", "address", "ignored", "someone",
}  # fmt: skip

ALLAUTH_TEMPLATES = Path(allauth.__file__).parent / "templates"
ALLAUTH_EMAILS = sorted(
    str(path.relative_to(ALLAUTH_TEMPLATES)).removesuffix("_subject.txt")
    for folder in ("account", "mfa", "socialaccount")
    for path in (ALLAUTH_TEMPLATES / folder / "email").glob("*_subject.txt")
)
PROJECT = Path(__file__).resolve().parents[2]
# The portal's own e-mails: each app's email/ templates, less the pieces others include.
PORTAL_EMAILS = sorted(
    path.as_posix().split("/templates/", 1)[1]
    for path in PROJECT.glob("*/templates/**/email/*.txt")
    if path.name != "footer.txt" and not path.name.endswith("_base.txt")
)

LINK = f"http://{REQUEST_HOST}/konto/noget/abc/"
CONTEXT = {
    "email": "ida@aarhus.dk",
    "code": "7KQ4-PD2X",
    "activate_url": LINK,
    "password_reset_url": LINK,
    "signup_url": LINK,
    "ip": "10.0.0.7",
    "user_agent": "Firefox",
    "timestamp": datetime.datetime(2026, 12, 4, 9, 30, tzinfo=datetime.UTC),
    "from_email": "ida@aarhus.dk",
    "to_email": "ida.noergaard@aarhus.dk",
    "deleted_email": "ida@gmail.com",
    "provider": "Aarhus Kommunes log-ind",
}


def english_words(text):
    """The English words of a text, its links left out."""
    words = re.findall(r"[a-zæøå]+", re.sub(r"\S+://\S+|\S+@\S+", " ", text.lower()))
    return sorted(ENGLISH.intersection(words))


def assert_branded_danish_plain_text(subject, body):
    assert body.strip(), "no plain-text part"
    assert "Tilsynsportalen" in body and BASE_URL in body, body
    assert not [host for host in FOREIGN_HOSTS if host in subject + body], subject + body
    assert all(link.startswith(BASE_URL) for link in re.findall(r"\S+://\S+", body)), body
    assert english_words(subject + "\n" + body) == [], subject + body
    assert "emailadresse" not in body.lower()  # the project writes "e-mailadresse"


def test_every_allauth_email_is_found():
    assert len(ALLAUTH_EMAILS) >= 20
    assert {"account/email/unknown_account", "mfa/email/totp_activated"} <= set(ALLAUTH_EMAILS)


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
@pytest.mark.parametrize("template_prefix", ALLAUTH_EMAILS)
def test_allauth_email_is_danish_plain_text_from_the_portal(
    template_prefix, django_user_model, mailoutbox
):
    user = django_user_model.objects.create_user(
        username="ida@aarhus.dk", email="ida@aarhus.dk", first_name="Ida", last_name="Nørgaard"
    )
    request = RequestFactory().get("/konto/", HTTP_HOST=REQUEST_HOST)
    request.user = user

    with allauth_context.request_context(request):
        get_adapter(request).send_mail(template_prefix, user.email, {**CONTEXT, "user": user})

    [message] = mailoutbox
    assert message.subject.startswith("[Tilsynsportalen] ")
    assert message.content_subtype == "plain"
    assert_branded_danish_plain_text(message.subject, message.body)


def test_every_portal_email_is_found():
    assert len(PORTAL_EMAILS) >= 8


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
@pytest.mark.parametrize("template", PORTAL_EMAILS)
def test_portal_email_is_danish_plain_text_with_the_portals_name_and_address(template):
    person = SimpleNamespace(get_full_name="Ida Nørgaard", email="ida@aarhus.dk")
    body = render_to_string(
        template,
        {
            "user": person,
            "municipality": SimpleNamespace(name="Aarhus"),
            "url": f"{BASE_URL}/netvaerk/",
            "count": 2,
            "sections": [],
            "event": SimpleNamespace(title="Tilsynskonferencen 2027", location="Nyborg Strand"),
            "waiting_position": 2,
            "answers": [("Kost", "Vegetar"), ("Bemærkninger", "")],
            "access_request": SimpleNamespace(status="approved", municipality="Aarhus"),
            "invitation": SimpleNamespace(role="Sagsbehandler", municipality="Aarhus"),
            "link": f"{BASE_URL}/konto/invitation/abc/",
        },
    )

    assert_branded_danish_plain_text("", body)


def test_the_checks_catch_an_english_email_and_a_request_host():
    with pytest.raises(AssertionError):
        assert_branded_danish_plain_text("", f"Hello from Tilsynsportalen! {BASE_URL}")
    with pytest.raises(AssertionError):
        assert_branded_danish_plain_text("", f"Hej fra Tilsynsportalen på 127.0.0.1 {BASE_URL}")


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
def test_password_reset_link_leads_to_the_public_address(client, django_user_model, mailoutbox):
    user = django_user_model.objects.create_user(username="ida@aarhus.dk", email="ida@aarhus.dk")
    user.emailaddress_set.create(email=user.email, primary=True, verified=True)

    client.post("/konto/password/reset/", {"email": user.email}, HTTP_HOST="127.0.0.1")

    [message] = mailoutbox
    assert f"{BASE_URL}/konto/password/reset/key/" in message.body
    assert_branded_danish_plain_text(message.subject, message.body)
