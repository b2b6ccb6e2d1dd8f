"""Demo content for the guidance section, written by the team for the demo portal."""

from portal import demo as portal_demo

from .structure import load_structure


def load(home):
    """Load the guidance demo content under `home`; return the demo log-ins as (role, e-mail)."""
    load_structure(home)
    member = portal_demo.user("medlem@kommune.dk", "Mette", "Medlem")
    return [("Netværksmedlem", member.email)]
