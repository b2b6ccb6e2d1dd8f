"""The people of the demo networks: the demo log-ins of `portal.demo` and colleagues from
municipalities across the country and from styrelsen.

The group modules name people by handle: the e-mail's local part for the colleagues, the first
name for the demo log-ins (four of them share the local part "sagsbehandler"). Mentions in posts
are by handle: `@{handle}` by name, `@local.part` the older way (network.demo.content).

DEMO ONLY: every person has the shared demo password, like the other demo users.
"""

from django.contrib.auth import get_user_model

from portal import demo as portal_demo
from portal import roles
from portal.models import Workplace

# The demo log-ins `load_demo` prints, by handle.
LOGINS = {
    "mette": "medlem@kommune.dk",
    "karen": "sagsbehandler@kk.dk",
    "anders": "sagsbehandler@aarhus.dk",
    "ole": "sagsbehandler@odense.dk",
    "lise": "sagsbehandler@laesoe.dk",
    "rasmus": "redaktoer@bpst.dk",
    "gitte": "godkender@bpst.dk",
}

MEMBER = [roles.MEMBER]
CASEWORKER = [roles.CASEWORKER, roles.MEMBER]

# (e-mail, first name, last name, municipality code or None for styrelsen, title, roles)
COLLEAGUES = [
    ("sofie.lund@kk.dk", "Sofie", "Lund", 101, "Jurist", MEMBER),
    ("jonas.brandt@kk.dk", "Jonas", "Brandt", 101, "Økonomimedarbejder", MEMBER),
    ("camilla.winther@frederiksberg.dk", "Camilla", "Winther", 147, "Tilsynskonsulent", CASEWORKER),
    ("peter.dam@gladsaxe.dk", "Peter", "Dam", 159, "Specialkonsulent", MEMBER),
    ("henrik.toft@albertslund.dk", "Henrik", "Toft", 165, "Byggesagsbehandler", MEMBER),
    ("nadia.rahimi@htk.dk", "Nadia", "Rahimi", 169, "Tilsynskonsulent", MEMBER),
    ("maja.kristiansen@ishoej.dk", "Maja", "Kristiansen", 183, "Jurist", MEMBER),
    ("bo.vestergaard@helsingoer.dk", "Bo", "Vestergaard", 217, "Tilsynskonsulent", MEMBER),
    ("eva.lindholm@roskilde.dk", "Eva", "Lindholm", 265, "Jurist", MEMBER),
    ("niels.aagaard@slagelse.dk", "Niels", "Aagaard", 330, "Økonomikonsulent", MEMBER),
    ("line.kjeldsen@odense.dk", "Line", "Kjeldsen", 461, "Specialkonsulent", CASEWORKER),
    ("michael.holst@vejle.dk", "Michael", "Holst", 630, "Økonomimedarbejder", MEMBER),
    ("jesper.nygaard@horsens.dk", "Jesper", "Nygaard", 615, "Tilsynskonsulent", MEMBER),
    ("signe.ebbesen@herning.dk", "Signe", "Ebbesen", 657, "Tilsynskonsulent", MEMBER),
    ("louise.moeller@randers.dk", "Louise", "Møller", 730, "Specialkonsulent", MEMBER),
    ("hanne.ravn@silkeborg.dk", "Hanne", "Ravn", 740, "Jurist", MEMBER),
    ("kasper.friis@skanderborg.dk", "Kasper", "Friis", 746, "Økonomikonsulent", MEMBER),
    ("kirsten.holm@aarhus.dk", "Kirsten", "Holm", 751, "Tilsynskonsulent", CASEWORKER),
    ("thomas.bak@aarhus.dk", "Thomas", "Bak", 751, "Økonomimedarbejder", MEMBER),
    ("morten.skov@viborg.dk", "Morten", "Skov", 791, "Økonomimedarbejder", MEMBER),
    ("ida.noergaard@aalborg.dk", "Ida", "Nørgaard", 851, "Tilsynskonsulent", CASEWORKER),
    ("claus.pedersen@hjoerring.dk", "Claus", "Pedersen", 860, "Sagsbehandler", MEMBER),
    ("jakob.steen@bpst.dk", "Jakob", "Steen", None, "Chefkonsulent, Center for Bolig", MEMBER),
    ("marie.lauritsen@bpst.dk", "Marie", "Lauritsen", None, "Jurist, Center for Bolig", MEMBER),
]

# Someone outside the public sector, banned from the national network for advertising.
OUTSIDER = ("salg@boligraadgivning.dk", "Frank", "Sælgersen", "Salgschef")


def handle_of(email):
    return email.split("@")[0]


def load_people():
    """Every person of the demo networks, created when missing; returns {handle: user}."""
    User = get_user_model()
    people = {handle: User.objects.get(email=email) for handle, email in LOGINS.items()}
    for email, first, last, municipality, title, role_names in COLLEAGUES:
        people[handle_of(email)] = portal_demo.user(
            email, first, last, groups=role_names, municipality=municipality, title=title
        )
    email, first, last, title = OUTSIDER
    people[handle_of(email)] = portal_demo.user(
        email, first, last, groups=MEMBER, title=title, workplace=Workplace.OTHER
    )
    return people
