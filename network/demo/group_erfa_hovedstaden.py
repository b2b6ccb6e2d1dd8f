"""ERFA Region Hovedstaden: a closed group for the caseworkers of the capital region."""

from guidance.demo.blocks import ALMENBOLIGLOVEN
from network.choices import GroupKind

from .spec import meeting, reply, thread

GROUP = {
    "slug": "erfa-region-hovedstaden",
    "name": "ERFA Region Hovedstaden",
    "kind": GroupKind.CLOSED,
    "description": (
        "Erfaringsgruppe for tilsynsmedarbejdere i kommunerne i Region Hovedstaden. Vi mødes "
        "fire gange om året og drøfter konkrete sager i fortrolighed. Medlemskab efter "
        "anmodning."
    ),
    "created_by": "rasmus",
    "days_ago": 530,
    "moderators": ["karen", "camilla.winther"],
    "members": [
        "sofie.lund",
        "jonas.brandt",
        "peter.dam",
        "henrik.toft",
        "nadia.rahimi",
        "maja.kristiansen",
        "jakob.steen",
    ],  # fmt: skip
    "requested": ["bo.vestergaard"],
}

THREADS = [
    thread(
        "moedeplan",
        "Mødeplan og værtskommuner",
        "karen",
        500,
        """
        Her er planen for ERFA-møderne. Vi går på skift, og værtskommunen sætter et tema.

        | Kvartal | Vært | Tema |
        | --- | --- | --- |
        | 1. kvartal | København | Årets styringsdialog: erfaringer |
        | 2. kvartal | Gladsaxe | Regnskaber og revisionsprotokollater |
        | 3. kvartal | Høje-Taastrup | Udsatte boligområder og udlejning |
        | 4. kvartal | Frederiksberg | Budgetter og huslejestigninger |

        Dagsorden sendes ud to uger før. Referater lægges her i gruppen.
        """,
        [
            reply("peter.dam", "Gladsaxe er klar. Vi sørger for lokale og frokost."),
            reply(
                "nadia.rahimi",
                "Høje-Taastrup tager gerne tredje kvartal. Vi kan lave en rundtur i et af vores boligområder om eftermiddagen.",
            ),
            reply(
                "camilla.winther",
                "Godt forslag, @nadia.rahimi. Det har vi ikke prøvet før.",
                quotes=1,
            ),
            reply(
                "karen",
                "Planen er opdateret. Husk at skrive jer på listen til det første møde.",
            ),
        ],
        pinned=True,
        was="""
        Her er planen for ERFA-møderne. Vi går på skift, og værtskommunen sætter et tema.
        Dagsorden sendes ud to uger før.
        """,
    ),
    thread(
        "faelles-administrator",
        "Samme administrator for mange organisationer – kan vi koordinere?",
        "peter.dam",
        440,
        """
        Flere af os fører tilsyn med boligorganisationer, der administreres af den samme store
        administrationsorganisation. Det betyder, at den samme direktør og økonomichef sidder
        over for os ved mange styringsdialogmøder i løbet af efteråret.

        Vil det give mening at koordinere, så vi:

        - stiller de samme opfølgende spørgsmål om fælles forhold (forretningsgange, IT,
          administrationsbidrag)
        - deler, hvad der er aftalt om de fælles forhold
        - undgår, at administrationen skal svare på næsten det samme spørgsmål fem gange?
        """,
        [
            reply(
                "sofie.lund",
                """
                Ja tak. Vi oplever, at vi får standardsvar på spørgsmål om administrationen,
                fordi de kommer fra mange kommuner på forskellige tidspunkter.
                """,
            ),
            reply(
                "camilla.winther",
                """
                Forslag: Vi samler de fælles spørgsmål i én liste før mødesæsonen og sender den
                samlet til administrationsorganisationen med kopi til hver boligorganisation.
                Svaret deles her. Hvert tilsyn tager stadig sin egen styringsdialog om den
                enkelte organisation.
                """,
                solution=True,
            ),
            reply(
                "jakob.steen",
                """
                Det er en god model. Vær blot opmærksomme på, at ansvaret altid ligger hos den
                enkelte organisationsbestyrelse, også når administrationen er fælles. Skriv
                derfor til bestyrelserne, ikke kun til administrationen.
                """,
            ),
            reply(
                "peter.dam",
                "Jeg laver et udkast til listen og lægger det her inden 1. juni.",
            ),
            reply(
                "maja.kristiansen",
                "Husk et spørgsmål om, hvordan administrationsbidraget er fastsat, og hvad det dækker.",
            ),
            reply(
                "henrik.toft",
                """
                Ærligt talt: direktøren i det administrationsselskab, vi taler om, har aldrig
                svaret rettidigt på noget som helst. Han burde være fyret for længe siden.
                """,
            ),
        ],
    ),
    thread(
        "huslejestigning-ni-procent",
        "Huslejestigning på 9 % i én afdeling – skal vi reagere?",
        "nadia.rahimi",
        380,
        """
        En afdeling med 212 boliger har vedtaget et budget med en huslejestigning på 9 %. Vi
        har fået flere henvendelser fra beboere. Resten af organisationens afdelinger stiger
        med 2–3 %.

        Budgettet er vedtaget på afdelingsmødet. Har kommunen overhovedet noget at skulle have
        sagt?
        """,
        [
            reply(
                "sofie.lund",
                f"""
                Lejen i en almen afdeling er omkostningsbestemt: Budgettet skal balancere, og
                det er afdelingsmødet, der godkender det. En almindelig huslejestigning skal
                altså ikke godkendes af kommunen.

                Men tilsynet skal se på, **om budgettet er realistisk og forsvarligt**. Bed om:

                1. budgettet og sidste års regnskab for afdelingen
                2. en forklaring på de poster, der stiger mest
                3. den langsigtede vedligeholdelsesplan

                Typisk skyldes et spring af den størrelse, at henlæggelserne har været for lave
                i mange år og nu skal op. Se reglerne i [almenboligloven]({ALMENBOLIGLOVEN}).
                """,
                solution=True,
            ),
            reply(
                "nadia.rahimi",
                "Det var også min fornemmelse. Henlæggelserne er steget fra 45 til 110 kr. pr. m².",
            ),
            reply(
                "henrik.toft",
                """
                Så er stigningen nok et sundhedstegn, selv om den gør ondt. 45 kr. pr. m² er
                meget lavt for en afdeling fra 1970'erne. Jeg ville hellere spørge, hvorfor det
                ikke skete tidligere.
                """,
            ),
            reply(
                "nadia.rahimi",
                """
                Enig. Vi svarer beboerne, at kommunen ikke godkender budgettet, men at vi har
                bedt organisationen om en forklaring og tager det op på styringsdialogmødet.
                """,
                quotes=2,
            ),
            reply(
                "karen",
                "Godt svar. Skriv også, at afdelingsbestyrelsen kan forklare budgettet; det er ofte den bedste vej for beboerne.",
            ),
        ],
    ),
    thread(
        "forbehold-foerste-skridt",
        "Revisor har taget forbehold – hvad gør I som det første?",
        "maja.kristiansen",
        300,
        """
        For første gang har revisor taget forbehold i en boligorganisations regnskab. Forbeholdet
        handler om manglende dokumentation for en større mellemregning med en afdeling.

        Hvad gør I som det allerførste, når I ser et forbehold?
        """,
        [
            reply(
                "jakob.steen",
                """
                Et forbehold er alvorligt og skal altid følges op skriftligt. Mit forslag til
                rækkefølge:

                1. Læs hele revisionsprotokollatet, ikke kun påtegningen.
                2. Skriv til organisationsbestyrelsen inden for få uger: Hvad er årsagen, og
                   hvad gør bestyrelsen?
                3. Bed om en tidsplan og om revisors bekræftelse, når forholdet er bragt i orden.
                4. Tag det op på styringsdialogmødet, og skriv det ind i referatet.
                """,
                solution=True,
            ),
            reply(
                "sofie.lund",
                "Og tjek, om forholdet også står i protokollatet for de foregående år. Gentagelser ændrer vurderingen.",
            ),
            reply(
                "maja.kristiansen",
                "Det gør det desværre. Der var en bemærkning om mellemregningen sidste år også.",
            ),
            reply(
                "camilla.winther",
                """
                Så ville jeg bede om et møde med formanden og revisor inden styringsdialogen.
                @jakob.steen, er det normalt, at kommunen inviterer revisor med?
                """,
            ),
            reply(
                "jakob.steen",
                """
                Det er ikke almindeligt, men det er helt i orden, når der er et forbehold.
                Det er organisationen, der inviterer sin revisor, så bed bestyrelsen om det.
                """,
            ),
        ],
    ),
    thread(
        "dispositionsfond-under-graensen",
        "Dispositionsfonden under grænseværdien efter store lejetab",
        "jonas.brandt",
        210,
        f"""
        En organisation har haft store tab ved lejeledighed i en ungdomsboligafdeling, og
        dispositionsfonden har dækket tabene. Nu er den disponible del under grænseværdien.

        Efter [almenboligloven]({ALMENBOLIGLOVEN}) § 20, stk. 4, kan kommunen bestemme, at en
        afdeling selv skal bære sit tab, når fonden er eller ville komme under minimum. Er der
        nogen, der har brugt den bestemmelse?
        """,
        [
            reply(
                "sofie.lund",
                """
                Vi har brugt den én gang. Det kræver en konkret vurdering, for det flytter
                tabet over på beboerne i den ramte afdeling. Vi kombinerede det med en aftale
                om en udlejningsplan, så tabet ikke blev ved.
                """,
            ),
            reply(
                "jonas.brandt",
                "Hvordan blev beslutningen modtaget i afdelingen?",
            ),
            reply(
                "sofie.lund",
                """
                Ikke godt, men forståeligt, da vi forklarede, at alternativet var, at alle
                organisationens afdelinger ville miste deres sikkerhedsnet.
                """,
                quotes=1,
            ),
            reply(
                "jakob.steen",
                """
                Det er en bestemmelse, man bruger efter grundig dialog. Før I beslutter noget:

                - Bed om en prognose for fonden over de næste tre år.
                - Se på, om Landsbyggefonden kan hjælpe med særlig driftsstøtte.
                - Undersøg, om ledigheden kan nedbringes, for eksempel ved at ændre
                  udlejningen af ungdomsboligerne.
                """,
                solution=True,
            ),
            reply(
                "jonas.brandt",
                "Tak. Vi beder om prognosen først og tager den videre derfra.",
            ),
            reply(
                "nadia.rahimi",
                "Interessant tråd. Vi ser de samme tendenser for vores ungdomsboliger, så jeg følger med.",
            ),
        ],
    ),
    thread(
        "henlaeggelser-aeldre-afdelinger",
        "Lave henlæggelser i afdelinger fra 1960'erne",
        "henrik.toft",
        120,
        """
        Vi har fem afdelinger fra 1960'erne, hvor henlæggelserne til planlagt og periodisk
        vedligeholdelse ligger under 60 kr. pr. m². Vedligeholdelsesplanerne rækker 30 år frem,
        men viser, at der mangler penge allerede om ti år.

        Hvordan har I grebet det an?
        """,
        [
            reply(
                "peter.dam",
                """
                Vi har aftalt en trappemodel, hvor henlæggelserne øges lidt hvert år i fem år,
                så huslejen ikke springer. Aftalen står i referatet af styringsdialogen.
                """,
                solution=True,
            ),
            reply(
                "henrik.toft",
                "Hvor meget hæver I om året?",
            ),
            reply(
                "peter.dam",
                "Omkring 10 kr. pr. m² om året, til de når det niveau, planen viser er nødvendigt.",
            ),
            reply(
                "camilla.winther",
                """
                Vi har også bedt om, at vedligeholdelsesplanen bliver gennemgået af en
                uafhængig rådgiver. Nogle planer er for optimistiske, og så er trappen for lav.
                """,
            ),
            reply(
                "karen",
                "Enig. Det er også værd at se på, om en helhedsplan med støtte fra Landsbyggefonden er en mulighed.",
            ),
        ],
    ),
    thread(
        "organisationsbestyrelse-beboerflertal",
        "Organisationsbestyrelse uden beboerflertal",
        "sofie.lund",
        30,
        """
        Ved gennemgangen af vedtægterne for en lille boligforening har vi opdaget, at
        beboervalgte medlemmer ikke har flertal i organisationsbestyrelsen. Det er sket ved en
        vedtægtsændring for mange år siden, som ingen har opdaget.

        Har nogen haft en lignende sag?
        """,
        [
            reply(
                "maja.kristiansen",
                """
                Ja, for et par år siden. Vi skrev til bestyrelsen med en frist til at
                indkalde til et ekstraordinært møde i det øverste organ og ændre vedtægterne.
                Det gik uden problemer, da de først blev gjort opmærksom på det.
                """,
                solution=True,
            ),
            reply(
                "sofie.lund",
                "Hvor lang frist gav I?",
            ),
            reply(
                "maja.kristiansen",
                "Tre måneder, så de kunne nå at indkalde med det varsel, vedtægterne kræver.",
            ),
            reply(
                "camilla.winther",
                "Husk at bede om de nye vedtægter, når de er vedtaget. Kommunen skal godkende ændringen.",
            ),
        ],
    ),
]

MEETINGS = [
    meeting(
        "ERFA-møde i Gladsaxe",
        "karen",
        -70,
        ("09:30", "13:00"),
        """
        1. Nyt fra kommunerne
        2. Samme administrator for mange organisationer – fælles liste
        3. Revisors forbehold: hvad gør vi som det første?
        4. Frokost
        """,
        material="""
        - Listen over fælles forhold, som Gladsaxe lovede, ligger i tråden om fælles administrator.
        - Næste møde holdes i Høje-Taastrup med en rundtur i et boligområde.
        """,
        place="Gladsaxe Rådhus, Rådhus Allé 7, 2860 Søborg",
    ),
    meeting(
        "ERFA-møde i Høje-Taastrup med rundtur",
        "karen",
        40,
        ("10:00", "15:00"),
        """
        1. Velkomst v. Høje-Taastrup Kommune
        2. Organisationsbestyrelser uden beboerflertal
        3. Frokost
        4. Rundtur i et boligområde under renovering
        """,
        place="Høje-Taastrup Rådhus, Bygaden 2, 2630 Taastrup",
        capacity=14,
        registered=["karen", "camilla.winther", "nadia.rahimi", "peter.dam", "sofie.lund"],
    ),
]
