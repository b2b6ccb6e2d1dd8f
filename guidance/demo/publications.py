"""The 2021 analysis of municipal supervision and later reports, each with its PDF."""

import datetime

from guidance.models import PublicationAttachment, PublicationPage, Topic
from portal.demo import child

from .blocks import bullets, heading, text
from .documents import pdf_document

ANALYSIS_2021 = "analyse-af-tilsyn-med-almene-boligorganisationer"

# (slug, kind, date, title, summary, topic slugs, body, (document title, file name, lines))
PUBLICATIONS = [
    (
        ANALYSIS_2021,
        PublicationPage.Kind.ANALYSIS,
        datetime.date(2021, 3, 1),
        "Analyse af tilsyn med almene boligorganisationer",
        "Analysen fra 2021 under Grøn boligaftale 2020: modellen for tilsynet er grundlæggende "
        "hensigtsmæssig, men tilsynet skal styrkes på en række områder.",
        ["tilsynets-grundlag", "tilsynets-organisering"],
        [
            text(
                "Som en del af Grøn boligaftale 2020 blev der i 2021 udarbejdet en analyse af "
                "kommunernes tilsyn med de almene boligorganisationer.",
            ),
            heading("Hovedkonklusioner"),
            text(
                bullets(
                    "Den nuværende model for tilsynet er grundlæggende hensigtsmæssig.",
                    "Lovgivningen er dækkende, og beføjelserne er til stede.",
                    "Alle kommuner fører tilsyn, men der er behov for at styrke tilsynet på en "
                    "række områder.",
                )
            ),
            text(
                "På baggrund af analysen styrker Bolig- og Planstyrelsen sin understøttelse af "
                "kommunerne med vejledning, konferencer og netværk og et proaktivt sektortilsyn."
            ),
        ],
        (
            "Analyse af tilsyn med almene boligorganisationer (2021)",
            "analyse-af-tilsyn-med-almene-boligorganisationer-2021.pdf",
            [
                "Marts 2021",
                "Sammenfatning:",
                "Modellen for tilsynet med den almene sektor er grundlæggende hensigtsmæssig.",
                "Lovgivningen er dækkende, og beføjelserne er til stede.",
                "Tilsynet skal styrkes på en række områder.",
            ],
        ),
    ),
    (
        "status-paa-det-kommunale-tilsyn-2026",
        PublicationPage.Kind.REPORT,
        datetime.date(2026, 11, 3),
        "Status på det kommunale tilsyn 2026",
        "Opfølgning på analysen fra 2021: organisering, styringsdialog og brug af nøgletal i "
        "kommunerne.",
        ["tilsynets-organisering", "styringsdialog"],
        [
            text(
                "Rapporten bygger på en spørgeskemaundersøgelse blandt alle 98 kommuner og "
                "interview med tilsynsmedarbejdere i ti kommuner."
            ),
        ],
        (
            "Status på det kommunale tilsyn 2026",
            "status-paa-det-kommunale-tilsyn-2026.pdf",
            ["November 2026", "Opfølgning på analysen af tilsynet fra 2021."],
        ),
    ),
    (
        "evaluering-af-styringsdialogen",
        PublicationPage.Kind.EVALUATION,
        datetime.date(2025, 6, 16),
        "Evaluering af styringsdialogen",
        "Hvordan fungerer den årlige styringsdialog mellem kommuner og boligorganisationer?",
        ["styringsdialog"],
        [
            text(
                "Evalueringen viser, at styringsdialogen er bedst, når kommunen har udvalgt få "
                "temaer på forhånd, og når aftalerne har klare frister."
            ),
        ],
        (
            "Evaluering af styringsdialogen (2025)",
            "evaluering-af-styringsdialogen-2025.pdf",
            ["Juni 2025", "Evaluering af den årlige styringsdialog."],
        ),
    ),
]


def load_publications(index):
    for slug, kind, date, title, summary, topics, body, (
        doc_title,
        filename,
        lines,
    ) in PUBLICATIONS:
        document = pdf_document(doc_title, filename, lines)
        child(
            index,
            PublicationPage,
            slug,
            title=title,
            kind=kind,
            publication_date=date,
            summary=summary,
            topics=list(Topic.objects.filter(slug__in=topics)),
            body=body,
            attachments=[PublicationAttachment(document=document, title="Hent hele publikationen")],
        )
