"""Byggesager og renovering: a closed group on new building (skema A, B, C) and renovation."""

from guidance.demo.blocks import ALMENBOLIGLOVEN
from network.choices import GroupKind

from . import files
from .spec import attachment, demo_file, document, meeting, reply, thread

GROUP = {
    "slug": "byggesager-og-renovering",
    "name": "Byggesager og renovering",
    "kind": GroupKind.CLOSED,
    "description": (
        "For dem, der behandler nybyggeri og renoveringer: skema A, B og C, anskaffelsessum, "
        "grundkapital og helhedsplaner med støtte fra Landsbyggefonden. Medlemskab efter "
        "anmodning."
    ),
    "created_by": "rasmus",
    "days_ago": 480,
    "moderators": ["marie.lauritsen", "henrik.toft"],
    "members": [
        "mette",
        "anders",
        "karen",
        "sofie.lund",
        "eva.lindholm",
        "michael.holst",
        "jesper.nygaard",
        "hanne.ravn",
        "ida.noergaard",
        "kasper.friis",
        "maja.kristiansen",
    ],  # fmt: skip
    "requested": ["claus.pedersen"],
    "removed": ["niels.aagaard"],
}

THREADS = [
    thread(
        "skema-a-b-c",
        "Skema A, B og C – hvad kontrollerer I ved hvert trin?",
        "ida.noergaard",
        460,
        """
        Vi er ved at lave en fælles arbejdsgang for nybyggeri og vil gerne høre, hvad I
        lægger vægt på ved de tre skemaer.
        """,
        [
            reply(
                "marie.lauritsen",
                f"""
                Kort fortalt:

                - **Skema A** (tilsagn): Er projektet i overensstemmelse med kommunens planer,
                  holder anskaffelsessummen sig inden for rammen, og er der behov for
                  boligerne?
                - **Skema B** (før byggeriet går i gang): Er udbuddet gennemført, holder
                  økonomien efter licitationen, og er huslejen realistisk?
                - **Skema C** (byggeregnskab): Stemmer den endelige anskaffelsessum, er
                  finansieringen på plads, og er regnskabet revideret?

                Reglerne om støtte og godkendelse står i [almenboligloven]({ALMENBOLIGLOVEN}).
                """,
                solution=True,
            ),
            reply(
                "ida.noergaard",
                "Tak, det er en god ramme. Bruger I tjeklister til hvert trin?",
            ),
            reply(
                "henrik.toft",
                """
                Ja. Vores tjekliste til skema B har 14 punkter. Det vigtigste er at
                sammenligne med skema A: Er der ændringer i antal boliger, areal eller
                anskaffelsessum, skal de forklares.
                """,
            ),
            reply(
                "jesper.nygaard",
                "Vi lægger også vægt på huslejen ved skema B. Den skal kunne konkurrere med de eksisterende boliger i området.",
            ),
            reply(
                "ida.noergaard",
                "Vil du dele tjeklisten, @henrik.toft?",
            ),
            reply(
                "henrik.toft",
                "Selvfølgelig. Jeg tager den med til næste møde og lægger den her bagefter.",
            ),
        ],
    ),
    thread(
        "overskridelse-anskaffelsessum",
        "Anskaffelsessummen overskrides efter licitationen",
        "jesper.nygaard",
        390,
        """
        Licitationen på et nybyggeri med 48 familieboliger er kommet ind 11 % over budgettet
        i skema A, og anskaffelsessummen overstiger nu maksimumsbeløbet. Organisationen
        spørger, om kommunen kan godkende skema B alligevel.

        Hvad har I gjort i lignende sager?
        """,
        [
            reply(
                "henrik.toft",
                """
                Vi har bedt organisationen om at gennemgå projektet for besparelser, før vi
                tager stilling. Typisk kan en del hentes ved at ændre materialer, udearealer
                eller parkeringsløsninger uden at forringe boligerne.
                """,
            ),
            reply(
                "marie.lauritsen",
                """
                Rammen er udgangspunktet. Overskrides maksimumsbeløbet, skal der enten findes
                besparelser, eller kommunen skal tage stilling til, om overskridelsen kan
                godkendes efter reglerne. Det kræver en begrundet beslutning.

                Undersøg også, hvad det betyder for huslejen. En husleje, der ikke kan
                konkurrere, er en risiko for tomgang fra første dag.
                """,
                solution=True,
            ),
            reply(
                "jesper.nygaard",
                "Organisationen har fundet besparelser for 6 %. Resten forklares med højere priser på beton og stål.",
            ),
            reply(
                "kasper.friis",
                "Det svarer til det, vi har set. Vi godkendte en lignende sag, da huslejen stadig lå under gennemsnittet i området.",
                quotes=2,
            ),
            reply(
                "jesper.nygaard",
                "Det er også tilfældet her. Vi indstiller til godkendelse med en begrundelse om huslejen.",
            ),
        ],
    ),
    thread(
        "forsinket-skema-c",
        "Skema C mangler – byggeriet blev taget i brug for to år siden",
        "eva.lindholm",
        320,
        """
        Vi har en afdeling, der blev taget i brug for to år siden, og vi har stadig ikke
        modtaget skema C. Organisationen siger, at der er uenighed med entreprenøren om de
        sidste regninger.

        Hvad gør I?
        """,
        [
            reply(
                "sofie.lund",
                """
                Vi skriver til organisationen med en frist og beder om et foreløbigt
                byggeregnskab. Uenighed med entreprenøren er ikke en grund til at vente med
                hele regnskabet; de omtvistede beløb kan anføres særskilt.
                """,
                solution=True,
            ),
            reply(
                "eva.lindholm",
                "Godt forslag. Skal den foreløbige opgørelse være revideret?",
            ),
            reply(
                "henrik.toft",
                "Nej, ikke den foreløbige. Men den endelige skema C skal være revideret.",
            ),
            reply(
                "maja.kristiansen",
                """
                Vi har oplevet, at forsinket skema C betød, at huslejen blev fastsat på et
                forkert grundlag. Tjek, om den foreløbige leje svarer til det, økonomien nu
                viser.
                """,
            ),
            reply(
                "eva.lindholm",
                "Vi har nu fået en foreløbig opgørelse. Huslejen skal justeres lidt op, så det var godt, vi spurgte.",
                quotes=3,
            ),
        ],
    ),
    thread(
        "helhedsplan-kommunens-rolle",
        "Helhedsplan med støtte fra Landsbyggefonden – hvad er kommunens rolle?",
        "kasper.friis",
        250,
        """
        En afdeling fra 1972 skal have en helhedsplan med renoveringsstøtte fra
        Landsbyggefonden. Det er første gang i vores kommune i mange år.

        Hvad skal kommunen forholde sig til undervejs?
        """,
        [
            reply(
                "marie.lauritsen",
                """
                Kommunen har flere roller i en helhedsplan:

                1. **Medfinansiering**: Kommunen deltager typisk i en kapitaltilførsel eller
                   stiller garanti for lån.
                2. **Godkendelse**: Kommunen godkender projektet og finansieringen.
                3. **Tilsyn**: Hold øje med, at huslejen efter renoveringen er realistisk, og at
                   afdelingen kan bære driften.

                Start dialogen med Landsbyggefonden og organisationen tidligt. Det tager ofte
                flere år fra prækvalifikation til byggestart.
                """,
                solution=True,
            ),
            reply(
                "anders",
                "I Aarhus har vi en fast projektgruppe med byggesag, økonomi og tilsyn. Det har gjort forløbene meget lettere.",
            ),
            reply(
                "kasper.friis",
                "Det lyder fornuftigt. Hvem sidder for bordenden?",
            ),
            reply(
                "anders",
                "Byggesagsbehandleren, men tilsynet deltager i alle møder om økonomi og husleje.",
                quotes=2,
            ),
            reply(
                "hanne.ravn",
                """
                Husk genhusningen. Hos os var det den del, der fyldte mest for beboerne, og
                den krævede mange møder med afdelingsbestyrelsen.
                """,
            ),
        ],
    ),
    thread(
        "grundkapital-betaling",
        "Hvornår betaler kommunen grundkapitalen?",
        "michael.holst",
        170,
        """
        Vores økonomiafdeling spørger, hvornår grundkapitalen til et nyt byggeri skal
        indbetales, så de kan budgettere med det. Er det ved skema A, B eller C?
        """,
        [
            reply(
                "henrik.toft",
                """
                Tidspunktet står i tilsagnet. Hos os indbetales den, når byggeriet går i gang
                efter godkendelsen af skema B, og vi budgetterer med den i det år, vi regner
                med byggestart.
                """,
                solution=True,
            ),
            reply(
                "michael.holst",
                "Tak. Så budgetterer vi med den i det år, vi forventer skema B.",
            ),
            reply(
                "karen",
                "I København lægger vi en buffer ind, fordi byggestart ofte skrider et halvt til et helt år.",
            ),
            reply(
                "marie.lauritsen",
                "Husk, at grundkapitalen er et lån fra kommunen, ikke et tilskud. Få økonomiafdelingen til at registrere den som et udlån.",
            ),
        ],
    ),
    thread(
        "renovering-kommunens-sag",
        "Hvornår er en renovering en sag for kommunen?",
        "mette",
        95,
        """
        En afdelingsbestyrelse har spurgt, om kommunen skal godkende, at afdelingen skifter
        alle vinduer. Hvordan afgør jeg, om en renovering er noget, kommunen skal ind over?
        """,
        [
            reply(
                "marie.lauritsen",
                """
                Det afhænger især af finansieringen:

                - **Almindelig vedligeholdelse**, der betales af henlæggelserne, er afdelingens
                  og organisationens sag.
                - **Forbedringer, der finansieres med lån** og giver en huslejestigning, skal
                  vedtages af afdelingsmødet. Se på, om huslejen bliver for høj, og om
                  kommunen skal godkende lånet eller stille garanti.
                - **Renoveringer med støtte fra Landsbyggefonden** kræver altid kommunens
                  medvirken.

                Vinduesudskiftning betalt af henlæggelserne er typisk det første.
                """,
                solution=True,
            ),
            reply(
                "mette",
                "Tak, det er klart. De har henlagt til det, så det er afdelingens egen sag.",
            ),
            reply(
                "henrik.toft",
                "God tråd, @medlem. Det spørgsmål får vi også ofte.",
            ),
            reply(
                "michael.holst",
                "Vi har en kort vejledning til afdelingsbestyrelser om netop det. Jeg kan dele den i næste uge.",
            ),
        ],
    ),
]

TJEKLISTE_SKEMA_B = demo_file(
    "Tjekliste til skema B.pdf",
    files.pdf,
    "Tjekliste til skema B",
    [
        "1. Er der ændringer i forhold til skema A, og er de begrundet?",
        "2. Holder anskaffelsessummen sig inden for rammebeløbet?",
        "3. Er licitationsresultatet vedlagt?",
        "4. Er finansieringen på plads, herunder grundkapital og beboerindskud?",
        "5. Kan huslejen konkurrere med de eksisterende boliger i området?",
        "6. Er der taget højde for byggeriets tidsplan og prisudvikling?",
        "7. Er totaløkonomiske vurderinger og energikrav opfyldt?",
        "8. Er der et budget for afdelingens drift det første år?",
        "9. Er byggeriet i overensstemmelse med lokalplanen?",
        "10. Er der taget stilling til tilgængelighed?",
        "11. Er byggeskadefondsbidraget med i anskaffelsessummen?",
        "12. Er eventuelle forbehold i licitationen vurderet?",
        "13. Er organisationens bestyrelse orienteret og enig?",
        "14. Er afgørelsen om godkendelse sendt med klagevejledning?",
    ],
)
RYKKER_SKEMA_C = demo_file(
    "Rykker for skema C.docx",
    files.docx,
    "Rykker: skema C og byggeregnskab",
    [
        "Kære [boligorganisation]",
        "Afdelingen [navn] blev taget i brug den [dato]. Kommunen har endnu ikke modtaget "
        "skema C med det reviderede byggeregnskab.",
        "Vi beder jer sende skema C eller, hvis byggeregnskabet ikke kan afsluttes, en "
        "foreløbig opgørelse og en tidsplan senest [dato].",
        "Med venlig hilsen",
        "[Navn], Byggesager og tilsyn",
    ],
)

ATTACHMENTS = [
    attachment("skema-a-b-c", TJEKLISTE_SKEMA_B, reply=5),
    attachment("forsinket-skema-c", RYKKER_SKEMA_C, reply=0),
]

DOCUMENTS = [
    document(
        "Skabeloner",
        "Tjekliste til skema B",
        "henrik.toft",
        440,
        TJEKLISTE_SKEMA_B,
        "14 punkter; det vigtigste er sammenligningen med skema A.",
    ),
    document("Skabeloner", "Rykker for skema C", "sofie.lund", 318, RYKKER_SKEMA_C),
    document(
        "Vejledninger og notater",
        "Notat: hvornår skal kommunen godkende en renovering?",
        "marie.lauritsen",
        90,
        demo_file(
            "Notat om renoveringer.pdf",
            files.pdf,
            "Hvornår skal kommunen godkende en renovering?",
            [
                "Almindelig vedligeholdelse betalt af henlæggelserne: afdelingens egen sag.",
                "Forbedringer, der finansieres med lån og huslejestigning: afdelingsmødet",
                "godkender, og kommunen godkender, hvis lånet kræver det.",
                "Renoveringer med støtte fra Landsbyggefonden: kommunen godkender skema A,",
                "B og C og den kommunale medfinansiering.",
                "Er I i tvivl, så spørg i netværket, før afdelingen sætter arbejdet i gang.",
            ],
        ),
    ),
    document(
        "Referater",
        "Referat: temamøde om skema B",
        "marie.lauritsen",
        105,
        demo_file(
            "Referat temamøde skema B.pdf",
            files.pdf,
            "Referat: temamøde om skema B",
            [
                "Deltagere: 9 kommuner og Bolig- og Planstyrelsen (online).",
                "Henrik Toft gennemgik Albertslunds tjekliste til skema B.",
                "Drøftet: overskridelser efter licitation og huslejens niveau.",
                "Aftalt: tjeklisten lægges i biblioteket under Skabeloner.",
            ],
        ),
    ),
]

MEETINGS = [
    meeting(
        "Temamøde om skema B",
        "marie.lauritsen",
        -110,
        ("13:00", "15:00"),
        """
        1. Velkomst og runde
        2. Tjekliste til skema B v. Henrik Toft, Albertslund
        3. Overskridelser efter licitation – hvad gør vi?
        4. Eventuelt
        """,
        material="""
        - Tjeklisten til skema B ligger i biblioteket under **Skabeloner**.
        - Referatet ligger under **Referater**.
        """,
        video_url="https://teams.microsoft.com/l/meetup-join/demo-temamoede-skema-b",
    ),
    meeting(
        "Temamøde: skema C og byggeregnskabet",
        "marie.lauritsen",
        19,
        ("13:00", "14:30"),
        """
        1. Hvornår skal skema C foreligge, og hvad gør vi, når det ikke gør?
        2. Foreløbige opgørelser og huslejen v. Eva Lindholm, Roskilde
        3. Erfaringsudveksling
        """,
        material="Læs gerne tråden om forsinket skema C inden mødet.",
        video_url="https://teams.microsoft.com/l/meetup-join/demo-temamoede-skema-c",
        registered=[
            "marie.lauritsen",
            "henrik.toft",
            "eva.lindholm",
            "mette",
            "karen",
            "jesper.nygaard",
            "sofie.lund",
        ],
    ),
]
