"""For a module whose tests read the same pages and change none of them: imported there, its
`tab`, `portal_site` and `signed_in_tab` are the module's, so the pages are built once on the
module's live server (`module_portal_site`) and each test still opens a fresh browser context.

    from module_site import shared_portal_site, shared_tab  # noqa: F401

A module that builds its own data once puts back what a test adds with `additions_removed`.
"""

import contextlib

import pytest


@pytest.fixture(name="portal_site")
def shared_portal_site(module_portal_site):
    return module_portal_site


@pytest.fixture(name="tab")
def shared_tab(module_tab):
    return module_tab


@pytest.fixture(name="signed_in_tab")
def shared_signed_in_tab(module_tab):
    """`signed_in_tab(cookie)`: the tab carries a session cookie made once for the module
    (`accounts_fixtures.session_cookie`), for tests that do not log out."""

    def sign_in(cookie):
        module_tab.context.add_cookies([cookie])
        return module_tab

    return sign_in


def latest_pk(model):
    return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@contextlib.contextmanager
def additions_removed(*models):
    """The rows added to `models` inside the block deleted on leaving it, in the order given, so
    the module's next test sees its data as built."""
    newest = {model: latest_pk(model) for model in models}
    yield
    for model in models:
        model.objects.filter(pk__gt=newest[model]).delete()
