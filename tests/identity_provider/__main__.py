"""`python -m tests.identity_provider PORT`: set up the provider's database, then serve it until
stopped, or until the test run that started it is gone."""

import os
import sys
import threading
import time

import django
from django.core.management import call_command


def set_up():
    from django.conf import settings
    from django.contrib.auth.models import User
    from oidc_provider.models import Client, ResponseType

    from .people import CLIENT_ID, CLIENT_SECRET, PASSWORD, PEOPLE

    call_command("migrate", verbosity=0)
    call_command("creatersakey")
    client = Client.objects.create(
        name="Tilsynsportalen",
        client_type="confidential",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        jwt_alg="RS256",
        # The person is asked every time, as by many municipal providers; the outage test
        # stops the provider between that answer and the portal's token request.
        require_consent=True,
        reuse_consent=False,
        redirect_uris=[settings.PORTAL_REDIRECT_URI],
    )
    client.response_types.add(ResponseType.objects.get(value="code"))
    for username, person in PEOPLE.items():
        User.objects.create_user(username, person["email"], PASSWORD)


def exit_with_parent():
    """A test run killed outright cannot stop the provider: it stops itself."""
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


if __name__ == "__main__":
    exit_with_parent()
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.identity_provider.settings"
    django.setup()
    set_up()
    call_command("runserver", f"127.0.0.1:{sys.argv[1]}", use_reloader=False, skip_checks=True)
