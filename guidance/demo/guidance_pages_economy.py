"""Guidance on the organisation's economy, accounts and audit, and estates in difficulty."""

import datetime

from .blocks import (
    almenboligloven,
    attention,
    checklist,
    driftsbekendtgoerelsen,
    good_practice,
    heading,
    info,
    table,
    text,
)

DATA = "Center for Bolig, Økonomi og data"
TEAM = "Center for Bolig, Tilsynsteamet"


def pages():
    return [
        {
            "slug": "dispositionsfonden",
            "title": "Dispositionsfonden",
            "summary": "Boligorganisationens solidariske fond: hvad den betaler, og hvornår "
            "tilsynet skal reagere på en lav fond.",
            "topics": ["oekonomi"],
            "reviewed": datetime.date(2026, 2, 17),
            "owner": DATA,
            "body": [
                text(
                    "Dispositionsfonden tilføres bidrag fra afdelingerne og bruges blandt andet "
                    "til at dække afdelingernes tab ved lejeledighed og større tab ved "
                    "fraflytninger. Fonden består af en disponibel del, som er likvid, og en "
                    "bunden del, som for eksempel er udlånt til afdelingerne."
                ),
                table(
                    "Pligtigt bidrag og grænseværdi (kr. pr. lejemålsenhed)",
                    ["År", "Årligt bidrag", "Grænseværdi"],
                    ["2013", "544", "5.434"],
                    ["2015", "558", "5.572"],
                    ["2019", "571", "5.700"],
                ),
                almenboligloven(
                    "§ 20, stk. 2 og 4",
                    "Fonden dækker afdelingernes tab ved lejeledighed. Er fonden under "
                    "minimum, kan kommunen lade en afdeling bære sit eget tab.",
                ),
                driftsbekendtgoerelsen(
                    "Reglerne om dispositionsfonden",
                    "Satserne reguleres hvert år med nettoprisindekset.",
                ),
                attention(
                    "En negativ disponibel dispositionsfond betyder, at organisationen har "
                    "brugt flere midler, end den har. Det er et alvorligt signal, som tilsynet "
                    "skal følge op på straks."
                ),
            ],
            "related": ["arbejdskapitalen", "tomgang-og-lejetab", "kommunens-handlepligt"],
        },
        {
            "slug": "arbejdskapitalen",
            "title": "Arbejdskapitalen",
            "summary": "Arbejdskapitalen er organisationens buffer til uforudsete udgifter.",
            "topics": ["oekonomi"],
            "reviewed": datetime.date(2025, 1, 14),
            "owner": DATA,
            "body": [
                text(
                    "Arbejdskapitalen dannes af overskud og bidrag fra afdelingerne. Den skal "
                    "sikre, at organisationen kan betale sine regninger, også når der opstår "
                    "uforudsete udgifter."
                ),
                driftsbekendtgoerelsen(
                    "§ 38, stk. 1",
                    "Loft over det årlige bidrag til arbejdskapitalen (165 kr. pr. "
                    "lejemålsenhed i 2021) og over arbejdskapitalens størrelse.",
                ),
                info(
                    "Paragrafnumrene i driftsbekendtgørelsen har ændret sig mellem versionerne. "
                    "Tjek altid den gældende bekendtgørelse på Retsinformation."
                ),
            ],
            "related": ["dispositionsfonden"],
        },
        {
            "slug": "afdelingens-budget-og-husleje",
            "title": "Afdelingens budget og huslejen",
            "summary": "Huslejen i en almen afdeling skal dække udgifterne – hverken mere eller "
            "mindre.",
            "topics": ["oekonomi"],
            "reviewed": datetime.date(2026, 4, 22),
            "owner": DATA,
            "body": [
                text(
                    "Hver afdeling er en økonomisk selvstændig enhed med sit eget budget, der "
                    "skal balancere. Huslejen fastsættes, så den dækker afdelingens udgifter "
                    "(balanceleje). Et overskud i én afdeling kan ikke bruges til at dække et "
                    "underskud i en anden."
                ),
                heading("Underskud i afdelingen"),
                text(
                    "Et underskud skal som udgangspunkt afvikles over de følgende års budgetter. "
                    "Et opsamlet underskud, der vokser, er et tegn på, at huslejen ikke dækker "
                    "udgifterne, eller at der er ekstraordinære tab."
                ),
                checklist(
                    "Spørg til budgettet",
                    "Balancerer budgettet uden urealistiske forudsætninger?",
                    "Er der afsat tilstrækkeligt til planlagt vedligeholdelse?",
                    "Hvor stor er huslejestigningen, og hvordan er den forklaret for beboerne?",
                ),
            ],
            "related": [
                "vedligeholdelsesplaner-og-henlaeggelser",
                "tidlige-tegn-paa-oekonomiske-vanskeligheder",
            ],
        },
        {
            "slug": "regnskabsfrister-og-indberetning",
            "title": "Regnskabsfrister og indberetning",
            "summary": "Regnskabet skal være indberettet til Landsbyggefonden senest fem måneder "
            "efter regnskabsårets udløb.",
            "topics": ["regnskab-og-revision"],
            "reviewed": datetime.date(2026, 8, 3),
            "owner": DATA,
            "body": [
                table(
                    "Frister for et kalenderregnskabsår",
                    ["Frist", "Hvad"],
                    ["31. maj", "Regnskab indberettet til Landsbyggefonden (BORIS)"],
                    ["30. juni", "Styrelsen sender påmindelse om manglende regnskaber"],
                    ["Juni–august", "Regnskab og dokumentationspakke i Almenstyringsdialog.dk"],
                ),
                text(
                    "Tilsynet godkender eller tager regnskabet til efterretning og behandler det "
                    "som grundlag for styringsdialogen. Et regnskab, der kommer for sent, "
                    "forsinker hele forløbet."
                ),
                attention(
                    "Et regnskab, der mangler ved årets udgang, giver et rødt flag i "
                    "monitoreringen. Kontakt boligorganisationen, så snart fristen er "
                    "overskredet."
                ),
            ],
            "related": ["revisionsprotokollen", "styringsdialogens-aarshjul"],
        },
        {
            "slug": "revisionsprotokollen",
            "title": "Sådan læser du revisionsprotokollen",
            "summary": "Revisionsprotokollen er revisors beretning til bestyrelsen – og en af "
            "tilsynets vigtigste kilder.",
            "topics": ["regnskab-og-revision"],
            "reviewed": datetime.date(2025, 3, 10),
            "owner": DATA,
            "body": [
                text(
                    "Revisionsprotokollen beskriver revisors arbejde og de forhold, revisor har "
                    "bemærket. Den er skrevet til bestyrelsen, men tilsynet skal læse den med "
                    "samme opmærksomhed."
                ),
                heading("Når du læser protokollen"),
                checklist(
                    "Kig efter",
                    "Væsentlige bemærkninger om forvaltning og interne kontroller.",
                    "Bemærkninger, der også stod i sidste års protokol.",
                    "Forhold om it-sikkerhed og adgang til bankkonti.",
                    "Revisors vurdering af sparsommelighed og effektivitet.",
                ),
                good_practice(
                    "Bed boligorganisationen om et skriftligt svar på væsentlige bemærkninger "
                    "før styringsdialogmødet."
                ),
            ],
            "related": ["revisors-forbehold", "regnskabsfrister-og-indberetning"],
        },
        {
            "slug": "revisors-forbehold",
            "title": "Når revisor tager forbehold",
            "summary": "Et forbehold i revisors påtegning kræver altid opfølgning fra tilsynet.",
            "topics": ["regnskab-og-revision", "handlepligt-og-sanktioner"],
            "reviewed": datetime.date(2026, 10, 1),
            "owner": TEAM,
            "body": [
                text(
                    "Revisor tager forbehold, når revisor ikke kan bekræfte, at regnskabet giver "
                    "et retvisende billede – for eksempel fordi dokumentation mangler. Hvert år "
                    "sker det for 1–2 % af boligorganisationerne."
                ),
                attention(
                    "Et forbehold betyder, at tilsynet ikke kan lægge regnskabet uden videre "
                    "til grund. Tilsynet skal undersøge årsagen og følge op, indtil forholdet "
                    "er rettet.",
                    heading="Vær opmærksom på",
                ),
                heading("Tilsynets opfølgning"),
                checklist(
                    "Opfølgning",
                    "Indhent bestyrelsens redegørelse for forbeholdet.",
                    "Aftal en plan og en frist for at rette forholdet.",
                    "Vurdér, om forholdet er så alvorligt, at handlepligten er udløst.",
                ),
            ],
            "related": ["revisionsprotokollen", "kommunens-handlepligt"],
        },
        {
            "slug": "tidlige-tegn-paa-oekonomiske-vanskeligheder",
            "title": "Tidlige tegn på økonomiske vanskeligheder",
            "summary": "De fleste afdelinger i vanskeligheder har vist tegn i flere år, før "
            "problemet blev akut.",
            "topics": ["afdelinger-i-oekonomiske-vanskeligheder", "data-og-noegletal"],
            "reviewed": datetime.date(2024, 6, 18),
            "owner": DATA,
            "body": [
                text(
                    "Økonomiske vanskeligheder opstår sjældent fra det ene år til det andet. "
                    "Stigende tomgang, høj fraflytning, voksende restancer og et opsamlet "
                    "underskud følges ofte ad."
                ),
                heading("Tegn på vanskeligheder"),
                checklist(
                    "Tegn at holde øje med",
                    "Tab ved lejeledighed, der stiger flere år i træk.",
                    "Fraflytningsprocent væsentligt over sammenlignelige afdelinger.",
                    "Opsamlet underskud, der vokser.",
                    "Lave henlæggelser til planlagt vedligeholdelse.",
                    "Husleje pr. m² langt over områdets øvrige almene boliger.",
                ),
                info(
                    "Monitoreringen kombinerer flere af disse tegn og viser udviklingen over ti "
                    "år for hver afdeling."
                ),
            ],
            "related": ["saerlig-driftsstoette", "tomgang-og-lejetab", "noegletal-og-flag"],
        },
        {
            "slug": "saerlig-driftsstoette",
            "title": "Særlig driftsstøtte fra Landsbyggefonden",
            "summary": "Afdelinger i alvorlige økonomiske vanskeligheder kan få støtte fra "
            "Landsdispositionsfonden – kommunen er med i finansieringen.",
            "topics": ["afdelinger-i-oekonomiske-vanskeligheder"],
            "reviewed": datetime.date(2025, 10, 30),
            "owner": DATA,
            "body": [
                text(
                    "Landsbyggefonden kan yde særlig driftsstøtte til afdelinger, der ikke kan "
                    "klare sig selv, selv om organisationen har gjort, hvad den kan. Støtten "
                    "forudsætter typisk, at boligorganisationen, kommunen og kreditorerne "
                    "bidrager i en samlet løsning."
                ),
                almenboligloven(
                    "§§ 96 a og 96 d",
                    "Grundlaget for Landsbyggefondens særlige støtte til afdelinger i "
                    "økonomiske vanskeligheder.",
                ),
                heading("Hvad fonden lægger vægt på"),
                text(
                    "Landsbyggefonden vurderer blandt andet sociale problemer, tomgang, "
                    "fraflytning, huslejeniveau, underskud, vedligeholdelsesstand, "
                    "boligsammensætning, størrelse og kriminalitet."
                ),
                attention(
                    "Ansøgningen går gennem beliggenhedskommunen, som også skal bidrage. "
                    "Inddrag den i god tid, hvis den ikke er tilsynskommune."
                ),
            ],
            "related": [
                "tidlige-tegn-paa-oekonomiske-vanskeligheder",
                "tilsynskommune-og-beliggenhedskommune",
            ],
        },
    ]
