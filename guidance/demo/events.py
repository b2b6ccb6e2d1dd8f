"""Three conferences: one held in 2025 with materials, one open for registration, one full."""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from events import registration
from guidance.models import EventPage, EventSession, Speaker
from portal import roles
from portal.demo import child, user
from portal.slugs import danish_slugify

from .blocks import info, text
from .documents import pdf_document

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
RECORDING = "https://vimeo.com/76979871"

# key: (name, role, organisation, bio)
SPEAKERS = {
    "helle": (
        "Helle Bjerregaard",
        "Kontorchef",
        "Bolig- og Planstyrelsen",
        "Leder styrelsens arbejde med at understøtte det kommunale tilsyn.",
    ),
    "jens": (
        "Jens Kjærgaard Madsen",
        "Tilsynskonsulent",
        "Aarhus Kommune",
        "Har ført tilsyn med almene boligorganisationer i Aarhus i tolv år.",
    ),
    "sofie": (
        "Sofie Lindholm",
        "Specialkonsulent",
        "Københavns Kommune",
        "Arbejder med styringsdialog og boligorganisationer i økonomiske vanskeligheder.",
    ),
    "mikkel": (
        "Mikkel Østergaard",
        "Økonomichef",
        "Landsbyggefonden",
        "Ansvarlig for fondens regnskabsdata og nøgletal.",
    ),
    "nanna": (
        "Nanna Dalsgaard",
        "Dataanalytiker",
        "Bolig- og Planstyrelsen",
        "Har udviklet reglerne bag monitoreringens flag.",
    ),
    "lars": (
        "Lars Frandsen",
        "Afdelingsleder",
        "Vejle Kommune",
        "Har samlet Vejle Kommunes tilsyn i én enhed og fortæller gerne om erfaringerne.",
    ),
}

# Extra network members, so the full event has a waiting list.
EXTRA_MEMBERS = [
    ("lotte.tilsyn@vejle.dk", "Lotte", "Vestergaard", 630),
    ("peter.tilsyn@aalborg.dk", "Peter", "Nørgaard", 851),
    ("signe.tilsyn@esbjerg.dk", "Signe", "Kristensen", 561),
    ("henrik.tilsyn@roskilde.dk", "Henrik", "Bach", 265),
    ("camilla.tilsyn@herning.dk", "Camilla", "Juhl", 657),
    ("thomas.tilsyn@randers.dk", "Thomas", "Skov", 730),
]


def at(day, clock):
    hour, minute = map(int, clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=COPENHAGEN)


def slides(title):
    filename = f"slides-{danish_slugify(title)}.pdf"
    return pdf_document(title, filename, [title, "Tilsynskonferencen 2025"], "Oplæggets slides.")


def sessions(day, programme, *, with_materials=False):
    """Programme items (start, end, title, description, speaker keys) as unsaved sessions."""
    speakers = {key: _speaker(*values) for key, values in SPEAKERS.items()}
    return [
        EventSession(
            start=at(day, start),
            end=at(day, end),
            title=title,
            description=description,
            speakers=[speakers[key] for key in keys],
            slides=slides(title) if with_materials and keys else None,
            recording_url=RECORDING if with_materials and keys else "",
        )
        for start, end, title, description, keys in programme
    ]


def _speaker(name, role, organisation, bio):
    speaker, _ = Speaker.objects.get_or_create(
        name=name, defaults={"role": role, "organisation": organisation, "bio": bio}
    )
    return speaker


CONFERENCE_2025 = datetime.date(2025, 10, 2)
CONFERENCE_2027 = datetime.date(2027, 5, 19)
NETWORK_DAY = datetime.date(2027, 2, 24)


def load_events(index):
    child(
        index,
        EventPage,
        "tilsynskonferencen-2025",
        title="Tilsynskonferencen 2025",
        summary="Årets konference om det kommunale tilsyn handlede om styringsdialog, "
        "handlepligt og den nye monitorering.",
        start=at(CONFERENCE_2025, "09:30"),
        end=at(CONFERENCE_2025, "16:00"),
        venue_name="Nyborg Strand",
        venue_address="Nyborg",
        capacity=220,
        registration_deadline=at(datetime.date(2025, 9, 15), "12:00"),
        body=[
            text(
                "Over 200 tilsynsmedarbejdere fra 84 kommuner deltog. Slides og optagelser fra "
                "oplæggene ligger ved hvert punkt i programmet."
            )
        ],
        sessions=sessions(
            CONFERENCE_2025,
            [
                ("09:30", "10:00", "Ankomst og kaffe", "", []),
                (
                    "10:00",
                    "10:30",
                    "Velkomst: Styrket understøttelse af tilsynet",
                    "Status på styrelsens tre initiativer.",
                    ["helle"],
                ),
                (
                    "10:30",
                    "11:30",
                    "Sådan læser vi styringsrapporten i Aarhus",
                    "Erfaringer med at udvælge få, vigtige temaer til mødet.",
                    ["jens"],
                ),
                (
                    "11:30",
                    "12:15",
                    "Monitoreringen: fra nøgletal til flag",
                    "Hvordan reglerne er bygget, og hvordan flagene skal læses.",
                    ["nanna", "mikkel"],
                ),
                ("12:15", "13:00", "Frokost", "", []),
                (
                    "13:00",
                    "14:00",
                    "Handlepligt i praksis",
                    "En boligorganisation i krise – hvad gjorde tilsynet, og hvad ville vi gøre "
                    "anderledes i dag?",
                    ["sofie"],
                ),
                (
                    "14:15",
                    "15:30",
                    "Paneldebat: Hvordan organiserer vi et robust tilsyn?",
                    "Kommuner af forskellig størrelse fortæller om bemanding og sparring.",
                    ["lars", "jens", "sofie"],
                ),
                ("15:30", "16:00", "Opsamling og tak for i dag", "", ["helle"]),
            ],
            with_materials=True,
        ),
    )
    conference = child(
        index,
        EventPage,
        "tilsynskonferencen-2027",
        title="Tilsynskonferencen 2027",
        summary="En dag om data i styringsdialogen: nøgletal, flag og gode spørgsmål.",
        start=at(CONFERENCE_2027, "09:30"),
        end=at(CONFERENCE_2027, "16:00"),
        venue_name="Nyborg Strand",
        venue_address="Nyborg",
        online_note="Formiddagens oplæg streames. Linket sendes til alle tilmeldte.",
        capacity=250,
        registration_deadline=at(datetime.date(2027, 5, 1), "12:00"),
        body=[
            text(
                "Konferencen er for tilsynsmedarbejdere og ledere i kommunerne. Deltagelse er "
                "gratis, og styrelsen er vært ved frokost og kaffe."
            ),
            info("Afmelder du dig, går pladsen videre til den første på ventelisten."),
        ],
        sessions=sessions(
            CONFERENCE_2027,
            [
                ("09:30", "10:00", "Ankomst og kaffe", "", []),
                ("10:00", "10:30", "Velkomst", "", ["helle"]),
                (
                    "10:30",
                    "11:30",
                    "Ti års nøgletal: hvad fortæller udviklingen?",
                    "Eksempler fra monitoreringens første to år.",
                    ["nanna"],
                ),
                (
                    "11:30",
                    "12:30",
                    "Den gode styringsdialog med data",
                    "Workshop i grupper.",
                    ["jens", "lars"],
                ),
                ("12:30", "13:15", "Frokost", "", []),
                (
                    "13:15",
                    "15:30",
                    "Landsbyggefondens data og tvillingeværktøjet",
                    "Sådan finder du sammenlignelige afdelinger.",
                    ["mikkel"],
                ),
            ],
        ),
    )
    network_day = child(
        index,
        EventPage,
        "netvaerksdag-styringsdialog-i-praksis",
        title="Netværksdag: Styringsdialog i praksis",
        summary="En dag i det landsdækkende netværk med erfaringsudveksling om årets "
        "styringsdialogmøder.",
        start=at(NETWORK_DAY, "10:00"),
        end=at(NETWORK_DAY, "15:00"),
        venue_name="Bolig- og Planstyrelsen",
        venue_address="Dalgasgade 8, 7400 Herning",
        capacity=6,
        registration_deadline=at(datetime.date(2027, 2, 10), "12:00"),
        body=[
            text(
                "Netværksdagen holdes i et lille mødelokale, så vi kan tale frit om konkrete "
                "sager. Pladserne er derfor få."
            )
        ],
        sessions=sessions(
            NETWORK_DAY,
            [
                ("10:00", "12:00", "Erfaringer fra årets møder", "Runde med korte oplæg.", []),
                ("12:00", "12:45", "Frokost", "", []),
                ("12:45", "15:00", "Sager, vi lærte af", "Anonymiserede cases.", ["sofie"]),
            ],
        ),
    )
    members = [
        user(email, first, last, groups=[roles.MEMBER], municipality=code, title="Sagsbehandler")
        for email, first, last, code in EXTRA_MEMBERS
    ]
    demo_users = get_user_model().objects.in_bulk(
        ["medlem@kommune.dk", "sagsbehandler@aarhus.dk"], field_name="email"
    )
    demo_member, aarhus = demo_users["medlem@kommune.dk"], demo_users["sagsbehandler@aarhus.dk"]
    register_without_email([aarhus, members[0]], conference)
    register_without_email([*members, demo_member, aarhus], network_day)


def register_without_email(users, event):
    """Register the users in order, skipping those already registered; no confirmations are
    e-mailed, so the demo's worker has none to print."""
    for account in users:
        if registration.active_registration(account, event) is None:
            registration.register(account, event, email=False)
