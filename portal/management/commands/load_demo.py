from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from guidance import demo as guidance_demo
from monitoring import demo as monitoring_demo
from network import demo as network_demo
from portal import demo as portal_demo
from portal.search import autoindex


class Command(BaseCommand):
    help = (
        "Loads the demo portal: pages, conferences, news, networks and users of every role "
        "(idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-key-figures",
            action="store_true",
            help="Skip generating, importing and evaluating the synthetic key figures.",
        )

    def handle(self, *args, without_key_figures=False, **options):
        with transaction.atomic(), autoindex.saves_not_indexed():
            home = portal_demo.home_page()
            logins = portal_demo.load_users()
            guidance_demo.load(home)
            network_demo.load()
        if not without_key_figures:
            self.stdout.write("Nøgletal (syntetiske) indlæses og vurderes …")
            monitoring_demo.load(log=self.stdout.write)
        # The pages were saved unindexed, the networks and organisations written in bulk.
        call_command("search_reindex", verbosity=0, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo-indholdet er indlæst."))
        self.stdout.write(f"Demo-log-ins (adgangskode for alle: {portal_demo.DEMO_PASSWORD}).")
        self.stdout.write(
            "KUN TIL DEMO: roller med totrinsbekræftelse har en fast TOTP-nøgle; læg den i en "
            "godkender-app (eller beregn koden med `oathtool --totp -b NØGLE`)."
        )
        for role, email, secret in logins:
            self.stdout.write(f"  {role:<38} {email:<28} {secret}")
