"""Rebuild the search index and the vocabulary of "Mente du"; no cached answer outlives it."""

from django.core.management import BaseCommand, call_command

from portal.search import autoindex
from portal.search.generation import bump_search_generation


class Command(BaseCommand):
    help = "Genopbygger søgeindekset og ordforrådet til “Mente du”."

    def handle(self, *args, **options):
        call_command("update_index", stdout=self.stdout, verbosity=options["verbosity"])
        autoindex.rebuild_vocabulary()
        bump_search_generation()
