"""Shared fixtures: a published page tree under the default site, and factories for its pages.

Every factory publishes through revisions, as the admin does, so signals (search index, page
cache generation) run exactly as in production. Pass `live=False` for a draft.
"""

import contextlib
import functools
import io

import group_seconds
import page_tree
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from page_tree import make_home, publish_child, restrict_to_logged_in
from reference_data import install_migration_rows

from guidance.models import Topic

# Users of every role with real allauth log-ins, and monitoring data, for every app's tests.
pytest_plugins = ["accounts_fixtures", "database_setup", "monitoring_fixtures"]

# Fixtures that commit, so the test database is flushed after the test.
FLUSHING_FIXTURES = {"transactional_db", "live_server", "migrated_db", "module_live_server"}
# The modules whose tests use the shared demo, and the demo itself.
DEMO_MODULES = pytest.StashKey[set]()
SHARED_DEMO = pytest.StashKey["SharedDemo"]()
# Whether the test being set up flushes the database.
FLUSHING_TEST = pytest.StashKey[bool]()
# The page tree of the module being run, if it is marked `page_tree_once`.
OPEN_TREE = pytest.StashKey["ModuleTree"]()


def pytest_configure(config):
    """pytest-xdist hands out the groups in the order below, not reordered by size."""
    config.option.loadscopereorder = False


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Group and order the tests for pytest-xdist (`make test`: `--dist loadgroup`). A module's
    tests form a group (one per parameter of a module-scoped fixture: the planted country's
    two seeds are built on both workers at once), so its module-scoped setup is built once on
    one worker; the longest groups come first (their seconds in tests/group_seconds.txt, the
    others estimated from their number of tests), so the workers end together. A module's tests
    that flush the database form a group of their own, and these groups come last: no test that
    expects the migrations' rows runs on a worker after a flush, and the flushing modules still
    spread over the workers. The modules that use the demo form one group, so they share one
    load (`shared_demo`).

    The groups are marked before the other plugins' hooks run, because pytest-xdist reads the
    marks in its own (marked later, every test is a group of its own and a module's setup is
    built on both workers); they are ordered after them, once pytest has ordered the tests by
    their fixtures' parameters."""
    demo_modules = {item.module for item in items if "demo" in getattr(item, "fixturenames", ())}
    config.stash[DEMO_MODULES] = demo_modules
    groups = {}
    for item in items:
        flushes = flushes_database(item)
        in_demo = getattr(item, "module", None) in demo_modules
        module = "demo" if in_demo else module_group(item)
        groups[id(item)] = (flushes, module)
        item.add_marker(pytest.mark.xdist_group(group_name(flushes, module)))
    result = yield
    members = {}
    for item in items:
        members.setdefault(groups[id(item)], []).append(item)
    seconds = group_seconds.read()
    order = sorted(
        members,
        key=lambda group: (
            group[0],
            -group_seconds.estimate(seconds, group_name(*group), len(members[group])),
        ),
    )
    items[:] = [item for group in order for item in members[group]]
    return result


def group_name(flushes, module):
    return f"flushing {module}" if flushes else module


def flushes_database(item):
    marker = item.get_closest_marker("django_db")
    return bool(
        (marker is not None and marker.kwargs.get("transaction"))
        or FLUSHING_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def module_group(item):
    """The test's module, with the parameters of its module-scoped fixtures: a module built once
    per parameter (the planted country of each seed) spreads its builds over the workers."""
    module = item.nodeid.split("::")[0]
    callspec = getattr(item, "callspec", None)
    if callspec is None:
        return module
    definitions = item._fixtureinfo.name2fixturedefs
    params = [
        f"{name}={callspec.params[name]}"
        for name in sorted(callspec.params)
        if name in definitions and definitions[name][-1].scope == "module"
    ]
    return " ".join([module, *params])


class SharedDemo:
    """The demo, loaded twice the way tests load it, once for all the modules that use it (they
    run one after another, see `pytest_collection_modifyitems`), inside a transaction rolled
    back after the last of them. `counts` holds each module's `demo_counts()` after the first
    load."""

    def __init__(self, django_db_blocker, tmp_path_factory):
        self.django_db_blocker = django_db_blocker
        self.tmp_path_factory = tmp_path_factory
        self.loaded = None
        self.counts = {}

    def load(self, modules):
        if self.loaded is not None:
            return
        with contextlib.ExitStack() as stack:  # closed at once if a load fails
            stack.enter_context(self.django_db_blocker.unblock())
            stack.enter_context(
                override_settings(
                    MEDIA_ROOT=self.tmp_path_factory.mktemp("media"),
                    NETWORK_FILES_ROOT=self.tmp_path_factory.mktemp("network-files"),
                )
            )
            stack.enter_context(transaction.atomic())
            call_command("load_demo", without_key_figures=True, stdout=io.StringIO())
            self.counts = {
                module: module.demo_counts() for module in modules if hasattr(module, "demo_counts")
            }
            call_command("load_demo", without_key_figures=True, stdout=io.StringIO())
            self.loaded = stack.pop_all()

    def unload(self):
        if self.loaded is None:
            return
        transaction.set_rollback(True)
        self.loaded.close()
        self.loaded = None


@pytest.fixture(scope="session")
def shared_demo(django_db_setup, django_db_blocker, tmp_path_factory, request):
    demo = request.config.stash[SHARED_DEMO] = SharedDemo(django_db_blocker, tmp_path_factory)
    yield demo
    demo.unload()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Roll a module's page tree back once the next test is in another module or flushes the
    database, and the shared demo once the next test is not in a module that uses it (after the
    test's own fixtures are gone; at the end of the session `shared_demo` does)."""
    yield
    tree = item.config.stash.get(OPEN_TREE, None)
    module = getattr(item, "module", None)
    if tree and (
        nextitem is None
        or getattr(nextitem, "module", None) is not module
        or flushes_database(nextitem)
    ):
        tree.close()
    demo = item.config.stash.get(SHARED_DEMO, None)
    if (
        demo
        and nextitem
        and getattr(nextitem, "module", None) not in item.config.stash[DEMO_MODULES]
    ):
        demo.unload()


@pytest.fixture(scope="module")
def demo(shared_demo, request):
    """The demo, loaded (twice) and rolled back after the modules that use it."""
    shared_demo.load(request.config.stash[DEMO_MODULES])
    return shared_demo


@pytest.fixture(scope="module")
def first_load(demo, request):
    """The module's `demo_counts()` after the demo's first load (it is loaded twice)."""
    return demo.counts[request.module]


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """One transaction for the module's data, rolled back when its tests are done; each test's
    own transaction is a savepoint inside it (its tests must not commit)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def empty_cache():
    """The local-memory cache outlives the database rollback; start every test without it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def migrated_db(transactional_db):
    """Live-server tests end with a flush; put back the rows the data migrations installed.

    (serialized_rollback does not help: under Playwright's event loop the ORM hands out another
    connection object, without the contents serialized at setup.)
    """
    install_migration_rows()


@pytest.fixture
def publish_page(db):
    """`publish_page(parent, page, live=True)`: add a page of any type (events, say) and publish it."""
    return publish_child


@pytest.fixture
def make_private(db):
    """Restrict a page (and its subtree) to logged-in users."""
    return restrict_to_logged_in


class ModuleTree:
    """A module's home page and index pages (`page_tree_once`), built in a transaction that
    stays open, its tests' own transactions nested in it, until the next test is in another
    module or flushes the database (`pytest_runtest_teardown`); then rolled back."""

    def __init__(self, django_db_blocker, indexes):
        with contextlib.ExitStack() as stack:  # closed at once if building fails
            stack.enter_context(django_db_blocker.unblock())
            stack.enter_context(transaction.atomic())
            built = make_home()
            self.pages = {
                "home": built,
                **{name: getattr(page_tree, name)(built) for name in indexes},
            }
            self.opened = stack.pop_all()

    def get(self, name):
        """The page `name` fetched anew (no test sees another's changes to it), or None."""
        if self.opened is None or name not in self.pages:
            return None
        return type(self.pages[name]).objects.get(pk=self.pages[name].pk)

    def close(self):
        if self.opened is None:
            return
        transaction.set_rollback(True)
        self.opened.close()
        self.opened = None


@pytest.fixture(scope="module")
def module_page_tree(request, django_db_setup, django_db_blocker):
    """In a module marked `page_tree_once(*indexes)` (`"guidance_index"`, …), its `ModuleTree`;
    None elsewhere, and when its first test flushes the database."""
    marker = request.node.get_closest_marker("page_tree_once")
    if marker is None or request.config.stash.get(FLUSHING_TEST, False):
        yield None
        return
    tree = request.config.stash[OPEN_TREE] = ModuleTree(django_db_blocker, marker.args)
    yield tree
    tree.close()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Note whether the test about to be set up flushes the database (`module_page_tree`)."""
    item.config.stash[FLUSHING_TEST] = flushes_database(item)


def from_tree(tree, name):
    return tree.get(name) if tree is not None else None


@pytest.fixture
def home(db, module_page_tree):
    """The home page as the root of the default site, replacing Wagtail's welcome page."""
    return from_tree(module_page_tree, "home") or make_home()


@pytest.fixture
def guidance_index(home, module_page_tree):
    return from_tree(module_page_tree, "guidance_index") or page_tree.guidance_index(home)


@pytest.fixture
def news_index(home, module_page_tree):
    return from_tree(module_page_tree, "news_index") or page_tree.news_index(home)


@pytest.fixture
def publication_index(home, module_page_tree):
    return from_tree(module_page_tree, "publication_index") or page_tree.publication_index(home)


@pytest.fixture
def event_index(home, module_page_tree):
    return from_tree(module_page_tree, "event_index") or page_tree.event_index(home)


@pytest.fixture
def make_event(event_index):
    return functools.partial(page_tree.make_event, event_index)


@pytest.fixture
def topic(db):
    """A topic installed by the data migration."""
    return Topic.objects.get(slug="styringsdialog")


@pytest.fixture
def other_topic(db):
    return Topic.objects.get(slug="oekonomi")


@pytest.fixture
def make_guidance_page(guidance_index):
    return functools.partial(page_tree.make_guidance_page, guidance_index)


@pytest.fixture
def make_news_page(news_index):
    return functools.partial(page_tree.make_news_page, news_index)


@pytest.fixture
def make_document(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return page_tree.make_document


@pytest.fixture
def make_publication_page(publication_index, make_document):
    return functools.partial(page_tree.make_publication_page, publication_index)


@pytest.fixture
def full_guidance_body(make_guidance_page, make_document):
    """A factory of guidance bodies with every design-system block a guidance page can hold."""
    return page_tree.full_guidance_body
