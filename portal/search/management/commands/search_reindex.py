"""Rebuild the search index and the vocabulary of "Mente du"."""

from django.core.management import BaseCommand, call_command

from portal.search import autoindex


class Command(BaseCommand):
    help = "Genopbygger søgeindekset og ordforrådet til “Mente du”."

    def handle(self, *args, **options):
        call_command("update_index", stdout=self.stdout, verbosity=options["verbosity"])
        autoindex.rebuild_vocabulary()
