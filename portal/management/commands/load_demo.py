from django.core.management.base import BaseCommand
from django.db import transaction

from guidance import demo as guidance_demo
from portal import demo as portal_demo


class Command(BaseCommand):
    help = "Loads the demo portal: pages, conferences, news and users of every role (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = portal_demo.home_page()
        logins = guidance_demo.load(home)
        self.stdout.write(self.style.SUCCESS("Demo-indholdet er indlæst."))
        self.stdout.write(f"Demo-log-ins (adgangskode for alle: {portal_demo.DEMO_PASSWORD}):")
        for role, email in logins:
            self.stdout.write(f"  {role:<28} {email}")
