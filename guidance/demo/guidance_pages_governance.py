"""Guidance on resident democracy, organisation, the duty to act, special homes and vulnerable areas."""

import datetime

from .blocks import (
    almenboligloven,
    attention,
    bullets,
    checklist,
    good_practice,
    heading,
    info,
    law,
    table,
    text,
)

JURA = "Center for Bolig, Jura"
TEAM = "Center for Bolig, Tilsynsteamet"


def pages():
    return [
        {
            "slug": "beboerdemokratiets-organer",
            "title": "Beboerdemokratiets fire organer",
            "summary": "Beboerne har flertal i boligorganisationens øverste myndighed og "
            "bestemmer meget i deres egen afdeling.",
            "topics": ["beboerdemokrati"],
            "reviewed": datetime.date(2026, 2, 26),
            "owner": JURA,
            "body": [
                table(
                    "Organerne og deres kompetencer",
                    ["Organ", "Vigtigste opgaver"],
                    [
                        "Repræsentantskab eller generalforsamling",
                        "Øverste myndighed: vedtægter, valg af bestyrelse, større beslutninger",
                    ],
                    ["Organisationsbestyrelse", "Den overordnede ledelse og økonomi"],
                    ["Afdelingsmøde", "Afdelingens budget, husorden og større arbejder"],
                    [
                        "Afdelingsbestyrelse",
                        "Den daglige kontakt og forberedelse af afdelingsmødet",
                    ],
                ),
                almenboligloven(
                    "Kapitel 2", "Reglerne om beboerdemokrati og organernes kompetence."
                ),
                law(
                    "Normalvedtægten",
                    "Bekendtgørelse om normalvedtægt for almene boligorganisationer",
                    "Gælder, hvor organisationens egne vedtægter ikke siger andet.",
                    url="",
                ),
                info(
                    "Omkring tre ud af fire afdelinger har en afdelingsbestyrelse. I afdelinger "
                    "uden bestyrelse varetager organisationsbestyrelsen opgaverne."
                ),
            ],
            "related": ["konflikter-i-beboerdemokratiet", "vedtaegter-og-administrationsaftaler"],
        },
        {
            "slug": "konflikter-i-beboerdemokratiet",
            "title": "Konflikter i beboerdemokratiet",
            "summary": "Hvornår skal tilsynet gå ind i en konflikt i en afdelingsbestyrelse – "
            "og hvornår ikke?",
            "topics": ["beboerdemokrati", "handlepligt-og-sanktioner"],
            "reviewed": datetime.date(2024, 8, 21),
            "owner": JURA,
            "body": [
                text(
                    "Tilsynet modtager jævnligt henvendelser om uenighed i en afdeling: et "
                    "afdelingsmøde, der angiveligt er indkaldt forkert, eller en bestyrelse, der "
                    "ikke vil udlevere referater. Tilsynet skal vurdere, om der er tale om et "
                    "lovlighedsspørgsmål."
                ),
                heading("Sådan griber du henvendelsen an"),
                checklist(
                    "Trin for trin",
                    "Afklar, hvad henvendelsen konkret handler om.",
                    "Undersøg, om boligorganisationen selv har behandlet sagen.",
                    "Vurdér, om forholdet er i strid med loven eller vedtægterne.",
                    "Henvis til beboerklagenævnet, hvis der er tale om en lejeretlig tvist.",
                    "Svar skriftligt og begrundet.",
                ),
                attention(
                    "Tilsynet kan ikke omgøre et afdelingsmødes beslutning, blot fordi den er "
                    "uhensigtsmæssig. Der skal være tale om en ulovlighed."
                ),
            ],
            "related": ["beboerdemokratiets-organer", "kommunens-handlepligt"],
        },
        {
            "slug": "vedtaegter-og-administrationsaftaler",
            "title": "Vedtægter og administrationsaftaler",
            "summary": "Vedtægterne er organisationens grundlov; administrationsaftalen "
            "beskriver, hvad administrator leverer.",
            "topics": ["organisation-og-administration"],
            "reviewed": datetime.date(2026, 5, 19),
            "owner": JURA,
            "body": [
                text(
                    "Boligorganisationens vedtægter skal følge normalvedtægten og godkendes af "
                    "kommunen. Mange organisationer lader sig administrere af en "
                    "administrationsorganisation, der kan betjene mange organisationer."
                ),
                heading("Administrationsaftalen"),
                checklist(
                    "Tjek administrationsaftalen",
                    "Er ydelserne beskrevet, og er prisen gennemskuelig?",
                    "Er der en rimelig opsigelsesfrist?",
                    "Hvem har adgang til organisationens bankkonti?",
                ),
                attention(
                    "Administrationsorganisationen dækker ikke huslejetab hos de organisationer, "
                    "den administrerer. Risikoen bliver i den administrerede organisation."
                ),
            ],
            "related": ["administrationsbidrag", "sammenlaegning-af-boligorganisationer"],
        },
        {
            "slug": "sammenlaegning-af-boligorganisationer",
            "title": "Sammenlægning af boligorganisationer",
            "summary": "Antallet af boligorganisationer falder år for år. Kommunen skal godkende "
            "hver sammenlægning.",
            "topics": ["organisation-og-administration", "godkendelser"],
            "reviewed": datetime.date(2025, 6, 11),
            "owner": JURA,
            "body": [
                text(
                    "Siden 2008 er næsten 200 boligorganisationer lagt sammen med andre. En "
                    "sammenlægning kan give en stærkere økonomi og en mere professionel drift, "
                    "men den ændrer også beboernes indflydelse."
                ),
                heading("Kommunens godkendelse"),
                checklist(
                    "Før kommunen godkender",
                    "Er sammenlægningen besluttet af de kompetente organer i begge organisationer?",
                    "Hvad sker der med dispositionsfond og arbejdskapital?",
                    "Hvilken kommune bliver tilsynskommune?",
                ),
                good_practice(
                    "Aftal med den nye tilsynskommune, hvordan verserende sager og aftaler fra "
                    "styringsdialogen overdrages."
                ),
            ],
            "related": ["tilsynskommune-og-beliggenhedskommune", "kommunens-godkendelser"],
        },
        {
            "slug": "kommunens-handlepligt",
            "title": "Kommunens handlepligt",
            "summary": "Når tilsynet bliver opmærksom på ulovlige eller uforsvarlige forhold, "
            "har kommunen pligt til at handle.",
            "topics": ["handlepligt-og-sanktioner"],
            "reviewed": datetime.date(2026, 9, 22),
            "owner": JURA,
            "body": [
                text(
                    "Tilsynet er ikke kun en ret, men en pligt. Får kommunen kendskab til "
                    "forhold, der er ulovlige eller økonomisk uforsvarlige, skal den reagere. "
                    "Kommunen vælger selv, hvordan den reagerer, men reaktionen skal stå i "
                    "forhold til problemet."
                ),
                almenboligloven("Kapitel 13, §§ 164 ff.", "Tilsynets beføjelser."),
                attention(
                    "Handlepligten udløses af det, kommunen ved – også fra en beboerhenvendelse, "
                    "en avisartikel eller et rødt flag i monitoreringen. Dokumentér, hvad du har "
                    "vurderet, og hvorfor."
                ),
                info("Ankestyrelsen fører tilsyn med, at kommunen overholder sin handlepligt."),
            ],
            "related": ["reaktionstrappen", "revisors-forbehold"],
        },
        {
            "slug": "reaktionstrappen",
            "title": "Reaktionstrappen: fra dialog til midlertidig administrator",
            "summary": "Tilsynets reaktioner trappes op efter problemets alvor – dialog først, "
            "midlertidig administrator som sidste udvej.",
            "topics": ["handlepligt-og-sanktioner"],
            "reviewed": datetime.date(2025, 11, 10),
            "owner": JURA,
            "body": [
                table(
                    "Trinene",
                    ["Trin", "Reaktion", "Typisk anvendelse"],
                    ["1", "Dialog og vejledning", "Mindre forhold, der kan rettes i samarbejde"],
                    ["2", "Skriftlig aftale med frist", "Forhold, der kræver en konkret plan"],
                    ["3", "Påbud", "Når aftaler ikke overholdes"],
                    ["4", "Afsættelse af bestyrelsen", "Alvorlige eller gentagne overtrædelser"],
                    ["5", "Midlertidig administrator", "Sidste udvej, når ledelsen ikke fungerer"],
                ),
                text(
                    "Et påbud og en afsættelse er afgørelser. Boligorganisationen skal partshøres, "
                    "og afgørelsen skal begrundes og indeholde klagevejledning."
                ),
                attention(
                    "Spring ikke trin over uden grund. Et indgreb, der er mere vidtgående end "
                    "nødvendigt, kan blive underkendt."
                ),
            ],
            "related": ["kommunens-handlepligt"],
        },
        {
            "slug": "aeldreboliger-og-selvejende-institutioner",
            "title": "Ældreboliger, plejeboliger og selvejende institutioner",
            "summary": "Særlige regler gælder for ældre- og ungdomsboliger og for selvejende "
            "institutioner.",
            "topics": ["saerlige-boligtyper"],
            "reviewed": datetime.date(2026, 7, 1),
            "owner": TEAM,
            "body": [
                text(
                    "Almene ældreboliger kan ejes af en boligorganisation, en selvejende "
                    "institution, en kommune eller en region. Kommunen har anvisningsretten til "
                    "ældreboliger og betaler lejetab, når de står tomme."
                ),
                text(
                    bullets(
                        "<strong>Ældre- og plejeboliger:</strong> kommunen anviser og betaler tomgang.",
                        "<strong>Ungdomsboliger:</strong> høj fraflytning er normal; "
                        "sammenlign med andre ungdomsboliger.",
                        "<strong>Selvejende institutioner:</strong> har ingen dispositionsfond i "
                        "boligorganisationens forstand.",
                    )
                ),
                attention(
                    "Sammenlign ikke en ungdomsboligafdeling med familieboliger. Monitoreringen "
                    "kan sammenligne inden for samme boligtype."
                ),
            ],
            "related": ["tomgang-og-lejetab", "noegletal-og-flag"],
        },
        {
            "slug": "boligsociale-helhedsplaner",
            "title": "Udsatte boligområder og boligsociale helhedsplaner",
            "summary": "I udsatte boligområder hænger tilsynet sammen med den boligsociale "
            "indsats og udviklingsplanerne.",
            "topics": ["udsatte-boligomraader"],
            "reviewed": datetime.date(2024, 5, 27),
            "owner": TEAM,
            "body": [
                text(
                    "Boligorganisationer med afdelinger i udsatte boligområder arbejder ofte med "
                    "boligsociale helhedsplaner finansieret af Landsbyggefonden og med "
                    "udviklingsplaner, der ændrer områdets boligsammensætning."
                ),
                heading("I styringsdialogen"),
                checklist(
                    "Drøft i styringsdialogen",
                    "Status på helhedsplanen og dens mål.",
                    "Genhusning og tomgang i forbindelse med udviklingsplanen.",
                    "Økonomien i nedrivning, salg eller ombygning.",
                ),
                good_practice(
                    "Inviter kommunens boligsociale koordinator med til styringsdialogmødet, "
                    "når en afdeling er omfattet af en helhedsplan."
                ),
            ],
            "related": [
                "kommunal-anvisning-og-fleksibel-udlejning",
                "renoveringsstoette-fra-landsbyggefonden",
            ],
        },
    ]
