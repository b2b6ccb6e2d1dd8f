"""The demo's people are data files; a role there that the portal does not have would give a user
no rights without a word, so the loader refuses it."""

import pytest

from monitoring import demo as monitoring_demo
from network.demo.content import CONTENT as NETWORK_CONTENT
from portal import demo, front_matter


def test_a_demo_user_with_a_role_the_portal_lacks_is_refused():
    with pytest.raises(ValueError, match="Redaktør"):
        demo.user_fields({"email": "ny@kk.dk", "groups": ["Netværksmedlem", "Redaktør"]})


def test_every_demo_person_has_only_the_portals_roles():
    people = front_matter.data(NETWORK_CONTENT / "people.yaml")
    entries = [*demo.DEMO_USERS, demo.USERS["applicant"], *people["colleagues"]]
    for entry in [*entries, people["outsider"]]:
        assert demo.user_fields(entry)["groups"]


def test_the_notes_and_follow_ups_are_written_by_demo_log_ins():
    logins = {entry["email"] for entry in demo.DEMO_USERS}
    follow_ups = front_matter.data(monitoring_demo.CONTENT / "follow_ups.yaml")
    assert {note.meta["by"] for note in monitoring_demo.notes()} <= logins
    assert follow_ups["by"] in logins
