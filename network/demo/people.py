"""The people of the demo networks, from `content/people.yaml`: the demo log-ins of `portal.demo`
and colleagues from municipalities across the country and from styrelsen.

The group modules name people by handle: the e-mail's local part for the colleagues, the first
name for the demo log-ins (four of them share the local part "sagsbehandler"). Mentions in posts
are by handle: `@{handle}` by name, `@local.part` the older way (network.demo.content).

DEMO ONLY: every person has the shared demo password, like the other demo users.
"""

from django.contrib.auth import get_user_model

from portal import demo as portal_demo
from portal import front_matter

from .content import CONTENT


def handle_of(email):
    return email.split("@")[0]


def load_people():
    """Every person of the demo networks, created when missing; returns {handle: user}."""
    listed = front_matter.data(CONTENT / "people.yaml")
    User = get_user_model()
    people = {handle: User.objects.get(email=email) for handle, email in listed["logins"].items()}
    for entry in [*listed["colleagues"], listed["outsider"]]:
        people[handle_of(entry["email"])] = portal_demo.user(**portal_demo.user_fields(entry))
    return people
