"""Guidance on the basis of supervision, the styringsdialog, how supervision is organised, and data."""

import datetime

from .blocks import (
    almenboligloven,
    attention,
    bullets,
    checklist,
    documents,
    driftsbekendtgoerelsen,
    good_practice,
    heading,
    info,
    table,
    text,
)
from .documents import pdf_document

TEAM = "Center for Bolig, Tilsynsteamet"
JURA = "Center for Bolig, Jura"
DATA = "Center for Bolig, Økonomi og data"


def pages():
    agenda = pdf_document(
        "Skabelon: dagsorden for styringsdialogmødet",
        "skabelon-dagsorden-styringsdialog.pdf",
        [
            "1. Velkomst og opfølgning på sidste års aftaler",
            "2. Årsregnskab og revisionsprotokol",
            "3. Styringsrapportens kritiske værdier",
            "4. Afdelinger med særlige udfordringer",
            "5. Vedligeholdelse, effektivitet og udlejning",
            "6. Nye aftaler og opfølgning",
            "7. Eventuelt",
        ],
        description="Word-venlig skabelon, som kommunen kan tilpasse til det lokale møde.",
    )
    return [
        {
            "slug": "kommunens-tilsyn-med-almene-boligorganisationer",
            "title": "Kommunens tilsyn med almene boligorganisationer",
            "summary": "Hvad tilsynet omfatter, hvem der har hvilke roller, og hvad tilsynet "
            "ikke er.",
            "topics": ["tilsynets-grundlag"],
            "reviewed": datetime.date(2026, 6, 12),
            "owner": JURA,
            "body": [
                text(
                    "Kommunalbestyrelsen fører tilsyn med de almene boligorganisationer, der har "
                    "hjemsted i kommunen. Tilsynet skal sikre, at boligorganisationen og dens "
                    "afdelinger drives lovligt og forsvarligt – både økonomisk og "
                    "forvaltningsmæssigt.",
                    "Tilsynet er en løbende opgave. Det årlige styringsdialogmøde er det faste "
                    "omdrejningspunkt, men tilsynet reagerer også, når kommunen i årets løb "
                    "bliver opmærksom på forhold, der kan være ulovlige eller uforsvarlige.",
                ),
                almenboligloven(
                    "Kapitel 13, §§ 164 ff.",
                    "Reglerne om kommunens tilsyn med og styringsdialog med de almene "
                    "boligorganisationer.",
                ),
                heading("Roller i tilsynet"),
                table(
                    "Hvem gør hvad",
                    ["Aktør", "Rolle"],
                    ["Tilsynskommunen", "Fører tilsyn og holder styringsdialog."],
                    ["Landsbyggefonden", "Modtager regnskaber, driver systemerne og yder støtte."],
                    ["Bolig- og Planstyrelsen", "Vejleder kommunerne og monitorerer nøgletal."],
                    ["Ankestyrelsen", "Fører tilsyn med kommunerne som myndighed."],
                    ["Beboerklagenævnet", "Afgør tvister mellem lejer og udlejer."],
                ),
                attention(
                    "Tilsynet er ikke en klageinstans. Henvender en beboer sig om en konkret "
                    "tvist med boligorganisationen, skal tilsynet henvise til beboerklagenævnet – "
                    "men samtidig overveje, om henvendelsen peger på et generelt problem, som "
                    "tilsynet selv bør undersøge."
                ),
            ],
            "related": [
                "lovlighedstilsyn-og-oekonomisk-tilsyn",
                "tilsynskommune-og-beliggenhedskommune",
                "kommunens-handlepligt",
            ],
        },
        {
            "slug": "lovlighedstilsyn-og-oekonomisk-tilsyn",
            "title": "Lovlighedstilsyn og økonomisk tilsyn",
            "summary": "Tilsynet ser både på, om reglerne overholdes, og på, om økonomien er "
            "forsvarlig. Her er forskellen.",
            "topics": ["tilsynets-grundlag", "oekonomi"],
            "reviewed": datetime.date(2025, 2, 3),
            "owner": JURA,
            "body": [
                heading("To sider af samme opgave"),
                text(
                    "Lovlighedstilsynet handler om, hvorvidt boligorganisationen overholder "
                    "almenboligloven, bekendtgørelserne og sine egne vedtægter. Det økonomiske "
                    "tilsyn handler om, hvorvidt organisationen og afdelingerne drives "
                    "forsvarligt, så beboerne ikke risikerer huslejestigninger eller tab, der "
                    "kunne have været undgået.",
                ),
                table(
                    "Eksempler på spørgsmål",
                    ["Lovlighed", "Økonomi"],
                    [
                        "Er afdelingsmødets beslutning truffet efter vedtægterne?",
                        "Er afdelingens henlæggelser store nok til vedligeholdelsesplanen?",
                    ],
                    [
                        "Er dispositionsfonden brugt til formål, loven tillader?",
                        "Har organisationen arbejdskapital nok til uforudsete udgifter?",
                    ],
                    [
                        "Er styringsdialogmødet holdt og referatet offentliggjort?",
                        "Er effektivitetstallet lavt år efter år?",
                    ],
                ),
                info(
                    "Tilsynet tager ikke stilling til, om en beslutning er klog, så længe den "
                    "ligger inden for lovens rammer og ikke er økonomisk uforsvarlig. "
                    "Beboerdemokratiet har et betydeligt råderum."
                ),
            ],
            "related": ["kommunens-tilsyn-med-almene-boligorganisationer", "kommunens-handlepligt"],
        },
        {
            "slug": "tilsynskommune-og-beliggenhedskommune",
            "title": "Tilsynskommune og beliggenhedskommune",
            "summary": "Det er boligorganisationens hjemsted, der afgør, hvilken kommune der "
            "fører tilsyn – også med afdelinger i andre kommuner.",
            "topics": ["tilsynets-grundlag", "tilsynets-organisering"],
            "reviewed": datetime.date(2026, 1, 20),
            "owner": JURA,
            "body": [
                text(
                    "Tilsynskommunen er den kommune, hvor boligorganisationen har hjemsted. Den "
                    "fører tilsyn med hele organisationen og alle dens afdelinger, også dem, der "
                    "ligger i andre kommuner. Omkring hver tiende afdeling ligger uden for "
                    "tilsynskommunen.",
                    "Beliggenhedskommunen – kommunen, hvor afdelingen ligger – har egne opgaver, "
                    "blandt andet ved ansøgninger om særlig driftsstøtte, ved kommunal anvisning "
                    "og når der bygges nyt eller renoveres.",
                ),
                table(
                    "Typisk opgavefordeling",
                    ["Opgave", "Tilsynskommune", "Beliggenhedskommune"],
                    ["Styringsdialog", "Ja", "Inddrages efter behov"],
                    ["Godkendelse af regnskab", "Ja", "Nej"],
                    ["Skema A, B og C ved nybyggeri", "Nej", "Ja"],
                    ["Kommunal anvisning", "Nej", "Ja"],
                ),
                good_practice(
                    "Når en afdeling ligger i en anden kommune, så aftal, hvordan I orienterer "
                    "hinanden. Mange tilsynskommuner sender referatet fra styringsdialogen til "
                    "beliggenhedskommunen."
                ),
                attention(
                    "Flytter en boligorganisation sit hjemsted, eller lægges to organisationer "
                    "sammen, skifter tilsynet kommune. Sørg for at overdrage sagens akter og "
                    "verserende aftaler."
                ),
            ],
            "related": ["sammenlaegning-af-boligorganisationer", "saerlig-driftsstoette"],
        },
        {
            "slug": "styringsdialogens-aarshjul",
            "title": "Styringsdialogens årshjul",
            "summary": "Sådan planlægger tilsynet årets styringsdialog med boligorganisationen.",
            "topics": ["styringsdialog"],
            "reviewed": datetime.date(2026, 3, 1),
            "owner": TEAM,
            "body": [
                text(
                    "Styringsdialogen er et årligt forløb, hvor tilsynskommunen og "
                    "boligorganisationen drøfter organisationens og afdelingernes situation på "
                    "grundlag af det seneste regnskab. Et styringsår behandler det foregående "
                    "regnskabsår.",
                ),
                table(
                    "Årshjulet for et kalenderregnskabsår",
                    ["Hvornår", "Hvad sker der", "Tilsynets opgave"],
                    ["1. januar", "Nye satser gælder", "Orientér dig i årets satser."],
                    [
                        "31. maj",
                        "Regnskabet skal være indberettet",
                        "Følg op på manglende regnskaber.",
                    ],
                    [
                        "Juni–august",
                        "Dokumentationspakken er klar",
                        "Læs styringsrapport og protokol.",
                    ],
                    ["August–december", "Styringsdialogmøder", "Hold mødet og skriv referat."],
                    ["31. december", "Styringsåret slutter", "Kontrollér, at alle møder er holdt."],
                ),
                heading("Planlægning"),
                checklist(
                    "Før sommerferien",
                    "Planlæg mødedatoer med alle boligorganisationer.",
                    "Tjek, at alle regnskaber er modtaget i Landsbyggefonden.",
                    "Aftal, hvem fra kommunen der deltager i hvert møde.",
                ),
                info(
                    "Har boligorganisationen forskudt regnskabsår, forskydes årshjulet tilsvarende."
                ),
            ],
            "related": [
                "forbered-styringsdialogmoedet",
                "laes-styringsrapporten",
                "regnskabsfrister-og-indberetning",
            ],
        },
        {
            "slug": "forbered-styringsdialogmoedet",
            "title": "Sådan forbereder du styringsdialogmødet",
            "summary": "En tjekliste til forberedelsen og en skabelon til dagsordenen.",
            "topics": ["styringsdialog"],
            "reviewed": datetime.date(2024, 9, 16),
            "owner": TEAM,
            "body": [
                text(
                    "Et godt møde kræver, at tilsynet har læst materialet og på forhånd har "
                    "udvalgt de få emner, der er vigtigst i år. Send dagsordenen i god tid, så "
                    "boligorganisationen kan forberede svar."
                ),
                heading("Tjekliste til forberedelsen"),
                checklist(
                    "Forberedelse",
                    "Læs styringsrapporten og marker kritiske værdier.",
                    "Læs revisionsprotokollen og revisors påtegning.",
                    "Følg op på aftalerne fra sidste års møde.",
                    "Tjek flag og nøgletal i monitoreringen for organisationen og afdelingerne.",
                    "Send dagsorden og eventuelle spørgsmål senest to uger før mødet.",
                ),
                documents("Skabeloner", agenda),
                attention(
                    "Et tema, der går igen år efter år uden fremskridt, bør følges op med en "
                    "konkret aftale og en frist – ikke kun med en bemærkning i referatet."
                ),
            ],
            "related": ["styringsdialogens-aarshjul", "aftaler-og-referat-fra-styringsdialogen"],
        },
        {
            "slug": "laes-styringsrapporten",
            "title": "Sådan læser du styringsrapporten",
            "summary": "Styringsrapporten samler nøgletal for organisationen og afdelingerne og "
            "markerer kritiske værdier.",
            "topics": ["styringsdialog", "data-og-noegletal"],
            "reviewed": datetime.date(2026, 5, 4),
            "owner": DATA,
            "body": [
                text(
                    "Styringsrapporten er en del af dokumentationspakken og dannes i "
                    "Almenstyringsdialog.dk ud fra regnskabet. Den sammenligner organisationen og "
                    "afdelingerne med sammenlignelige enheder og markerer værdier, der ligger i "
                    "den dårligste ende, som kritiske værdier."
                ),
                heading("Kritiske værdier er et signal, ikke en dom"),
                text(
                    "En kritisk værdi betyder, at tallet skiller sig ud. Der kan være gode "
                    "forklaringer – for eksempel en renovering, der midlertidigt giver tomgang. "
                    "Brug værdien som anledning til et spørgsmål på mødet."
                ),
                checklist(
                    "Spørgsmål til styringsrapporten",
                    "Hvilke værdier er kritiske i år, og var de det også sidste år?",
                    "Gælder det hele organisationen eller enkelte afdelinger?",
                    "Hænger udviklingen sammen med kendte forhold, f.eks. en renovering?",
                    "Hvad vil organisationen gøre, og hvornår?",
                ),
                info(
                    "Portalens monitorering viser de samme tal over ti år og kombinerer dem i "
                    "flag, så udviklingen er lettere at se end i et enkelt års rapport."
                ),
            ],
            "related": ["noegletal-og-flag", "forbered-styringsdialogmoedet"],
        },
        {
            "slug": "aftaler-og-referat-fra-styringsdialogen",
            "title": "Aftaler og referat fra styringsdialogen",
            "summary": "Referatet skal offentliggøres, og aftaler skal være konkrete, så de kan "
            "følges op.",
            "topics": ["styringsdialog"],
            "reviewed": datetime.date(2025, 8, 28),
            "owner": TEAM,
            "body": [
                text(
                    "Efter mødet udarbejder kommunen eller boligorganisationen et referat, som "
                    "begge parter godkender. Referatet offentliggøres, så beboere og andre kan "
                    "se, hvad der er drøftet og aftalt."
                ),
                driftsbekendtgoerelsen(
                    "Reglerne om styringsdialog",
                    "Fastsætter blandt andet dokumentationspakkens indhold og kravet om "
                    "offentliggørelse af referatet.",
                ),
                heading("Gode aftaler"),
                text(
                    bullets(
                        "siger, <strong>hvem</strong> der gør hvad,",
                        "har en <strong>frist</strong>,",
                        "kan <strong>måles</strong>, så begge parter ved, om aftalen er opfyldt.",
                    )
                ),
                good_practice(
                    "Skriv aftalerne i en fast tabel sidst i referatet, og begynd næste års "
                    "møde med at gennemgå den."
                ),
            ],
            "related": ["forbered-styringsdialogmoedet", "kommunens-handlepligt"],
        },
        {
            "slug": "organiser-tilsynet-i-kommunen",
            "title": "Sådan organiserer kommunen tilsynet",
            "summary": "Bemanding, kompetencer, delegation og habilitet i tilsynsenheden.",
            "topics": ["tilsynets-organisering"],
            "reviewed": datetime.date(2026, 9, 9),
            "owner": TEAM,
            "body": [
                text(
                    "Kommunerne organiserer tilsynet forskelligt. I de store kommuner er der en "
                    "egentlig tilsynsenhed; i mindre kommuner er tilsynet ofte en del af en "
                    "sagsbehandlers øvrige opgaver. Analysen fra 2021 viste, at tilsynet er mest "
                    "robust, hvor flere medarbejdere kender opgaven."
                ),
                heading("Organisering og bemanding"),
                checklist(
                    "Det bør være på plads",
                    "En beslutning om, hvilket udvalg tilsynet er henlagt til.",
                    "Klar delegation fra kommunalbestyrelsen til forvaltningen.",
                    "Mindst to medarbejdere, der kender tilsynsopgaven.",
                    "Adgang til juridisk og økonomisk sparring.",
                ),
                almenboligloven(
                    "§ 14",
                    "Medarbejdere, der udøver tilsynet, og formanden for det udvalg, tilsynet "
                    "er henlagt til, kan ikke sidde i en almen boligorganisations bestyrelse.",
                ),
                attention(
                    "Vær opmærksom på habilitet, hvis en medarbejder selv bor i en afdeling hos "
                    "den boligorganisation, der føres tilsyn med."
                ),
            ],
            "related": ["dokumentation-af-tilsynet", "tilsynskommune-og-beliggenhedskommune"],
        },
        {
            "slug": "dokumentation-af-tilsynet",
            "title": "Dokumentér tilsynet",
            "summary": "God dokumentation gør tilsynet robust over for udskiftning og klager.",
            "topics": ["tilsynets-organisering"],
            "reviewed": datetime.date(2024, 11, 5),
            "owner": TEAM,
            "body": [
                text(
                    "Tilsynet er myndighedsudøvelse. Det, kommunen ser, vurderer og beslutter, "
                    "skal kunne genfindes i sagen – også når den medarbejder, der kender "
                    "boligorganisationen, er gået på pension."
                ),
                heading("Journalisering"),
                checklist(
                    "Det skal journaliseres",
                    "Dokumentationspakke, referat og aftaler fra styringsdialogen.",
                    "Henvendelser fra beboere og tilsynets svar.",
                    "Notater om tilsynets vurderinger, også når tilsynet vælger ikke at gøre noget.",
                    "Korrespondance om godkendelser.",
                ),
                good_practice(
                    "Et kort årligt notat pr. boligorganisation med status, risici og aftaler "
                    "giver et godt overblik for en ny kollega."
                ),
            ],
            "related": ["organiser-tilsynet-i-kommunen"],
        },
        {
            "slug": "noegletal-og-flag",
            "title": "Sådan læser du nøgletal og flag i monitoreringen",
            "summary": "Monitoreringen markerer boligorganisationer og afdelinger med kritiske "
            "nøgletal med et gult eller rødt flag.",
            "topics": ["data-og-noegletal"],
            "reviewed": datetime.date(2026, 7, 15),
            "owner": DATA,
            "body": [
                text(
                    "Styrelsen henter hvert år nøgletal for alle boligorganisationer og "
                    "afdelinger og kører et sæt regler over dem. En regel kan give et gult flag "
                    "(hold øje) eller et rødt flag (kritisk). Hvert flag har en begrundelse på "
                    "dansk og et link til den vejledning, der handler om emnet."
                ),
                table(
                    "Eksempler på regler",
                    ["Nøgletal", "Gult flag", "Rødt flag"],
                    ["Disponibel dispositionsfond", "Under halvdelen af grænseværdien", "Negativ"],
                    ["Tab ved lejeledighed", "Blandt de 10 % højeste", "Stigende tre år i træk"],
                    ["Regnskab modtaget", "Efter fristen", "Ikke modtaget ved årets udgang"],
                ),
                attention(
                    "Et flag er ikke en afgørelse. Det er tilsynets opgave at vurdere, om "
                    "forholdet giver anledning til at handle."
                ),
                info(
                    "Nøgletallene er kun synlige for tilsynsmedarbejdere i den kommune, der "
                    "fører tilsyn med organisationen."
                ),
            ],
            "related": ["laes-styringsrapporten", "tidlige-tegn-paa-oekonomiske-vanskeligheder"],
        },
    ]
