"""The load test's journeys, run by locust (`locust -f bench/loadtest_journeys.py`).

Readers think between clicks (1–5 s), as people do. Anonymous readers read and search; members
read the network, start threads and reply, register for its meeting and a conference and cancel
some of those; caseworkers open the dashboard, their organisations and flags, export, and follow
flags up; an editor imports a year's key figures; anonymous visitors sign up. A few users only
ask for hello world, the yardstick of the run.

Every write carries a marker of its own. When the portal acknowledges it (the redirect of a
successful form), the marker is appended to the acknowledgement file, which bench/loadtest.py
compares with the database afterwards. A write that gets no answer or an error is sent again
once, unchanged, as a person would press the button again.

Configuration: LOADTEST_CONFIG (JSON written by bench/loadtest_data.py) and LOADTEST_ACKS.
"""

import collections
import itertools
import json
import os
import random
import re
import time
import uuid
from pathlib import Path

from locust import HttpUser, between, task

CONFIG = json.loads(Path(os.environ["LOADTEST_CONFIG"]).read_text())
ACKS = Path(os.environ["LOADTEST_ACKS"])
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RETRY_SECONDS = 2
# The share of acknowledged registrations a member cancels later.
CANCEL_SHARE = 1 / 3
# Each pool's accounts are handed out in turn, a counter per pool.
_turns = collections.defaultdict(itertools.count)


def acknowledge(kind, **fields):
    with ACKS.open("a") as acks:
        acks.write(json.dumps({"kind": kind, **fields}) + "\n")


class Visitor(HttpUser):
    abstract = True
    wait_time = between(1, 5)

    def csrf(self, url, name):
        """The form page's CSRF token (the response also sets the cookie)."""
        with self.client.get(url, name=name, catch_response=True) as response:
            match = CSRF_INPUT.search(response.text or "")
            if match is None:
                response.failure("no CSRF token on the form page")
                return None
            return match.group(1)

    def submit(self, url, data, name, *, accepted, form_url=None, files=None):
        """POST a form; True once the portal acknowledged it. `accepted(response)` tells an
        acknowledgement from a refusal; a failed attempt is repeated once, unchanged."""
        for attempt in (1, 2):
            token = self.csrf(form_url or url, f"{name} (form)")
            if token is not None:
                with self.client.post(
                    url,
                    data={**data, "csrfmiddlewaretoken": token},
                    files=files() if files else None,
                    headers={"Referer": self.host + (form_url or url)},
                    name=name,
                    allow_redirects=False,
                    catch_response=True,
                ) as response:
                    if accepted(response):
                        return True
                    response.failure(f"not acknowledged: {response.status_code}")
            if attempt == 1:
                time.sleep(RETRY_SECONDS)
        return False


class SignedIn(Visitor):
    abstract = True
    pool = None
    # Whether two simulated users may share an account. Members may not: the journeys keep
    # each member's registrations in the simulated user, and the ledger counts one row per
    # member and event.
    shares_accounts = True

    def on_start(self):
        people = CONFIG[self.pool]
        turn = next(_turns[self.pool])
        if turn >= len(people) and not self.shares_accounts:
            raise RuntimeError(f"more simulated users than accounts in {self.pool!r}")
        self.person = people[turn % len(people)]
        self.client.cookies.set(CONFIG["session_cookie"], self.person["session"])


def redirected(response, *, to=""):
    return response.status_code == 302 and to in response.headers.get("Location", "")


class HelloWorld(Visitor):
    """The yardstick: Django's hello world through the whole middleware, in the same run."""

    weight = 1

    @task
    def hello(self):
        self.client.get("/bench/hello/", name="Hello world")


class AnonymousReader(Visitor):
    weight = 4

    @task(3)
    def guidance(self):
        self.client.get(random.choice(CONFIG["pages"]["guidance"]), name="Guidance page")

    @task(2)
    def home(self):
        self.client.get("/", name="Home")

    @task
    def topic(self):
        self.client.get(random.choice(CONFIG["pages"]["topics"]), name="Topic page")

    @task
    def news(self):
        self.client.get(random.choice(CONFIG["pages"]["news"]), name="News item")

    @task(2)
    def search(self):
        query = random.choice(CONFIG["searches"])
        self.client.get(f"/soeg/?q={query}", name="Search")


class Newcomer(Visitor):
    """Signs up once (a registration the portal must keep), then reads as anonymous."""

    weight = 1

    def on_start(self):
        email = f"belastning-ny-{uuid.uuid4().hex[:12]}@example.org"
        password = "Ny-bruger-hest-batteri-7"
        form = {"email": email, "password1": password, "password2": password}
        if self.submit(
            "/konto/signup/",
            form,
            "Sign-up (POST)",
            accepted=lambda r: redirected(r, to="/konto/confirm-email/"),
        ):
            acknowledge("signup", email=email)

    @task
    def home(self):
        self.client.get("/", name="Home")


class Member(SignedIn):
    weight = 3
    pool = "members"
    shares_accounts = False

    def on_start(self):
        super().on_start()
        # Event URL → "registered", "cancelling" (sent, not yet acknowledged) or "cancelled".
        self.registrations = {}
        self.to_cancel = set()

    @task(2)
    def networks(self):
        self.client.get("/netvaerk/", name="Networks")

    @task(2)
    def group(self):
        self.client.get(CONFIG["network"], name="Group page")

    @task(4)
    def thread(self):
        self.client.get(random.choice(CONFIG["threads"]), name="Thread")

    @task
    def reply(self):
        thread = random.choice(CONFIG["threads"])
        token = str(uuid.uuid4())
        form = {"body": f"Belastningstest: svar {token}.", "token": token}
        if self.submit(
            thread + "svar/",
            form,
            "Reply (POST)",
            form_url=thread,
            accepted=lambda r: redirected(r, to="#svar-"),
        ):
            acknowledge("reply", token=token)

    @task
    def start_thread(self):
        token = str(uuid.uuid4())
        form = {
            "title": f"Belastningstest {token[:8]}",
            "body": f"Belastningstest: tråd {token}.",
            "token": token,
        }
        if self.submit(
            CONFIG["network"] + "traad/ny/",
            form,
            "New thread (POST)",
            accepted=lambda r: (
                redirected(r, to=CONFIG["network"] + "traad/")
                and not r.headers["Location"].endswith("/ny/")
            ),
        ):
            acknowledge("thread", token=token)

    @task
    def register(self):
        """Register for an event not registered for yet; one registration in three is to be
        cancelled later. A cancelled one is never registered again, so each member has at most
        one registration row per event."""
        coming = [e for e in CONFIG["events"] if e["url"] not in self.registrations]
        if not coming:
            return self.thread()
        event = random.choice(coming)
        if self.submit(
            event["register"],
            event["answers"],
            f"{event['name']} registration (POST)",
            form_url=event["url"],
            accepted=lambda r: self.event_page_shows(r, event, "cancel"),
        ):
            self.registrations[event["url"]] = "registered"
            if random.random() < CANCEL_SHARE:
                self.to_cancel.add(event["url"])
            acknowledge("registration", **self.registration_fields(event))

    @task
    def cancel(self):
        """Cancel a registration marked for it, again later until the portal has acknowledged
        it once; the ledger is told before the first try, as the row may change without an
        answer."""
        pending = [e for e in CONFIG["events"] if e["url"] in self.to_cancel]
        if not pending:
            return self.thread()
        event = pending[0]
        if self.registrations[event["url"]] == "registered":
            self.registrations[event["url"]] = "cancelling"
            acknowledge("cancel_sent", **self.registration_fields(event))
        if self.submit(
            event["cancel"],
            {},
            f"{event['name']} cancellation (POST)",
            form_url=event["url"],
            accepted=lambda r: self.event_page_shows(r, event, "register"),
        ):
            self.registrations[event["url"]] = "cancelled"
            self.to_cancel.discard(event["url"])
            acknowledge("cancellation", **self.registration_fields(event))

    def registration_fields(self, event):
        return {
            "email": self.person["email"],
            "model": event["model"],
            "event": event["id"],
            "title": event["title"],
        }

    def event_page_shows(self, response, event, form):
        """Both POSTs redirect to the event's page whatever happened; the page then offers the
        member the form to cancel (registered: a seat or a place on the waiting list) or to
        register (not registered), whether this try made it or an earlier one whose answer was
        lost."""
        if response.status_code != 302:
            return False
        page = self.client.get(response.headers["Location"], name=f"{event['name']} page")
        return page.status_code == 200 and f'action="{event[form]}"' in page.text


class Caseworker(SignedIn):
    weight = 2
    pool = "caseworkers"

    @task(3)
    def dashboard(self):
        self.client.get("/monitorering/", name="Dashboard")

    @task(3)
    def organisation(self):
        self.client.get(random.choice(CONFIG["organisations"]), name="Organisation page")

    @task(2)
    def flag(self):
        self.client.get(f"/monitorering/flag/{random.choice(CONFIG['flags'])}/", name="Flag page")

    @task
    def export_csv(self):
        self.client.get("/monitorering/eksport.csv", name="Dashboard export (CSV)")

    @task
    def export_xlsx(self):
        self.client.get(
            random.choice(CONFIG["organisations"]) + "rapport.xlsx",
            name="Organisation export (XLSX)",
        )

    @task
    def follow_up(self):
        url = f"/monitorering/flag/{random.choice(CONFIG['flags'])}/"
        marker = str(uuid.uuid4())
        form = {
            "status": "in_progress",
            "assigned_to": "",
            "note": f"Belastningstest {marker}",
            "token": marker,
        }
        if self.submit(url, form, "Follow-up (POST)", accepted=lambda r: redirected(r, to=url)):
            acknowledge("follow_up", marker=marker)


class Editor(Visitor):
    """Imports the last year's key figures again every minute or two, as a corrected file."""

    fixed_count = 1
    wait_time = between(60, 120)

    def on_start(self):
        self.person = CONFIG["editor"]
        self.client.cookies.set(CONFIG["session_cookie"], self.person["session"])
        self.content = Path(CONFIG["import_file"]).read_bytes()

    @task
    def import_key_figures(self):
        marker = uuid.uuid4().hex
        name = f"noegletal-{CONFIG['import_year']}-{marker}.csv"
        if self.submit(
            "/admin/nogletal/import/",
            {"kind": "key_figures", "year": CONFIG["import_year"], "token": marker},
            "Key-figure import (POST)",
            files=lambda: {"key_figures": (name, self.content, "text/csv")},
            accepted=lambda r: redirected(r, to="/admin/nogletal/import/"),
        ):
            acknowledge("import", marker=marker)
