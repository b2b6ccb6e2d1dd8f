"""ERFA Region Midtjylland: a closed group for the caseworkers of the central region."""

from network.choices import GroupKind

from . import files
from .spec import attachment, demo_file, document, meeting, reply, thread

GROUP = {
    "slug": "erfa-region-midtjylland",
    "name": "ERFA Region Midtjylland",
    "kind": GroupKind.CLOSED,
    "description": (
        "Erfaringsgruppe for kommunernes tilsyn i Region Midtjylland: tomgang, økonomi, "
        "effektivisering og styringsdialog i små og store boligorganisationer. Medlemskab "
        "efter anmodning."
    ),
    "created_by": "rasmus",
    "days_ago": 520,
    "moderators": ["kirsten.holm", "louise.moeller"],
    "members": [
        "anders",
        "thomas.bak",
        "jesper.nygaard",
        "signe.ebbesen",
        "hanne.ravn",
        "kasper.friis",
        "morten.skov",
    ],  # fmt: skip
    "requested": ["mette"],
}

THREADS = [
    thread(
        "tomgang-ungdomsboliger",
        "Stigende tomgang i ungdomsboliger",
        "louise.moeller",
        470,
        """
        I Randers er ledigheden i to ungdomsboligafdelinger steget fra under 1 % til næsten
        6 % på to år. Tabet ved lejeledighed betales af dispositionsfonden, som nu falder.

        Ser I det samme? Og hvad har I aftalt med organisationerne?
        """,
        [
            reply(
                "kirsten.holm",
                """
                Vi ser det i Aarhus i de afdelinger, der ligger længst fra uddannelserne. De
                tiltag, der har virket:

                - **Fleksibel udlejning**, så også unge i arbejde kan leje
                - samarbejde med uddannelsesinstitutionerne om boligsøgende
                - sammenlægning af små boliger, hvor det kan betale sig

                Det vigtigste er at få en handleplan med mål for ledigheden, som kan følges
                op hvert halve år.
                """,
                solution=True,
            ),
            reply(
                "louise.moeller",
                "Tak. Hvor langt ned har I fået ledigheden?",
            ),
            reply(
                "kirsten.holm",
                "Fra 7 % til 2 % på halvandet år i den værste afdeling.",
            ),
            reply(
                "signe.ebbesen",
                """
                I Herning har vi haft gode erfaringer med at lade organisationen udleje nogle
                af ungdomsboligerne som almindelige familieboliger i en periode. Det kræver
                en aftale med kommunen.
                """,
            ),
            reply(
                "hanne.ravn",
                "Husk, at aftaler om fleksibel udlejning skal være skriftlige og tidsbegrænsede. Jeg deler gerne vores skabelon.",
            ),
            reply("louise.moeller", "Ja tak, @hanne.ravn!"),
        ],
    ),
    thread(
        "effektiviseringsmaal",
        "Effektiviseringsmål: hvordan følger I op?",
        "jesper.nygaard",
        420,
        """
        Sektoren har et samlet effektiviseringsmål, men der er ikke noget mål for den enkelte
        afdeling. Hvordan bruger I effektivitetstallet i styringsdialogen?

        Vi har en organisation, hvor flere afdelinger ligger under 70.
        """,
        [
            reply(
                "thomas.bak",
                """
                Vi bruger effektivitetstallet som en indgang til samtalen, ikke som en dom.
                Tallet sammenligner afdelingens driftsudgifter med lignende afdelinger, så:

                1. Find de konti, hvor afdelingen ligger højest.
                2. Spørg organisationen, om der er en forklaring (for eksempel fælleshuse
                   eller store grønne arealer).
                3. Aftal et mål for de konti, der ikke kan forklares.

                Under 70 i flere år i træk bør altid med på dagsordenen.
                """,
                solution=True,
            ),
            reply(
                "jesper.nygaard",
                "Hvordan formulerer I målet? Som et effektivitetstal eller som kroner?",
            ),
            reply(
                "thomas.bak",
                "Som kroner pr. m² på de konkrete konti. Effektivitetstallet flytter sig først, når de andre afdelinger også ændrer sig.",
                quotes=1,
            ),
            reply(
                "kasper.friis",
                """
                I Skanderborg har vi haft gode erfaringer med at lade organisationen selv
                foreslå målene. Så ejer de dem.
                """,
            ),
            reply(
                "kirsten.holm",
                "Enig med @kasper.friis, men vi skriver målene ind i referatet, så de kan følges op næste år.",
            ),
        ],
    ),
    thread(
        "opsamlet-underskud-genopretning",
        "Afdeling med opsamlet underskud i tre år – genopretningsplan",
        "jesper.nygaard",
        330,
        """
        En afdeling i Horsens har haft underskud tre år i træk, og det opsamlede underskud
        svarer nu til ca. 15 % af årslejen. Organisationen foreslår at afvikle det over ti år.

        Er ti år for lang tid? Hvad har I accepteret?
        """,
        [
            reply(
                "kirsten.holm",
                """
                Ti år er lang tid, men det afhænger af, hvorfor underskuddet er opstået. Vi har
                accepteret op til fem år, og kun med en plan, der viser, at driften balancerer
                fra næste budget.

                Spørg også, om Landsbyggefonden skal ind over. Med så stort et underskud kan
                afdelingen være i økonomiske vanskeligheder.
                """,
                solution=True,
            ),
            reply(
                "morten.skov",
                """
                Vi har haft en lignende sag i Viborg. Afviklingen blev lagt på huslejen med
                2 % om året, og det blev kombineret med besparelser på driften. Planen holdt.
                """,
            ),
            reply(
                "jesper.nygaard",
                "Tak, vi beder om en plan på fem år og en prognose for de næste budgetter.",
            ),
            reply(
                "louise.moeller",
                "Giv gerne en status her, når I har fået planen. Vi har en afdeling, der er på vej samme sted hen.",
            ),
            reply(
                "jesper.nygaard",
                """
                Status: Organisationen har sendt en plan over seks år med besparelser på
                renhold og energi. Driften balancerer i næste budget. Vi har godkendt den med
                opfølgning hvert halve år.
                """,
            ),
        ],
    ),
    thread(
        "skriftlig-styringsdialog",
        "Skriftlig styringsdialog med de små organisationer?",
        "morten.skov",
        260,
        """
        Vi har otte boligorganisationer, hvoraf fem har under 200 boliger og ingen
        bemærkninger i regnskaberne. Må vi nøjes med en skriftlig dialog med dem nogle år?
        """,
        [
            reply(
                "hanne.ravn",
                """
                Ja, med små organisationer uden kritiske forhold kan I aftale en skriftlig
                dialog i nogle år. Hold et fysisk møde mindst hvert andet år og altid, når der
                er kritiske forhold. Referat og offentliggørelse gælder stadig.
                """,
                solution=True,
            ),
            reply(
                "anders",
                """
                Vi gør det sådan i Aarhus for de mindste. Vi sender et spørgeskema med
                dokumentationspakken og ringer til formanden, hvis svarene giver anledning til
                det.
                """,
            ),
            reply(
                "morten.skov",
                "Vil du dele spørgeskemaet?",
            ),
            reply(
                "anders",
                """
                Her er spørgsmålene i kort form:

                - Hvordan vurderer bestyrelsen organisationens økonomi?
                - Er der afdelinger med særlige udfordringer?
                - Hvordan følges der op på revisors bemærkninger?
                - Er vedligeholdelsesplanerne opdateret?
                - Hvordan fungerer beboerdemokratiet?
                """,
            ),
            reply("morten.skov", "Perfekt, tak."),
        ],
    ),
    thread(
        "tjekliste-budgetkontrol",
        "Fælles tjekliste til budgetkontrol?",
        "signe.ebbesen",
        180,
        """
        Skal vi lave en fælles tjekliste til gennemgang af afdelingsbudgetter? Vi har hver
        vores, men de ligner hinanden. Mit udkast:

        - Balancerer budgettet?
        - Svarer henlæggelserne til vedligeholdelsesplanen?
        - Er der forklaring på poster, der stiger mere end 10 %?
        - Er tab ved lejeledighed og fraflytning budgetteret realistisk?
        - Er huslejestigningen forklaret over for beboerne?

        Tilføj gerne.
        """,
        [
            reply(
                "thomas.bak",
                "Tilføj: Er renter og afdrag på lån i overensstemmelse med lånedokumenterne?",
            ),
            reply(
                "kasper.friis",
                "Og: Stemmer bidraget til administration med organisationens budget?",
            ),
            reply(
                "louise.moeller",
                "Har afdelingsmødet godkendt budgettet rettidigt, og er referatet vedlagt?",
            ),
            reply(
                "signe.ebbesen",
                """
                Tak alle. Den samlede tjekliste:

                1. Budgettet balancerer.
                2. Henlæggelserne svarer til vedligeholdelsesplanen.
                3. Poster, der stiger mere end 10 %, er forklaret.
                4. Tab ved lejeledighed og fraflytning er budgetteret realistisk.
                5. Renter og afdrag svarer til lånedokumenterne.
                6. Administrationsbidraget svarer til organisationens budget.
                7. Afdelingsmødet har godkendt budgettet rettidigt.
                8. Huslejestigningen er forklaret over for beboerne.
                """,
                solution=True,
            ),
            reply(
                "kirsten.holm",
                "Fint arbejde. Jeg foreslår, at vi sender den til styrelsen, så den kan komme med i vejledningen.",
            ),
        ],
    ),
    thread(
        "saerlig-driftsstoette",
        "Ansøgning om særlig driftsstøtte – hvem gør hvad?",
        "hanne.ravn",
        100,
        """
        En afdeling i Silkeborg, der tilhører en boligorganisation med hjemsted i en anden
        kommune, skal søge særlig driftsstøtte hos Landsbyggefonden. Organisationen spørger,
        hvilken kommune der skal medvirke.

        Er det tilsynskommunen eller beliggenhedskommunen?
        """,
        [
            reply(
                "kirsten.holm",
                """
                Ansøgninger om særlig driftsstøtte til en afdeling går gennem
                **beliggenhedskommunen**, fordi det typisk kræver kommunal medfinansiering og
                kommunens vurdering af området. Orientér tilsynskommunen, så den kan tage det
                med i styringsdialogen.
                """,
                solution=True,
            ),
            reply(
                "hanne.ravn",
                "Tak. Så tager vi kontakt til tilsynskommunen, så vi er enige om forløbet.",
            ),
            reply(
                "anders",
                "Vi havde en sag den anden vej for nylig. Det fungerede fint med et fælles møde mellem de to kommuner og organisationen.",
            ),
            reply(
                "thomas.bak",
                "Husk at beregne kommunens andel af en eventuel kapitaltilførsel, før I lover noget.",
            ),
            reply(
                "hanne.ravn",
                "Opdatering: Ansøgningen er sendt, og de to kommuner har aftalt, hvem der gør hvad. Tak for hjælpen.",
            ),
        ],
    ),
    thread(
        "referat-erfa-moede",
        "Referat fra ERFA-mødet i Aarhus",
        "kirsten.holm",
        20,
        """
        Tak for et godt møde. Kort referat:

        **Til stede:** Aarhus, Randers, Horsens, Herning, Silkeborg, Skanderborg og Viborg.

        **Drøftet:**

        - Erfaringer fra årets styringsdialogmøder. Flere har haft færre, men længere møder.
        - Tomgang i ungdomsboliger. Randers fortalte om sin handleplan.
        - Portalens nøgletalsflag. Generelt gode erfaringer; flag for planlagt tomgang
          bør kunne afvises med en fast begrundelse.

        **Næste møde:** Horsens er vært. Tema: budgetkontrol med den fælles tjekliste.
        """,
        [
            reply("jesper.nygaard", "Vi glæder os til at have jer i Horsens. Invitation følger."),
            reply(
                "signe.ebbesen",
                "Tak for referatet. Jeg medbringer den opdaterede tjekliste.",
            ),
            reply(
                "morten.skov",
                "Jeg kan desværre ikke deltage næste gang. @thomas.bak, vil du tage vores punkter med?",
            ),
            reply("thomas.bak", "Det gør jeg gerne."),
        ],
    ),
]

TJEKLISTE_BUDGETKONTROL = demo_file(
    "Tjekliste til budgetkontrol.pdf",
    files.pdf,
    "Tjekliste til budgetkontrol (ERFA Midtjylland)",
    [
        "1. Budgettet balancerer.",
        "2. Henlæggelserne svarer til vedligeholdelsesplanen.",
        "3. Renter og afdrag stemmer med lånedokumenterne.",
        "4. Bidraget til administration stemmer med organisationens budget.",
        "5. Afdelingsmødet har godkendt budgettet rettidigt, og referatet er vedlagt.",
        "6. Huslejestigninger over 5 % er begrundet.",
        "7. Tab ved lejeledighed og fraflytning er budgetteret realistisk.",
    ],
)

ATTACHMENTS = [
    attachment(
        "tomgang-ungdomsboliger",
        demo_file(
            "Lejeledighed i ungdomsboliger, Randers.png",
            files.png_bar_chart,
            "Lejeledighed i to ungdomsboligafdelinger, Randers (%)",
            [("2022", 0.8), ("2023", 3.1), ("2024", 5.8)],
        ),
    ),
    attachment("tjekliste-budgetkontrol", TJEKLISTE_BUDGETKONTROL, reply=3),
]

DOCUMENTS = [
    document(
        "Skabeloner",
        "Tjekliste til budgetkontrol",
        "signe.ebbesen",
        175,
        TJEKLISTE_BUDGETKONTROL,
        "Den fælles tjekliste, som gruppen blev enig om.",
    ),
    document(
        "Skabeloner",
        "Nøgletal til budgetkontrol",
        "kasper.friis",
        160,
        demo_file(
            "Nøgletal til budgetkontrol.xlsx",
            files.xlsx,
            "Nøgletal",
            [
                "Kommune",
                "Afdelinger",
                "Budgetter gennemgået",
                "Med bemærkninger",
                "Huslejestigning over 5 %",
            ],
            [
                ["Aarhus", 412, 412, 37, 12],
                ["Randers", 118, 118, 9, 4],
                ["Horsens", 96, 90, 11, 3],
                ["Herning", 88, 88, 6, 2],
                ["Silkeborg", 74, 70, 5, 1],
                ["Skanderborg", 41, 41, 2, 0],
                ["Viborg", 63, 60, 4, 2],
            ],
        ),
    ),
    document(
        "Vejledninger og notater",
        "Notat: fleksibel udlejning af ungdomsboliger",
        "hanne.ravn",
        460,
        demo_file(
            "Notat om fleksibel udlejning.docx",
            files.docx,
            "Fleksibel udlejning af ungdomsboliger",
            [
                "Aftaler om fleksibel udlejning skal være skriftlige og tidsbegrænsede.",
                "Aftalen beskriver, hvilke boliger den gælder, hvem der kan få dem, og hvornår "
                "den udløber.",
                "Følg op på ledigheden hvert halve år, og stop aftalen, når den ikke længere "
                "er nødvendig.",
            ],
        ),
    ),
    document(
        "Referater",
        "Referat: ERFA-møde i Aarhus",
        "kirsten.holm",
        20,
        demo_file(
            "Referat ERFA-møde Aarhus.pdf",
            files.pdf,
            "Referat: ERFA-møde i Aarhus",
            [
                "Til stede: Aarhus, Randers, Horsens, Herning, Silkeborg, Skanderborg og Viborg.",
                "Drøftet: erfaringer fra styringsdialogen, tomgang i ungdomsboliger og",
                "særlig driftsstøtte.",
                "Næste møde: Horsens er vært. Tema: budgetkontrol med den fælles tjekliste.",
            ],
        ),
    ),
]

MEETINGS = [
    meeting(
        "ERFA-møde i Aarhus",
        "kirsten.holm",
        -21,
        ("10:00", "14:00"),
        """
        1. Runde: nyt fra kommunerne
        2. Erfaringer fra årets styringsdialog
        3. Tomgang i ungdomsboliger – status fra Randers
        4. Særlig driftsstøtte: hvem gør hvad?
        5. Næste møde
        """,
        material="""
        Referatet ligger i biblioteket under **Referater** og i tråden
        »Referat fra ERFA-mødet i Aarhus«.
        """,
        place="Aarhus Rådhus, Rådhuspladsen 2, 8000 Aarhus C, mødelokale 3",
    ),
    meeting(
        "ERFA-møde i Horsens: budgetkontrol",
        "kirsten.holm",
        26,
        ("10:00", "14:30"),
        """
        1. Velkomst v. Horsens Kommune
        2. Budgetkontrol med den fælles tjekliste – gennemgang af to budgetter
        3. Nøgletal: hvad viser årets gennemgang?
        4. Frokost
        5. Eventuelt og næste møde
        """,
        material="Tag gerne et anonymiseret afdelingsbudget med til punkt 2.",
        place="Horsens Rådhus, Rådhustorvet 4, 8700 Horsens, mødelokale 2",
        capacity=6,
        registered=[
            "jesper.nygaard",
            "kirsten.holm",
            "signe.ebbesen",
            "louise.moeller",
            "thomas.bak",
            "kasper.friis",
            "hanne.ravn",
            "anders",
        ],
    ),
]
