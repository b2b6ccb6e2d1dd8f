"""The load test's portal: the demo, a country of two years of key figures, and the people whose
logged-in sessions the load tool drives (members, caseworkers of København, one editor).

Sessions are made through allauth's real log-in (password, then TOTP where the role needs it)
before the load starts, so the load measures reading and writing, not a burst of log-ins.
"""

import datetime
import io

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.models import Group as Role
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench.monitoring_session import PASSWORD, cookie_header, logged_in_client
from events.forms import RegistrationForm
from events.models import QuestionKind
from guidance.models import EventIndexPage, EventPage, EventQuestion, GuidancePage, NewsPage, Topic
from monitoring import evaluation, generator
from monitoring.importing import ImportFile, import_entities, import_key_figures
from monitoring.models import Flag, Organisation
from monitoring.signals import key_figures_imported
from monitoring.triggers import EVALUATE_ON_IMPORT, key_figures_changed
from network.choices import MembershipRole, MembershipStatus
from network.models import Group, Meeting, Membership, Thread
from portal import roles
from portal.models import Municipality, User, Workplace

SEED = 1
YEARS = [2023, 2024]
KOBENHAVN = "101"
NETWORK = "tilsynsnetvaerket"
SEARCHES = ["tilsyn", "dispositionsfond", "regnskab", "lejetab", "styringsdialog", "LBF"]


class SetupError(RuntimeError):
    pass


def build(directory, *, members, caseworkers, log=print):
    """Build everything and return the journeys' configuration (see bench/loadtest_journeys.py)."""
    log("- the demo content (pages, networks, users) …")
    call_command("load_demo", "--without-key-figures", stdout=io.StringIO())
    log(f"- the country's key figures for {YEARS[0]}–{YEARS[-1]}, imported and evaluated …")
    key_figures = country(directory)
    log(f"- {members} members and {caseworkers} caseworkers, logged in …")
    events = [
        registrable("Meeting", coming_meeting(seats=members // 2)),
        registrable("Conference", coming_conference(seats=max(1, members // 3))),
    ]
    return {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "members": [member_session(n) for n in range(members)],
        "caseworkers": [caseworker_session(n) for n in range(caseworkers)],
        "editor": editor_session(),
        "pages": reading_urls(),
        "searches": SEARCHES,
        "network": f"/netvaerk/{NETWORK}/",
        "threads": [
            t.get_absolute_url()
            for t in Thread.objects.filter(
                group__slug=NETWORK, locked=False, deleted_at=None, hidden_at=None
            )
        ],
        "events": events,
        "organisations": [
            f"/monitorering/organisation/{o.org_no}/"
            for o in Organisation.objects.filter(supervising_municipality__code=KOBENHAVN)
        ],
        "flags": list(
            Flag.objects.filter(organisation__supervising_municipality__code=KOBENHAVN)
            .order_by("pk")
            .values_list("pk", flat=True)[:200]
        ),
        "import_file": str(key_figures),
        "import_year": YEARS[-1],
    }


def country(directory):
    """Organisations, estates and two years of key figures, evaluated once; returns the last
    year's file, which the editor imports again under load."""
    generator.write(generator.generate(SEED, YEARS), directory)
    key_figures_imported.disconnect(dispatch_uid=EVALUATE_ON_IMPORT)
    try:
        import_entities(
            ImportFile.from_path(directory / "organisations.csv"),
            ImportFile.from_path(directory / "estates.csv"),
        )
        for year in YEARS:
            import_key_figures(
                ImportFile.from_path(directory / f"key_figures_{year}.csv"), year=year
            )
    finally:
        key_figures_imported.connect(key_figures_changed, dispatch_uid=EVALUATE_ON_IMPORT)
    evaluation.evaluate()
    if not Flag.objects.filter(organisation__supervising_municipality__code=KOBENHAVN).exists():
        raise SetupError("the evaluation raised no flag in København to follow up")
    return directory / f"key_figures_{YEARS[-1]}.csv"


def coming_meeting(*, seats):
    """A meeting of the network with registration open: the first `seats` members to register
    are confirmed, the rest go on the waiting list."""
    start = timezone.now() + datetime.timedelta(days=30)
    group = Group.objects.get(slug=NETWORK)
    meeting = Meeting(
        group=group,
        title="Belastningstestens netværksmøde",
        start=start,
        end=start + datetime.timedelta(hours=3),
        place="Styrelsen, mødelokale 1",
        capacity=seats,
        registration_deadline=start - datetime.timedelta(days=3),
        created_by=group.memberships.filter(role=MembershipRole.MODERATOR).earliest("pk").user,
    )
    meeting.full_clean()
    meeting.save()
    return meeting


def coming_conference(*, seats):
    """A conference open for registration with a question every registrant must answer; fewer
    seats than members, so cancellations give the waiting list seats."""
    start = timezone.now() + datetime.timedelta(days=60)
    conference = EventPage(
        title="Belastningstestens konference",
        slug="belastningstestens-konference",
        summary="Konferencen, som belastningstestens medlemmer tilmelder sig.",
        start=start,
        end=start + datetime.timedelta(hours=6),
        venue_name="Nyborg Strand",
        capacity=seats,
        questions=[
            EventQuestion(
                label="Deltager du fysisk eller online?",
                kind=QuestionKind.ONE_CHOICE,
                choices="Fysisk\nOnline",
                required=True,
            )
        ],
    )
    EventIndexPage.objects.get().add_child(instance=conference)
    conference.save_revision().publish()
    return conference


def registrable(name, event):
    """What a member needs to register for and cancel `event` (a meeting or a conference), and
    what the ledger needs to find the registrations and their e-mails."""
    if isinstance(event, EventPage):
        url = event.url
        register, cancel = (
            reverse(f"event_{act}", args=[event.pk]) for act in ("register", "cancel")
        )
    else:
        url = event.get_absolute_url()
        register, cancel = url + "tilmeld/", url + "afmeld/"
    return {
        "name": name,
        "url": url,
        "register": register,
        "cancel": cancel,
        "model": event.registrations.model._meta.label,
        "id": event.pk,
        "title": event.title,
        "answers": {
            RegistrationForm.field_name(question): (question.choice_list or ["Belastningstest"])[0]
            for question in event.questions.all()
        },
    }


def reading_urls():
    """What anonymous readers open: the home page, guidance, topics and news."""
    pages = [p.url for p in GuidancePage.objects.live().public().order_by("pk")[:40]]
    news = [p.url for p in NewsPage.objects.live().public().order_by("pk")[:10]]
    topics = [f"/vejledning/emne/{t.slug}/" for t in Topic.objects.order_by("pk")[:10]]
    return {"home": "/", "guidance": pages, "news": news, "topics": topics}


@transaction.atomic
def _person(email, role_names, *, municipality=None, totp=False):
    user = User.objects.create_user(
        username=email,
        email=email,
        password=PASSWORD,
        first_name="Belastning",
        last_name=email.split("@")[0],
        municipality=Municipality.objects.get(code=municipality) if municipality else None,
        workplace=Workplace.MUNICIPALITY if municipality else Workplace.STYRELSEN,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    user.groups.add(*Role.objects.filter(name__in=role_names))
    if totp:
        user.totp_secret = generate_totp_secret()
        TOTP.activate(user, user.totp_secret)
    return user


def member_session(n):
    """A member of the national network, who reads, replies, and registers for its meeting and
    the conference."""
    user = _person(f"belastning-medlem-{n}@example.org", [roles.MEMBER], municipality=KOBENHAVN)
    Membership.objects.create(
        group=Group.objects.get(slug=NETWORK),
        user=user,
        status=MembershipStatus.ACTIVE,
        joined_at=timezone.now(),
    )
    client = Client()
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    if response.status_code != 302:
        raise SetupError(f"{user.email} could not log in ({response.status_code})")
    return _session(user, client)


def caseworker_session(n):
    user = _person(
        f"belastning-sagsbehandler-{n}@example.org",
        [roles.CASEWORKER, roles.MEMBER],
        municipality=KOBENHAVN,
        totp=True,
    )
    return _session(user, logged_in_client(user))


def editor_session():
    user = _person("belastning-redaktoer@example.org", [roles.EDITOR], totp=True)
    return _session(user, logged_in_client(user))


def _session(user, client):
    cookie = cookie_header(client)["Cookie"].split("=", 1)[1]
    return {"email": user.email, "session": cookie}
