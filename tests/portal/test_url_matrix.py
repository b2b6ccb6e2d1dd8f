"""Every URL of the portal, for every role: the status each role gets.

The portal's own URL patterns are read from the URLconf; a pattern without an entry in EXPECTED
fails `test_every_own_url_pattern_has_an_expectation`, so a new URL cannot go untested. Included
third-party URLconfs (Wagtail admin, documents and pages; allauth) are represented by a few URLs.
"""

import datetime
import shutil

import pytest
from accounts_fixtures import as_role_with, create_user, signed_in_cookies
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import URLResolver, get_resolver
from django.utils import timezone
from monitoring_fixtures import build_monitoring_data, create_vacancy_rule

from guidance.models import EventIndexPage, EventPage, EventRegistration
from monitoring.models import FlagRule, StyrelseNote
from network import library, unsubscribe
from network.choices import GroupKind, MembershipStatus
from network.files import uploads
from network.models import (
    Attachment,
    Group,
    Meeting,
    Membership,
    MembershipRequest,
    Notification,
    NotificationKind,
    Reply,
    Thread,
)
from portal import admin_reports, roles
from portal.accounts import invitations
from portal.demo import child, home_page
from portal.models import AccessRequest, Invitation, Municipality, PortalDocument

pytestmark = pytest.mark.django_db

OWN_URLCONFS = {
    "portal.accounts.urls",
    "guidance.urls",
    "monitoring.urls",
    "monitoring.api.urls",
    "ninja:monitoring_api",
    "network.urls",
    "portal.search.urls",
    "events.urls",
    "portal.admin_reports",
}
THIRD_PARTY_URLCONFS = {
    "wagtail.admin.urls",
    "wagtail.documents.urls",
    "allauth.urls",
    "wagtail.urls",
}

# "registered": signed in with a verified address outside the municipalities' and styrelse's
# domains, without the Netværksmedlem role (its request not yet approved).
ROLES = [
    "anonymous",
    "registered",
    "member",
    "caseworker_kk",
    "caseworker_aarhus",
    "editor",
    "administrator",
]
LOGIN = (302, "/konto/login/")


def every(expected):
    return dict.fromkeys(ROLES, expected)


def signed_in(expected, anonymous=LOGIN):
    return {"anonymous": anonymous, **dict.fromkeys(ROLES[1:], expected)}


def only(allowed, expected, refused):
    return {role: expected if role in allowed else refused for role in ROLES}


STYRELSE = ("editor", "administrator")
MONITORING_DENIED = {**every(404), "anonymous": LOGIN}
KK_ORGANISATION = {
    **MONITORING_DENIED,
    "caseworker_kk": 200,
    **dict.fromkeys(STYRELSE, 200),
}
# Networks: an open group none of the roles belongs to (tests/network checks every relation to a
# group of every kind). Roles give no moderation: only a group's own moderators moderate.
NETWORK_MANAGERS = {**every(404), "anonymous": LOGIN, **dict.fromkeys(STYRELSE, 200)}
NOT_MODERATOR = {**every(404), "anonymous": LOGIN}
# Who reads the open group: every role with the Netværksmedlem role (or styrelse's).
NETWORK_READERS = {**signed_in(200), "registered": 404}
NETWORK_THREAD = "/netvaerk/aaben/traad/"
NETWORK_LIBRARY = "/netvaerk/aaben/dokumenter/"


def network_thread(o, suffix=""):
    return f"{NETWORK_THREAD}{o['network']['thread'].pk}/{suffix}"


NETWORK_MEETING = "/netvaerk/aaben/moeder/"


def network_meeting(o, suffix=""):
    return f"{NETWORK_MEETING}{o['network']['meeting'].pk}/{suffix}"


# The API: anonymous callers get 401 (JSON, no log-in redirect), everything else as the pages.
API_DENIED = {**every(404), "anonymous": 401}
API_MONITORING = {**API_DENIED, **dict.fromkeys(ROLES[3:], 200)}
API_KK_ORGANISATION = {**KK_ORGANISATION, "anonymous": 401}
MONITORING_USERS = {**MONITORING_DENIED, **dict.fromkeys(ROLES[3:], 200)}
API = "/api/monitoring/v1"

# route (as the URLconf spells it) -> (method, URL builder, {role: status or (status, prefix)})
EXPECTED = {
    # portal.urls: the doors other than allauth's
    "admin/login/": ("get", lambda o: "/admin/login/", every(LOGIN)),
    "admin/password_reset/": (
        "get",
        lambda o: "/admin/password_reset/",
        every((302, "/konto/password/reset/")),
    ),
    "_util/login/": ("get", lambda o: "/_util/login/", every(LOGIN)),
    "_util/authenticate_with_password/<id:restriction>/<id:page>/": (
        "post",
        lambda o: f"/_util/authenticate_with_password/1/{o['home'].pk}/",
        every(LOGIN),
    ),
    "sprog/<str:language>/": ("get", lambda o: "/sprog/en/?next=/soeg/", every((302, "/soeg/"))),
    "sitemap.xml": ("get", lambda o: "/sitemap.xml", every(200)),
    "healthz": ("get", lambda o: "/healthz", every(200)),
    "^media/(?P<path>(images|original_images)/.*)$": (
        "get",
        lambda o: "/media/images/findes-ikke.jpg",
        every(404),
    ),
    # Wagtail's page view behind portal.views.serve_page (the page tree; unknown pages are below)
    r"^((?:[\w\-]+/)*)$": ("get", lambda o: "/", every(200)),
    # portal.accounts.urls
    "konto/profil/": ("get", lambda o: "/konto/profil/", signed_in(200)),
    "konto/profil/mine-data/": ("get", lambda o: "/konto/profil/mine-data/", signed_in(200)),
    "konto/profil/slet/": ("get", lambda o: "/konto/profil/slet/", signed_in(200)),
    "konto/adgang/anmod/": ("get", lambda o: "/konto/adgang/anmod/", signed_in(200)),
    "konto/adgang/anmodninger/": (
        "get",
        lambda o: "/konto/adgang/anmodninger/",
        {**only({"caseworker_kk", "administrator"}, 200, 404), "anonymous": LOGIN},
    ),
    "konto/adgang/anmodninger/<id:pk>/afgoer/": (
        "post",
        lambda o: f"/konto/adgang/anmodninger/{o['access_request'].pk}/afgoer/",
        {
            **only({"caseworker_kk", "administrator"}, (302, "/konto/adgang/anmodninger/"), 404),
            "anonymous": LOGIN,
        },
    ),
    "konto/invitationer/ny/": (
        "get",
        lambda o: "/konto/invitationer/ny/",
        {**only({"administrator"}, 200, 404), "anonymous": LOGIN},
    ),
    # allauth's view with a Danish label on its form: confirming by e-mail code.
    "konto/reauthenticate/code/": (
        "get",
        lambda o: "/konto/reauthenticate/code/",
        signed_in(200),
    ),
    "konto/invitation/<str:token>/": (
        "get",
        lambda o: f"/konto/invitation/{invitations.token_for(o['invitation'])}/",
        signed_in(403, anonymous=(302, "/konto/signup/")),
    ),
    # events.urls: one's own registrations; another person's cannot be reached by its id
    "konto/tilmeldinger/": ("get", lambda o: "/konto/tilmeldinger/", signed_in(200)),
    "konto/tilmeldinger/<slug:kind>/<id:pk>/afmeld/": (
        "get",
        lambda o: f"/konto/tilmeldinger/arrangement/{o['registration'].pk}/afmeld/",
        signed_in(404),
    ),
    # portal.search.urls
    "soeg/": ("get", lambda o: "/soeg/?q=tilsyn", every(200)),
    "soeg/forslag/": ("get", lambda o: "/soeg/forslag/?q=tilsyn", every(200)),
    # guidance.urls
    "nyheder/feed/rss/": ("get", lambda o: "/nyheder/feed/rss/", every(200)),
    "nyheder/feed/atom/": ("get", lambda o: "/nyheder/feed/atom/", every(200)),
    "arrangementer/kalender.ics": ("get", lambda o: "/arrangementer/kalender.ics", every(200)),
    "arrangementer/<id:event_id>/kalender.ics": (
        "get",
        lambda o: f"/arrangementer/{o['event'].pk}/kalender.ics",
        every(200),
    ),
    "arrangementer/<id:event_id>/tilmeld/": (
        "post",
        lambda o: f"/arrangementer/{o['event'].pk}/tilmeld/",
        signed_in((302, "/arrangementer/konference/")),
    ),
    "arrangementer/<id:event_id>/afmeld/": (
        "post",
        lambda o: f"/arrangementer/{o['event'].pk}/afmeld/",
        signed_in((302, "/arrangementer/konference/")),
    ),
    "arrangementer/<id:event_id>/deltagere.<slug:file_format>": (
        "get",
        lambda o: f"/arrangementer/{o['event'].pk}/deltagere.xlsx",
        {**only({"editor"}, 200, 404), "anonymous": LOGIN},
    ),
    # monitoring.urls: caseworkers see their own municipality (0042 is København's), styrelse all
    "monitorering/": (
        "get",
        lambda o: "/monitorering/",
        {
            **MONITORING_DENIED,
            "caseworker_kk": 200,
            "caseworker_aarhus": 200,
            **dict.fromkeys(STYRELSE, (302, "/monitorering/landet/")),
        },
    ),
    "monitorering/eksport.csv": (
        "get",
        lambda o: "/monitorering/eksport.csv",
        {**MONITORING_DENIED, "caseworker_kk": 200, "caseworker_aarhus": 200},
    ),
    "monitorering/landet/": (
        "get",
        lambda o: "/monitorering/landet/",
        {**MONITORING_DENIED, **dict.fromkeys(STYRELSE, 200)},
    ),
    "monitorering/organisation/<str:org_no>/": (
        "get",
        lambda o: "/monitorering/organisation/0042/",
        KK_ORGANISATION,
    ),
    "monitorering/organisation/<str:org_no>/rapport.xlsx": (
        "get",
        lambda o: "/monitorering/organisation/0042/rapport.xlsx",
        KK_ORGANISATION,
    ),
    # GET lists the year's cases; the bulk follow-up POST is the supervising municipality's
    # caseworkers' only (tests/monitoring/test_bulk_follow_up.py)
    "monitorering/organisation/<str:org_no>/sager/": (
        "get",
        lambda o: "/monitorering/organisation/0042/sager/",
        KK_ORGANISATION,
    ),
    "monitorering/organisation/<str:org_no>/rapport/": (
        "get",
        lambda o: "/monitorering/organisation/0042/rapport/",
        KK_ORGANISATION,
    ),
    "monitorering/organisation/<str:org_no>/noegletal.csv": (
        "get",
        lambda o: "/monitorering/organisation/0042/noegletal.csv",
        KK_ORGANISATION,
    ),
    "monitorering/organisation/<str:org_no>/afdeling/<str:estate_no>/": (
        "get",
        lambda o: "/monitorering/organisation/0042/afdeling/001/",
        KK_ORGANISATION,
    ),
    "monitorering/organisation/<str:org_no>/afdeling/<str:estate_no>/noegletal.csv": (
        "get",
        lambda o: "/monitorering/organisation/0042/afdeling/001/noegletal.csv",
        KK_ORGANISATION,
    ),
    "monitorering/flag/<id:pk>/": (
        "get",
        lambda o: f"/monitorering/flag/{o['monitoring']['flag'].pk}/",
        KK_ORGANISATION,
    ),
    # styrelse's notes: styrelse writes; the supervising municipality reads and answers
    "monitorering/organisation/<str:org_no>/notat/nyt/": (
        "get",
        lambda o: "/monitorering/organisation/0042/notat/nyt/",
        {**MONITORING_DENIED, **dict.fromkeys(STYRELSE, 200)},
    ),
    "monitorering/notat/<id:pk>/": (
        "get",
        lambda o: f"/monitorering/notat/{o['note'].pk}/",
        KK_ORGANISATION,
    ),
    # monitoring.api.urls: a django-ninja API
    "api/monitoring/v1/": ("get", lambda o: f"{API}/", every(404)),
    "api/monitoring/v1/openapi.json": ("get", lambda o: f"{API}/openapi.json", MONITORING_USERS),
    "api/monitoring/v1/docs": ("get", lambda o: f"{API}/docs", MONITORING_USERS),
    "api/monitoring/v1/organisations": ("get", lambda o: f"{API}/organisations", API_MONITORING),
    "api/monitoring/v1/organisations/<org_no>": (
        "get",
        lambda o: f"{API}/organisations/0042",
        API_KK_ORGANISATION,
    ),
    "api/monitoring/v1/organisations/<org_no>/estates": (
        "get",
        lambda o: f"{API}/organisations/0042/estates",
        API_KK_ORGANISATION,
    ),
    "api/monitoring/v1/organisations/<org_no>/key-figures": (
        "get",
        lambda o: f"{API}/organisations/0042/key-figures",
        API_KK_ORGANISATION,
    ),
    "api/monitoring/v1/organisations/<org_no>/estates/<estate_no>/key-figures": (
        "get",
        lambda o: f"{API}/organisations/0042/estates/001/key-figures",
        API_KK_ORGANISATION,
    ),
    "api/monitoring/v1/flags": ("get", lambda o: f"{API}/flags", API_MONITORING),
    "api/monitoring/v1/key-figures": ("get", lambda o: f"{API}/key-figures", API_MONITORING),
    # network.urls
    "netvaerk/": ("get", lambda o: "/netvaerk/", signed_in(200)),
    "netvaerk/ny/": ("get", lambda o: "/netvaerk/ny/", NETWORK_MANAGERS),
    "netvaerk/<slug:slug>/": ("get", lambda o: "/netvaerk/aaben/", signed_in(200)),
    # notifications: the centre is everyone's own; another's notification is 404
    "netvaerk/notifikationer/": ("get", lambda o: "/netvaerk/notifikationer/", signed_in(200)),
    "netvaerk/notifikationer/laest/": (
        "post",
        lambda o: "/netvaerk/notifikationer/laest/",
        signed_in((302, "/netvaerk/notifikationer/")),
    ),
    "netvaerk/notifikationer/email/": (
        "post",
        lambda o: "/netvaerk/notifikationer/email/",
        signed_in((302, "/netvaerk/notifikationer/")),
    ),
    "netvaerk/notifikationer/<id:pk>/": (
        "get",
        lambda o: f"/netvaerk/notifikationer/{o['network']['notification'].pk}/",
        NOT_MODERATOR,
    ),
    "netvaerk/notifikationer/<id:pk>/laest/": (
        "post",
        lambda o: f"/netvaerk/notifikationer/{o['network']['notification'].pk}/laest/",
        NOT_MODERATOR,
    ),
    # the signed link is the authority, with or without a session
    "netvaerk/afmeld/<str:token>/": (
        "get",
        lambda o: o["network"]["unsubscribe"],
        every(200),
    ),
    "netvaerk/<slug:slug>/foelg/": (
        "post",
        lambda o: "/netvaerk/aaben/foelg/",
        signed_in((302, "/netvaerk/aaben/")),
    ),
    "netvaerk/<slug:slug>/traad/<id:pk>/foelg/": (
        "post",
        lambda o: network_thread(o, "foelg/"),
        signed_in((302, NETWORK_THREAD)),
    ),
    "netvaerk/<slug:slug>/rediger/": (
        "get",
        lambda o: "/netvaerk/aaben/rediger/",
        NETWORK_MANAGERS,
    ),
    "netvaerk/<slug:slug>/bliv-medlem/": (
        "post",
        lambda o: "/netvaerk/aaben/bliv-medlem/",
        signed_in((302, "/netvaerk/aaben/")),
    ),
    "netvaerk/<slug:slug>/forlad/": (
        "post",
        lambda o: "/netvaerk/aaben/forlad/",
        signed_in((302, "/netvaerk/")),
    ),
    "netvaerk/<slug:slug>/inviter/": ("post", lambda o: "/netvaerk/aaben/inviter/", NOT_MODERATOR),
    "netvaerk/<slug:slug>/anmodning/<id:pk>/": (
        "post",
        lambda o: f"/netvaerk/aaben/anmodning/{o['network']['request'].pk}/",
        NOT_MODERATOR,
    ),
    "netvaerk/<slug:slug>/traad/ny/": (
        "get",
        lambda o: "/netvaerk/aaben/traad/ny/",
        signed_in(200),
    ),
    "netvaerk/<slug:slug>/traad/<id:pk>/": ("get", network_thread, signed_in(200)),
    "netvaerk/<slug:slug>/traad/<id:pk>/svar/": (
        "post",
        lambda o: network_thread(o, "svar/"),
        signed_in((302, NETWORK_THREAD)),
    ),
    "netvaerk/<slug:slug>/traad/<id:pk>/rediger/": (
        "get",
        lambda o: network_thread(o, "rediger/"),
        signed_in((302, NETWORK_THREAD)),
    ),
    "netvaerk/<slug:slug>/traad/<id:pk>/slet/": (
        "post",
        lambda o: network_thread(o, "slet/"),
        signed_in((302, NETWORK_THREAD)),
    ),
    "netvaerk/<slug:slug>/traad/<id:pk>/moderer/": (
        "post",
        lambda o: network_thread(o, "moderer/"),
        NOT_MODERATOR,
    ),
    "netvaerk/<slug:slug>/traad/<id:pk>/loesning/<id:reply_pk>/": (
        "post",
        lambda o: network_thread(o, f"loesning/{o['network']['reply'].pk}/"),
        signed_in((302, NETWORK_THREAD)),
    ),
    "netvaerk/<slug:slug>/svar/<id:pk>/rediger/": (
        "get",
        lambda o: f"/netvaerk/aaben/svar/{o['network']['reply'].pk}/rediger/",
        signed_in((302, NETWORK_THREAD)),
    ),
    "netvaerk/<slug:slug>/svar/<id:pk>/slet/": (
        "post",
        lambda o: f"/netvaerk/aaben/svar/{o['network']['reply'].pk}/slet/",
        signed_in((302, NETWORK_THREAD)),
    ),
    "netvaerk/<slug:slug>/personer/": (
        "get",
        lambda o: "/netvaerk/aaben/personer/?q=for",
        NETWORK_READERS,
    ),
    "netvaerk/<slug:slug>/personer/<id:pk>/": (
        "get",
        lambda o: f"/netvaerk/aaben/personer/{o['network']['thread'].author_id}/",
        NETWORK_READERS,
    ),
    # Styrelse plans meetings in groups it may read; none of the roles is a member, so
    # registering is refused with a message on the meeting's page.
    "netvaerk/<slug:slug>/moeder/": ("get", lambda o: NETWORK_MEETING, signed_in(200)),
    "netvaerk/<slug:slug>/moeder/nyt/": (
        "get",
        lambda o: f"{NETWORK_MEETING}nyt/",
        NETWORK_MANAGERS,
    ),
    "netvaerk/<slug:slug>/moeder/<id:pk>/": ("get", network_meeting, signed_in(200)),
    "netvaerk/<slug:slug>/moeder/<id:pk>/rediger/": (
        "get",
        lambda o: network_meeting(o, "rediger/"),
        NETWORK_MANAGERS,
    ),
    "netvaerk/<slug:slug>/moeder/<id:pk>/tilmeld/": (
        "post",
        lambda o: network_meeting(o, "tilmeld/"),
        signed_in((302, NETWORK_MEETING)),
    ),
    "netvaerk/<slug:slug>/moeder/<id:pk>/afmeld/": (
        "post",
        lambda o: network_meeting(o, "afmeld/"),
        signed_in((302, NETWORK_MEETING)),
    ),
    "netvaerk/<slug:slug>/moeder/<id:pk>/deltagere.<slug:file_format>": (
        "get",
        lambda o: network_meeting(o, "deltagere.csv"),
        NETWORK_MANAGERS,
    ),
    "netvaerk/<slug:slug>/moeder/<id:pk>/kalender.ics": (
        "get",
        lambda o: network_meeting(o, "kalender.ics"),
        signed_in(200),
    ),
    "netvaerk/<slug:slug>/vedhaeftning/<id:pk>/": (
        "get",
        lambda o: f"/netvaerk/aaben/vedhaeftning/{o['network']['attachment'].pk}/",
        signed_in(200),
    ),
    "netvaerk/<slug:slug>/dokumenter/": ("get", lambda o: NETWORK_LIBRARY, signed_in(200)),
    "netvaerk/<slug:slug>/dokumenter/ny/": (
        "get",
        lambda o: f"{NETWORK_LIBRARY}ny/",
        signed_in(200),
    ),
    "netvaerk/<slug:slug>/dokumenter/<id:pk>/": (
        "get",
        lambda o: f"{NETWORK_LIBRARY}{o['network']['document'].pk}/",
        signed_in(200),
    ),
    "netvaerk/<slug:slug>/dokumenter/<id:pk>/slet/": (
        "post",
        lambda o: f"{NETWORK_LIBRARY}{o['network']['document'].pk}/slet/",
        signed_in((302, NETWORK_LIBRARY)),
    ),
    # network.urls: reporting (any reader) and moderation (the group's own moderators only)
    "netvaerk/moderering/": ("get", lambda o: "/netvaerk/moderering/", NOT_MODERATOR),
    # requests for the Netværksmedlem role: administrators and group moderators review them
    "netvaerk/adgang/": (
        "get",
        lambda o: "/netvaerk/adgang/",
        {**only({"administrator"}, 200, 404), "anonymous": LOGIN},
    ),
    "netvaerk/adgang/<id:pk>/": (
        "post",
        lambda o: f"/netvaerk/adgang/{o['network']['membership_request'].pk}/",
        {**only({"administrator"}, (302, "/netvaerk/adgang/"), 404), "anonymous": LOGIN},
    ),
    "netvaerk/<slug:slug>/traad/<id:pk>/anmeld/": (
        "get",
        lambda o: network_thread(o, "anmeld/"),
        signed_in(200),
    ),
    "netvaerk/<slug:slug>/svar/<id:pk>/anmeld/": (
        "get",
        lambda o: f"/netvaerk/aaben/svar/{o['network']['reply'].pk}/anmeld/",
        signed_in(200),
    ),
    "netvaerk/<slug:slug>/traad/<id:pk>/moderer/indlaeg/": (
        "post",
        lambda o: network_thread(o, "moderer/indlaeg/"),
        NOT_MODERATOR,
    ),
    "netvaerk/<slug:slug>/svar/<id:pk>/moderer/": (
        "post",
        lambda o: f"/netvaerk/aaben/svar/{o['network']['reply'].pk}/moderer/",
        NOT_MODERATOR,
    ),
    "netvaerk/<slug:slug>/moderering/": (
        "get",
        lambda o: "/netvaerk/aaben/moderering/",
        NOT_MODERATOR,
    ),
    "netvaerk/<slug:slug>/moderering/log/": (
        "get",
        lambda o: "/netvaerk/aaben/moderering/log/",
        NOT_MODERATOR,
    ),
    "netvaerk/<slug:slug>/moderering/medlemmer/": (
        "get",
        lambda o: "/netvaerk/aaben/moderering/medlemmer/",
        NOT_MODERATOR,
    ),
    "netvaerk/<slug:slug>/moderering/medlemmer/<id:pk>/": (
        "post",
        lambda o: f"/netvaerk/aaben/moderering/medlemmer/{o['network']['request'].pk}/",
        NOT_MODERATOR,
    ),
}

# Without the Netværksmedlem role the networks do not exist, but for one's own notifications,
# signed unsubscribe links and the index, which says the request is waiting.
OPEN_TO_EVERY_SIGNED_IN = {
    "netvaerk/",
    "netvaerk/notifikationer/",
    "netvaerk/notifikationer/laest/",
    "netvaerk/notifikationer/email/",
    "netvaerk/afmeld/<str:token>/",
}
for _route, (_method, _build, _expected) in list(EXPECTED.items()):
    if _route.startswith("netvaerk/") and _route not in OPEN_TO_EVERY_SIGNED_IN:
        EXPECTED[_route] = (_method, _build, {**_expected, "registered": 404})

ADMIN_USERS = {"editor", "administrator"}
NOT_ADMIN = (302, "/konto/login/")

# portal.admin_reports: Wagtail's own reports (cells neutralised), with Wagtail's access: the
# page reports are the editors'; the site history shows every admin user the entries they may see.
PAGE_REPORT = {**only(ADMIN_USERS, 200, NOT_ADMIN), "administrator": (302, "/admin/")}
for _route in [str(p.pattern) for p in admin_reports.urlpatterns]:
    EXPECTED[f"admin/reports/{_route}"] = (
        "get",
        lambda o, route=_route: f"/admin/reports/{route}",
        only(ADMIN_USERS, 200, NOT_ADMIN) if _route.startswith("site-history/") else PAGE_REPORT,
    )

# Representative URLs of the included third-party URLconfs.
THIRD_PARTY = {
    "/admin/": {**only(ADMIN_USERS, 200, NOT_ADMIN)},
    # Administrators manage users and roles; page permissions belong to editors and approvers.
    "/admin/pages/": {**only(ADMIN_USERS, 200, NOT_ADMIN), "administrator": (302, "/admin/")},
    "/admin/vejledning-til-gennemgang/": {**only(ADMIN_USERS, 200, NOT_ADMIN)},
    "/admin/soegninger-uden-svar/": {**only(ADMIN_USERS, 200, NOT_ADMIN)},
    # Editors keep the synonyms and recommended results; administrators manage people.
    "/admin/snippets/portal_search/searchsynonym/": {
        **only({"editor"}, 200, NOT_ADMIN),
        "administrator": (302, "/admin/"),
    },
    "/admin/snippets/portal_search/promotedresult/": {
        **only({"editor"}, 200, NOT_ADMIN),
        "administrator": (302, "/admin/"),
    },
    "/admin/sikkerhedslog/": {
        **only({"administrator"}, 200, NOT_ADMIN),
        "editor": (302, "/admin/"),
    },
    "/admin/snippets/portal/municipality/": {
        **only({"administrator"}, 200, NOT_ADMIN),
        "editor": (302, "/admin/"),
    },
    "/admin/users/": {**only({"administrator"}, 200, NOT_ADMIN), "editor": (302, "/admin/")},
    # Editors tune the flag rules; administrators manage people.
    "/admin/snippets/monitoring/flagrule/": {
        **only({"editor"}, 200, NOT_ADMIN),
        "administrator": (302, "/admin/"),
    },
    "DOCUMENT": every(200),
    "/konto/login/": {**signed_in((302, "/")), "anonymous": 200},
    "/konto/signup/": {**signed_in((302, "/")), "anonymous": 200},
    "/konto/email/": signed_in(200),
    "/konto/2fa/": signed_in(200),
    "/konto/password/change/": signed_in(200),
    "/findes-ikke/": every(404),
}


def urlconf_name(resolver):
    """A URLconf by its module name; a django-ninja API, included as a list, by its namespace."""
    name = resolver.urlconf_name
    if isinstance(name, str):
        return name
    if isinstance(name, list):
        return f"ninja:{resolver.namespace}"
    return name.__name__


def own_routes(patterns=None, prefix=""):
    """The routes of the portal's own URL patterns, walking into its own included URLconfs."""
    routes = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            name = urlconf_name(pattern)
            if name in OWN_URLCONFS:
                routes |= own_routes(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                assert name in THIRD_PARTY_URLCONFS, f"unknown URLconf {name}: add it"
        else:
            routes.add(prefix + str(pattern.pattern))
    return routes


def test_every_own_url_pattern_has_an_expectation():
    routes = own_routes()

    assert routes - set(EXPECTED) == set(), "new URL patterns need an entry in EXPECTED"
    assert set(EXPECTED) - routes == set(), "EXPECTED names patterns that no longer exist"


@pytest.fixture(scope="module")
def module_objects(module_transaction, tmp_path_factory):
    """The objects, built once for the module, and the folder of their files."""
    files = tmp_path_factory.mktemp("url-matrix")
    with override_settings(MEDIA_ROOT=files / "media", NETWORK_FILES_ROOT=files / "network-files"):
        return files, build_objects()


@pytest.fixture
def objects(module_objects, db, settings, tmp_path):
    """The module's objects, each test with its own copy of their files (a test may delete one)."""
    files, built = module_objects
    shutil.copytree(files, tmp_path, dirs_exist_ok=True)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.NETWORK_FILES_ROOT = tmp_path / "network-files"
    return built


def build_objects():
    """Real objects for the parametrised URLs, and the home page as the default site's root."""
    applicant = create_user(roles.MEMBER, email="ansoeger@kk.dk")
    document = PortalDocument(title="Vejledning")
    document.file.save("vejledning.pdf", ContentFile(b"%PDF-1.4 tilsyn"), save=True)
    home = home_page()
    start = timezone.now() + datetime.timedelta(days=10)
    events = child(home, EventIndexPage, "arrangementer", title="Arrangementer")
    event = child(
        events,
        EventPage,
        "konference",
        title="Konference",
        start=start,
        end=start + datetime.timedelta(hours=5),
        venue_name="Herning",
        capacity=10,
    )
    monitoring = build_monitoring_data(create_vacancy_rule())
    return {
        "home": home,
        "event": event,
        # Someone else's registration: no role may see or cancel it.
        "registration": EventRegistration.objects.create(
            event=event, user=applicant, status=EventRegistration.Status.CONFIRMED
        ),
        "monitoring": monitoring,
        "note": StyrelseNote.objects.create(
            organisation=monitoring["kk"], title="Fusion", body="En fusion er under forberedelse."
        ),
        "access_request": AccessRequest.objects.create(
            user=applicant, municipality=Municipality.objects.get(code=101), motivation="x"
        ),
        "invitation": Invitation.objects.create(
            email="ny@odense.dk",
            role=roles.CASEWORKER,
            municipality=Municipality.objects.get(code=461),
        ),
        "document": document,
        "network": network_objects(create_user),
    }


def network_objects(make_user):
    """An open group with a thread and a reply by its members, a coming meeting, a pending
    request, and a notification of the author's with its unsubscribe link."""
    author = make_user(roles.MEMBER)
    group = Group.objects.create(name="Åbent netværk", slug="aaben", kind=GroupKind.OPEN)
    membership = Membership(group=group, user=author, status=MembershipStatus.ACTIVE)
    membership.activate()
    membership.save()
    applicant = make_user(roles.MEMBER)
    thread = Thread.objects.create(group=group, author=author, title="Spørgsmål", body_markdown="?")
    attachment = Attachment(thread=thread, uploaded_by=author)
    attachment.set_upload(uploads.check(ContentFile(b"%PDF-1.4 tilsyn", name="bilag.pdf")))
    attachment.save()
    unsubscribe_url = unsubscribe.link(author, unsubscribe.Scope.THREAD, thread)
    return {
        "thread": thread,
        "attachment": attachment,
        "document": library.add_document(
            author, group, uploads.check(ContentFile(b"%PDF-1.4 referat", name="referat.pdf"))
        ),
        "notification": Notification.objects.create(
            recipient=author, kind=NotificationKind.REPLY, thread=thread
        ),
        "unsubscribe": unsubscribe_url[unsubscribe_url.index("/netvaerk/") :],
        "reply": Reply.objects.create(thread=thread, author=author, body_markdown="Svar"),
        "meeting": Meeting.objects.create(
            group=group,
            title="Netværksmøde",
            start=timezone.now() + datetime.timedelta(days=7),
            end=timezone.now() + datetime.timedelta(days=7, hours=3),
            place="Herning",
            capacity=10,
        ),
        "request": Membership.objects.create(
            group=group, user=applicant, status=MembershipStatus.REQUESTED
        ),
        "membership_request": MembershipRequest.objects.create(
            user=make_user(email="ansoeger@example.org")
        ),
    }


# The user of each signed-in role.
ROLE_USERS = {
    "registered": lambda: create_user(email="nogen@example.org"),
    "member": lambda: create_user(roles.MEMBER),
    "caseworker_kk": lambda: create_user(
        [roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True, lead=True
    ),
    "caseworker_aarhus": lambda: create_user(
        [roles.CASEWORKER, roles.MEMBER], municipality_code=751, mfa=True
    ),
    "editor": lambda: create_user(roles.EDITOR, mfa=True),
    "administrator": lambda: create_user(roles.ADMINISTRATOR, mfa=True),
}


@pytest.fixture(scope="module")
def role_cookies(module_transaction):
    """Each role signed in once for the module; a test's changes to a session are rolled back
    with the test."""
    return signed_in_cookies(ROLE_USERS)


@pytest.fixture
def as_role(client, role_cookies):
    """`as_role(role)`: the test's client with a copy of the role's cookies."""
    return as_role_with(client, role_cookies)


def check(response, expected, label):
    status, prefix = expected if isinstance(expected, tuple) else (expected, None)
    assert response.status_code == status, (label, response.get("Location"))
    if prefix is not None:
        assert response["Location"].startswith(prefix), (label, response["Location"])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", sorted(EXPECTED))
def test_own_url(objects, as_role, route, role):
    method, build, expected = EXPECTED[route]
    client = as_role(role)

    response = getattr(client, method)(build(objects))

    check(response, expected[role], f"{route} as {role}")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", sorted(THIRD_PARTY))
def test_third_party_url(objects, as_role, url, role):
    client = as_role(role)
    if url == "DOCUMENT":
        document = objects["document"]
        url = f"/documents/{document.pk}/{document.filename}"

    response = client.get(url)

    key = "DOCUMENT" if url.startswith("/documents/") else url
    check(response, THIRD_PARTY[key][role], f"{url} as {role}")


# The rule editor's preview (POST only): answers the editors, is not there for administrators.
RULE_PREVIEW = {**only({"editor"}, 200, NOT_ADMIN), "administrator": 404}


@pytest.mark.parametrize("role", ROLES)
def test_rule_preview_url(as_role, role):
    rule = FlagRule.objects.get(code="R03")
    client = as_role(role)

    response = client.post(f"/admin/flagregler/{rule.pk}/virkning/", {})

    check(response, RULE_PREVIEW[role], f"rule preview as {role}")
