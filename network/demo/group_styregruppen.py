"""Styregruppen for tilsynsnetværket: a secret group where styrelsen and a few municipal
representatives plan the networks. None of the municipal demo log-ins belongs to it."""

from network.choices import GroupKind

from . import files
from .spec import attachment, demo_file, reply, thread

GROUP = {
    "slug": "styregruppen-for-tilsynsnetvaerket",
    "name": "Styregruppen for tilsynsnetværket",
    "kind": GroupKind.SECRET,
    "description": (
        "Styregruppen planlægger netværkets aktiviteter, konferencer og ERFA-grupper. "
        "Gruppen er kun synlig for medlemmerne."
    ),
    "created_by": "gitte",
    "days_ago": 550,
    "moderators": ["gitte"],
    "members": [
        "rasmus",
        "jakob.steen",
        "marie.lauritsen",
        "kirsten.holm",
        "sofie.lund",
        "ida.noergaard",
    ],  # fmt: skip
    "invited": ["line.kjeldsen"],
}

THREADS = [
    thread(
        "aarsplan",
        "Årsplan for netværket",
        "gitte",
        530,
        """
        Udkast til årsplan for netværket, til drøftelse på første møde:

        1. **Tilsynsnetværket** åbnes for alle, der arbejder med tilsyn.
        2. **ERFA-grupper** i Hovedstaden og Midtjylland som pilot; de øvrige regioner følger,
           hvis erfaringerne er gode.
        3. **Tilsynskonferencen** i efteråret med fokus på styringsdialog og handlepligt.
        4. **Netværksdag** om foråret i et mindre format.

        Kommentarer inden fredag, tak.
        """,
        [
            reply(
                "kirsten.holm",
                "God plan. Vi vil gerne være pilot i Midtjylland, og jeg kan være moderator sammen med Randers.",
            ),
            reply(
                "sofie.lund",
                "København og Frederiksberg tager Hovedstaden. Karen Københavner har sagt ja til at være moderator.",
            ),
            reply(
                "jakob.steen",
                """
                Jeg foreslår også en åben gruppe om økonomi og regnskab. Mange af
                spørgsmålene i vores postkasse handler om netop det.
                """,
            ),
            reply(
                "gitte",
                "Tak. Planen er godkendt med tilføjelsen om en økonomigruppe. @redaktoer, vil du oprette grupperne?",
            ),
            reply("rasmus", "Grupperne er oprettet, og moderatorerne er inviteret."),
        ],
        pinned=True,
    ),
    thread(
        "erfa-syddanmark",
        "Skal vi starte en ERFA-gruppe i Region Syddanmark?",
        "jakob.steen",
        300,
        """
        Odense, Vejle og Esbjerg har spurgt, om de kan få en ERFA-gruppe. Erfaringerne fra
        Hovedstaden og Midtjylland er gode.

        Forslag: Vi starter gruppen efter sommerferien og inviterer Odense til at være
        moderator. Vi inviterer samtidig en repræsentant fra Syddanmark ind i styregruppen.
        """,
        [
            reply(
                "kirsten.holm",
                "Enig. Det vigtigste for os har været, at der er en fast moderator fra en kommune, ikke fra styrelsen.",
            ),
            reply(
                "ida.noergaard",
                "Nordjylland vil gerne være den næste. Vi har talt om det i Aalborg og Hjørring.",
            ),
            reply(
                "gitte",
                """
                Godkendt. Jakob inviterer Odense. Nordjylland tager vi op på næste møde,
                @ida.noergaard.
                """,
                solution=True,
            ),
            reply(
                "jakob.steen",
                "Line Kjeldsen fra Odense er inviteret i styregruppen. Hun svarer, når hun er tilbage fra ferie.",
            ),
        ],
    ),
    thread(
        "evaluering-foerste-aar",
        "Evaluering af netværkets første år",
        "rasmus",
        180,
        """
        Kort status efter det første år:

        - Alle regioner er repræsenteret i Tilsynsnetværket.
        - Omkring halvdelen af trådene har et svar markeret som løsning.
        - De mest læste tråde handler om handlepligt, forsinkede regnskaber og
          kritiske værdier i styringsrapporten.
        - Vi har udelukket én bruger, der reklamerede for rådgivningsydelser.

        Hvad skal vi gøre anderledes i år?
        """,
        [
            reply(
                "sofie.lund",
                "Flere svar fra styrelsen på juridiske spørgsmål. Det er dem, der giver mest værdi.",
            ),
            reply(
                "marie.lauritsen",
                """
                Det vil jeg gerne. Jeg foreslår, at juristerne i styrelsen har en fast dag om
                ugen, hvor vi gennemgår ubesvarede spørgsmål.
                """,
                was="Det vil jeg gerne. Juristerne kan svare én gang om ugen.",
            ),
            reply(
                "kirsten.holm",
                "Og en bedre måde at finde gamle svar på. Nye kolleger stiller de samme spørgsmål.",
            ),
            reply(
                "gitte",
                """
                Tak. Vi går videre med:

                1. Fast ugentlig gennemgang af ubesvarede spørgsmål
                2. De bedste svar samles i vejledningens FAQ
                3. Søgning i netværkene
                """,
                solution=True,
            ),
        ],
    ),
    thread(
        "retningslinjer-moderatorer",
        "Retningslinjer for moderatorer: hvornår fjerner eller udelukker vi?",
        "marie.lauritsen",
        140,
        """
        Vi mangler fælles retningslinjer for moderatorerne. Mit udkast:

        - **Fjern** et medlem, der ikke længere arbejder med tilsyn, eller som har flere
          brugere.
        - **Udeluk** kun ved gentagen reklame, chikane eller deling af personoplysninger
          efter en advarsel.
        - **Slet** indlæg med personoplysninger om beboere straks, og giv forfatteren besked.

        Er det for strengt eller for lempeligt?
        """,
        [
            reply(
                "kirsten.holm",
                "Det virker rimeligt. I Midtjylland har to medlemmer skiftet job; de meldte sig selv ud, men det er godt at have en regel.",
            ),
            reply(
                "ida.noergaard",
                "Kan vi tilføje, at moderatoren skal give en begrundelse, når et medlem fjernes?",
            ),
            reply(
                "marie.lauritsen",
                "God idé. Tilføjet, og retningslinjerne er sendt til alle moderatorer.",
                quotes=1,
                solution=True,
            ),
            reply("gitte", "Tak, Marie. Vi ser på retningslinjerne igen om et halvt år."),
        ],
    ),
    thread(
        "temaer-til-vejledningen",
        "Temaer fra netværket, der bør ind i vejledningen",
        "kirsten.holm",
        25,
        """
        Ud fra trådene i netværkene foreslår jeg disse emner til næste opdatering af
        vejledningen:

        1. Tjekliste til budgetkontrol (fra ERFA Midtjylland)
        2. Trappemodel fra dialog til påbud
        3. Prioritering af kritiske værdier
        4. Skriftlig styringsdialog med små organisationer
        """,
        [
            reply(
                "rasmus",
                "Tak. Punkt 1 og 3 kan komme med i den næste opdatering. @marie.lauritsen, vil du se på punkt 2?",
            ),
            reply("marie.lauritsen", "Ja, jeg har et udkast klar inden jul."),
            reply(
                "sofie.lund",
                "Vi vil gerne læse punkt 2 igennem, før den udgives. Vi har brugt modellen i flere sager.",
            ),
            reply(
                "gitte",
                "Fint. Rasmus sender udkastene til styregruppen, når de er klar.",
            ),
        ],
    ),
]

ATTACHMENTS = [
    attachment(
        "aarsplan",
        demo_file(
            "Årsplan for netværket (udkast).pdf",
            files.pdf,
            "Årsplan for netværket – udkast",
            [
                "1. Tilsynsnetværket åbnes for alle, der arbejder med tilsyn.",
                "2. ERFA-grupper startes i Hovedstaden og Midtjylland som pilot.",
                "3. En åben gruppe om økonomi og regnskab.",
                "4. Tilsynskonference i efteråret.",
                "5. Evaluering efter det første år.",
            ],
        ),
    ),
    attachment(
        "evaluering-foerste-aar",
        demo_file(
            "Evaluering første år – tal.xlsx",
            files.xlsx,
            "Evaluering",
            ["Netværk", "Medlemmer", "Tråde", "Svar", "Tråde med løsning"],
            [
                ["Tilsynsnetværket", 27, 12, 58, 7],
                ["ERFA Region Hovedstaden", 9, 7, 34, 4],
                ["ERFA Region Midtjylland", 9, 7, 35, 3],
                ["Økonomi og regnskab", 14, 8, 32, 5],
                ["Byggesager og renovering", 13, 6, 28, 4],
            ],
        ),
    ),
]
