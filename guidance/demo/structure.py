"""The sections of the demo portal under the home page."""

from dataclasses import dataclass

from guidance.models import EventIndexPage, GuidanceIndexPage, NewsIndexPage, PublicationIndexPage
from portal.demo import child


@dataclass
class Sections:
    guidance: GuidanceIndexPage
    news: NewsIndexPage
    publications: PublicationIndexPage
    events: EventIndexPage


def load_structure(home):
    return Sections(
        guidance=child(
            home,
            GuidanceIndexPage,
            "vejledning",
            title="Vejledning",
            show_in_menus=True,
            summary="Vejledning til kommunernes tilsyn med de almene boligorganisationer, "
            "ordnet efter emne.",
        ),
        news=child(
            home,
            NewsIndexPage,
            "nyheder",
            title="Nyheder",
            show_in_menus=True,
            summary="Nyt fra Bolig- og Planstyrelsen om det kommunale tilsyn.",
        ),
        publications=child(
            home,
            PublicationIndexPage,
            "analyser-og-rapporter",
            title="Analyser og rapporter",
            show_in_menus=True,
            summary="Styrelsens analyser, rapporter og evalueringer om tilsynet.",
        ),
        events=child(
            home,
            EventIndexPage,
            "arrangementer",
            title="Konferencer og arrangementer",
            show_in_menus=True,
            summary="Tilsynskonferencer og netværksdage for kommunernes tilsynsmedarbejdere.",
        ),
    )
