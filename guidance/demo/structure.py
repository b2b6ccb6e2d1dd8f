import datetime

from guidance.models import (
    GuidanceIndexPage,
    GuidancePage,
    NewsIndexPage,
    PublicationIndexPage,
    Topic,
)
from portal.demo import child, footer_pages


def load_structure(home):
    guidance = child(
        home,
        GuidanceIndexPage,
        "vejledning",
        title="Vejledning",
        show_in_menus=True,
        summary="Vejledning til kommunernes tilsyn, ordnet efter emne.",
    )
    child(home, NewsIndexPage, "nyheder", title="Nyheder", show_in_menus=True)
    child(
        home,
        PublicationIndexPage,
        "analyser-og-rapporter",
        title="Analyser og rapporter",
        show_in_menus=True,
    )
    page = child(
        guidance,
        GuidancePage,
        "styringsdialogens-aarshjul",
        title="Styringsdialogens årshjul",
        summary="Sådan planlægger tilsynet årets styringsdialog med boligorganisationen.",
        last_reviewed=datetime.date(2026, 3, 1),
        content_owner="Center for Bolig",
        body=[("paragraph", "<p>Styringsdialogen er et årligt møde om tilsynet.</p>")],
    )
    page.topics.add(Topic.objects.get(slug="styringsdialog"))
    page.save_revision().publish()
    footer_pages(
        home, [("paragraph", "<p>Tilgængelighed.</p>")], [("paragraph", "<p>Privatliv.</p>")]
    )
