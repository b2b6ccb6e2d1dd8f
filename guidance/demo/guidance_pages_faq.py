""" "Ofte stillede spørgsmål": one FAQ page per main topic, built from question-and-answer pairs."""

import datetime

from .blocks import faq, info, text

TEAM = "Center for Bolig, Tilsynsteamet"
DATA = "Center for Bolig, Økonomi og data"
JURA = "Center for Bolig, Jura"

# (topic slug, topic name in the title, owner, reviewed, related slugs, questions and answers)
FAQS = [
    (
        "styringsdialog",
        "styringsdialog",
        TEAM,
        datetime.date(2026, 8, 20),
        ["styringsdialogens-aarshjul", "forbered-styringsdialogmoedet"],
        [
            (
                "Skal vi holde et møde med alle boligorganisationer hvert år?",
                "Ja, som udgangspunkt. Kommunen kan med små organisationer aftale en skriftlig "
                "dialog i nogle år, men et fysisk møde bør holdes mindst hvert andet år og "
                "altid, når der er kritiske forhold.",
            ),
            (
                "Hvem skal deltage fra boligorganisationen?",
                "Typisk formanden for organisationsbestyrelsen og den administrerende direktør "
                "eller forretningsføreren. Aftal på forhånd, om afdelingsbestyrelser skal "
                "inviteres til dele af mødet.",
            ),
            (
                "Hvor skal referatet offentliggøres?",
                "Referatet offentliggøres på boligorganisationens og gerne også kommunens "
                "hjemmeside, og det indberettes i Almenstyringsdialog.dk.",
            ),
            (
                "Hvad gør vi, hvis dokumentationspakken ikke er klar?",
                "Kontakt boligorganisationen og Landsbyggefonden. Udskyd hellere mødet et par "
                "uger end at holde det uden regnskab.",
            ),
        ],
    ),
    (
        "oekonomi",
        "økonomi",
        DATA,
        datetime.date(2025, 7, 4),
        ["dispositionsfonden", "afdelingens-budget-og-husleje"],
        [
            (
                "Hvad er forskellen på den disponible og den bundne dispositionsfond?",
                "Den disponible del er likvide midler, som organisationen kan bruge. Den "
                "bundne del er for eksempel udlånt til afdelinger og kan ikke bruges lige nu.",
            ),
            (
                "Må en afdelings overskud bruges i en anden afdeling?",
                "Nej. Hver afdeling er økonomisk selvstændig. Solidariteten mellem afdelingerne "
                "går gennem dispositionsfonden.",
            ),
            (
                "Hvornår er en huslejestigning for stor?",
                "Der er ingen fast grænse; huslejen skal dække udgifterne. Store stigninger bør "
                "dog altid forklares, og tilsynet bør spørge, om de kunne være undgået.",
            ),
        ],
    ),
    (
        "beboerdemokrati",
        "beboerdemokrati",
        JURA,
        datetime.date(2026, 4, 9),
        ["beboerdemokratiets-organer", "konflikter-i-beboerdemokratiet"],
        [
            (
                "Kan tilsynet underkende et afdelingsmødes beslutning?",
                "Kun hvis beslutningen er ulovlig – for eksempel truffet uden for mødets "
                "kompetence eller på et møde, der ikke er indkaldt efter vedtægterne.",
            ),
            (
                "En beboer klager over afdelingsbestyrelsen. Hvad gør vi?",
                "Undersøg først, om boligorganisationen har behandlet sagen. Tilsynet går kun "
                "ind i sagen, hvis der kan være tale om en ulovlighed.",
            ),
            (
                "Må ansatte i kommunen sidde i en boligorganisations bestyrelse?",
                "Ja, men ikke de medarbejdere, der udøver tilsynet, eller formanden for det "
                "udvalg, tilsynet hører under.",
            ),
        ],
    ),
    (
        "handlepligt-og-sanktioner",
        "handlepligt og sanktioner",
        JURA,
        datetime.date(2024, 10, 14),
        ["kommunens-handlepligt", "reaktionstrappen"],
        [
            (
                "Hvornår er handlepligten udløst?",
                "Når kommunen får kendskab til forhold, der er ulovlige eller økonomisk "
                "uforsvarlige. Det gælder uanset, hvordan kommunen har fået kendskab til dem.",
            ),
            (
                "Skal vi altid give påbud?",
                "Nej. Kommunen vælger den reaktion, der står i forhold til problemet. I de "
                "fleste sager er dialog og en skriftlig aftale nok.",
            ),
            (
                "Kan boligorganisationen klage over et påbud?",
                "Ja. Afgørelsen skal indeholde klagevejledning.",
            ),
        ],
    ),
    (
        "data-og-noegletal",
        "nøgletal og monitorering",
        DATA,
        datetime.date(2026, 11, 2),
        ["noegletal-og-flag", "laes-styringsrapporten"],
        [
            (
                "Hvor kommer nøgletallene fra?",
                "Fra Landsbyggefondens regnskabsdata, lejeledighedsstatistik og stamdata samt "
                "styrelsens effektivitetstal.",
            ),
            (
                "Hvem kan se flagene for vores boligorganisationer?",
                "Tilsynsmedarbejdere i den kommune, der fører tilsyn med organisationen, og "
                "styrelsens analytikere. Nøgletallene er ikke offentlige på portalen.",
            ),
            (
                "Et flag er efter vores vurdering forkert. Hvad gør vi?",
                "Skriv en note på flaget med jeres vurdering. Skyldes det en fejl i data, så "
                "kontakt styrelsen, så reglen eller data kan rettes.",
            ),
            (
                "Hvornår opdateres tallene?",
                "Hovedkørslen sker i juli, når regnskaberne er modtaget, og derefter hver måned "
                "med de regnskaber, der kommer senere.",
            ),
        ],
    ),
]


def pages():
    return [
        {
            "slug": f"ofte-stillede-spoergsmaal-{topic}",
            "title": f"Ofte stillede spørgsmål om {name}",
            "summary": f"Korte svar på de spørgsmål, tilsynsmedarbejdere oftest stiller om {name}.",
            "topics": [topic],
            "reviewed": reviewed,
            "owner": owner,
            "body": [
                text(
                    "Spørgsmålene er samlet fra styrelsens netværk og henvendelser fra kommunerne. "
                    "Svarene er korte; læs den tilknyttede vejledning for detaljerne."
                ),
                faq(*questions),
                info("Mangler du et svar? Skriv til tilsyn@bpst.dk, så tager vi det med."),
            ],
            "related": related_slugs,
        }
        for topic, name, owner, reviewed, related_slugs, questions in FAQS
    ]
