"""Playwright with Debian's Chromium against pytest-django's live server, plus a demo page tree.

`portal_site` builds one of every page type the reader sees. To add a page type (events, say),
add a fixture that takes `portal_site` and `publish_page` (tests/conftest.py), creates the page
with `publish_page(portal_site.home, EventIndexPage(...))`, and add its URL to PAGE_TYPES in
`test_accessibility.py`.

A module whose tests share costly data (monitoring data, default rules, a signed-in editor) builds
it once in module-scoped fixtures on `module_live_server` and opens `module_tab`s: its tests then
skip the flush and rebuild that `live_server` costs after every test (`test_rule_editor.py`). Its
sessions are made once too (`session_cookie`; a TOTP code is accepted once, so a user logs in once
per module), except for a test that logs out. A module that only reads the page tree imports
`module_site`: its `tab` and `portal_site` are then the module's (`test_journeys.py`). A module
that reads the monitoring data imports `monitoring_site`: the data is built once, and what a test
adds or changes in it is put back after the test (`test_monitoring.py`).
"""

import contextlib
import datetime
import os
import shutil
from dataclasses import dataclass

import page_tree
import pytest
from accounts_fixtures import session_cookie
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread
from django.test.utils import modify_settings, override_settings
from playwright.sync_api import sync_playwright
from reference_data import install_migration_rows

from guidance.models import Topic
from tests.database_flush.management.commands import flush

# Shared network files go to a fresh folder per test here too, never to the project's var/.
from tests.network.conftest import network_files_root  # noqa: F401

# Playwright's sync API runs an event loop in this thread; the ORM must still be usable here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def open_tab(browser, url):
    """A fresh browser context and tab whose relative URLs go to the server at `url`."""
    context = browser.new_context(base_url=url, locale="da-DK")
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def tab(browser, live_server):
    """A fresh browser tab whose relative URLs go to the live server."""
    with open_tab(browser, live_server.url) as page:
        yield page


@pytest.fixture
def signed_in_tab(tab, live_server, migrated_db, home):
    """`signed_in_tab(user)`: the tab carries a session made by allauth's real log-in with TOTP."""

    def sign_in(user):
        tab.context.add_cookies([session_cookie(user, live_server.url)])
        return tab

    return sign_in


@pytest.fixture(scope="module")
def module_live_server(django_db_setup, django_db_blocker):
    """A live server for one module, whose data its module-scoped fixtures commit once; the
    database is flushed after the module's last test instead of after each (pytest-django's
    `live_server` flushes after every test, so each test rebuilt its pages, users and log-ins).

    Returns the server's URL. Its tests are transactional (`django_db(transaction=True)`), so the
    server's thread sees what they write; a test that changes what the module's other tests
    read puts it back in its own fixture, so the tests pass in any order.
    """
    with (
        django_db_blocker.unblock(),
        modify_settings(ALLOWED_HOSTS={"append": "localhost"}),
    ):
        # As in LiveServerTestCase: SQLite's in-memory database is shared with the server's thread.
        shared = {
            db.alias: db
            for db in connections.all()
            if db.vendor == "sqlite" and db.is_in_memory_db()
        }
        for db in shared.values():
            db.inc_thread_sharing()
        thread = LiveServerThread(
            "localhost", static_handler=StaticFilesHandler, connections_override=shared, port=0
        )
        thread.daemon = True
        install_migration_rows()
        flush.Command.deferred = True
        try:
            thread.start()
            thread.is_ready.wait()
            if thread.error:
                raise thread.error
            yield f"http://{thread.host}:{thread.port}"
        finally:
            flush.Command.deferred = False
            thread.terminate()
            for db in shared.values():
                db.dec_thread_sharing()
            call_command("flush", verbosity=0, interactive=False, reset_sequences=False)
            install_migration_rows()


@pytest.fixture
def module_tab(browser, module_live_server):
    """A fresh browser tab whose relative URLs go to the module's live server."""
    with open_tab(browser, module_live_server) as page:
        yield page


@pytest.fixture(scope="module")
def extend_monitoring_data():
    """In a module that imports `monitoring_site`: a function that adds rows to the module's
    monitoring data once and returns them by name (a module overrides it to add any)."""
    return lambda data: {}


# Every dialog a page opens is recorded, in each frame, before any of its scripts run.
TRAP = """
    window.__dialogs = [];
    for (const name of ["alert", "confirm", "prompt", "print"]) {
        const original = window[name];
        window[name] = function (...args) { window.__dialogs.push(name); return original.apply(this, args); };
    }
"""


@pytest.fixture
def trapped_tab(tab):
    """A tab where every dialog is recorded (and dismissed) and every frame starts trapped."""
    tab.dialogs = []

    def on_dialog(dialog):
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.add_init_script(TRAP)
    return tab


@dataclass
class PortalSite:
    home: object
    guidance_index: object
    topic: object
    guidance_page: object
    related_page: object
    news_index: object
    news_page: object
    publication_index: object
    publication_page: object
    event_index: object
    event_page: object

    @property
    def topic_url(self):
        return f"{self.guidance_index.url}emne/{self.topic.slug}/"


def build_portal_site(home):
    """One page of every type the reader sees, under `home`."""
    home.intro = "<p>Vejledning til kommunernes tilsyn med almene boligorganisationer.</p>"
    home.save_revision().publish()
    guidance_index = page_tree.guidance_index(home)
    topic = Topic.objects.get(slug="styringsdialog")
    related = page_tree.make_guidance_page(
        guidance_index,
        "Styringsrapporten",
        text="Styringsrapporten er grundlaget for dialogen.",
        summary="Hvad styringsrapporten indeholder.",
        topics=[topic],
    )
    guidance = page_tree.make_guidance_page(
        guidance_index,
        "Styringsdialogens årshjul",
        body=page_tree.full_guidance_body([related]),
        summary="Sådan planlægger tilsynet årets styringsdialog.",
        topics=[topic],
    )
    news_index = page_tree.news_index(home)
    news = page_tree.make_news_page(
        news_index,
        "Ny vejledning om styringsdialog",
        text="Vejledningen er opdateret.",
        summary="Vejledningen om styringsdialog er opdateret.",
        date=datetime.date(2026, 4, 1),
    )
    publication_index = page_tree.publication_index(home)
    publication = page_tree.make_publication_page(
        publication_index,
        "Analyse af det kommunale tilsyn",
        summary="Analysen beskriver tilsynets praksis.",
    )
    event_index = page_tree.event_index(home)
    event = page_tree.make_event(
        event_index, "Tilsynskonferencen 2027", capacity=100, summary="Årets konference."
    )
    return PortalSite(
        home=home,
        guidance_index=guidance_index,
        topic=topic,
        guidance_page=guidance,
        related_page=related,
        news_index=news_index,
        news_page=news,
        publication_index=publication_index,
        publication_page=publication,
        event_index=event_index,
        event_page=event,
    )


@pytest.fixture
def portal_site(migrated_db, home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_portal_site(home)


@pytest.fixture(scope="module")
def module_portal_site(module_live_server, tmp_path_factory):
    """`portal_site` built once for a module on its live server (its tests change no page)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield build_portal_site(page_tree.make_home())
