"""The three initiatives on the home page with a page about each, and the footer's pages."""

from portal.demo import child, footer_pages
from portal.models import StandardPage

from .blocks import attention, bullets, checklist, faq, heading, info, text

INITIATIVES = [
    (
        "styrket-vejledning",
        "Styrket vejledning",
        "Vejledning til kommunernes tilsyn, ordnet efter emne og gennemgået mindst en gang om "
        "året.",
        [
            text(
                "Styrelsen samler og udbygger vejledningen til kommunernes tilsyn med de almene "
                "boligorganisationer. Vejledningen er skrevet til sagsbehandleren, der skal "
                "forberede en styringsdialog eller svare på en henvendelse, og den henviser til "
                "de regler, den bygger på.",
            ),
            text(
                bullets(
                    "Vejledning om alle dele af tilsynet, ordnet efter emne.",
                    "Ofte stillede spørgsmål med korte svar.",
                    "Tjeklister og skabeloner, der kan bruges direkte.",
                )
            ),
            info(
                "Hver vejledning har en ansvarlig enhed i styrelsen og en dato for, hvornår "
                "den sidst er gennemgået."
            ),
        ],
    ),
    (
        "konferencer-og-netvaerk",
        "Konferencer og netværk",
        "Årlige tilsynskonferencer og netværk, hvor tilsynsmedarbejdere deler erfaringer.",
        [
            text(
                "Mange kommuner har kun én eller to medarbejdere, der kender tilsynsopgaven. "
                "Konferencerne og netværkene giver mulighed for at lære af kolleger i andre "
                "kommuner og for at drøfte konkrete sager i et fortroligt forum.",
            ),
            heading("Netværkene"),
            text(
                "Der er et landsdækkende netværk og et netværk i hver region. Netværkene er "
                "lukkede for andre end tilsynsmedarbejdere og styrelsen. Her kan du stille "
                "spørgsmål, dele dokumenter og se netværksmøder."
            ),
            checklist(
                "Sådan kommer du med",
                "Opret en bruger med din kommunale e-mailadresse.",
                "Anmod om adgang til de netværk, du vil være med i.",
                "Tilmeld dig konferencer og netværksdage under Konferencer og arrangementer.",
            ),
        ],
    ),
    (
        "proaktivt-sektortilsyn",
        "Proaktivt sektortilsyn og monitorering",
        "Styrelsen monitorerer nøgletal og viser hver tilsynskommune de organisationer og "
        "afdelinger, der kræver opmærksomhed.",
        [
            text(
                "Som en del af det proaktive sektortilsyn har styrelsen udvidet monitoreringen af "
                "boligorganisationernes og afdelingernes nøgletal. På grundlag af monitoreringen "
                "kan styrelsen:",
                bullets(
                    "identificere boligorganisationer og afdelinger med kritiske nøgletal, som "
                    "tilsynskommunen bør være opmærksom på,",
                    "bidrage med viden om en organisations eller afdelings situation, så "
                    "kommunen får bedre forudsætninger for styringsdialogen.",
                ),
            ),
            attention(
                "Monitoreringen erstatter ikke kommunens eget tilsyn. Et flag er et signal, som "
                "kommunen skal vurdere."
            ),
            faq(
                (
                    "Hvem kan se nøgletallene?",
                    "Tilsynsmedarbejdere i tilsynskommunen og styrelsens analytikere.",
                ),
                (
                    "Hvor ofte opdateres de?",
                    "Hovedkørslen sker hver sommer, når regnskaberne er modtaget, og derefter "
                    "hver måned.",
                ),
                heading="Spørgsmål om monitoreringen",
            ),
        ],
    ),
]

ACCESSIBILITY = [
    text(
        "Bolig- og Planstyrelsen er forpligtet til at gøre Tilsynsportalen tilgængelig i "
        "overensstemmelse med lov om tilgængelighed af offentlige organers websteder og "
        "mobilapplikationer. Erklæringen gælder tilsynsportalen.dk."
    ),
    heading("Overholdelsesstatus"),
    text(
        "Portalen overholder delvist standarden EN 301 549 og dermed WCAG 2.1 på niveau AA. "
        "Portalen er bygget på Det Fælles Designsystem, og hver side testes automatisk for "
        "tilgængelighedsfejl, før den sættes i drift."
    ),
    heading("Indhold, der ikke er tilgængeligt"),
    text(
        bullets(
            "Nogle ældre PDF-dokumenter, især publikationer fra før 2022, er ikke fuldt "
            "tilgængelige for skærmlæsere.",
            "Optagelser fra konferencer har ikke altid danske undertekster.",
            "Afspilleren til optagelser kommer fra en ekstern leverandør og kan ikke altid "
            "betjenes fuldt ud med tastatur.",
        )
    ),
    text(
        "Vi retter dokumenterne, når de opdateres, og vi tilføjer undertekster til nye "
        "optagelser. Har du brug for et dokument i en tilgængelig udgave, så skriv til os."
    ),
    heading("Feedback og kontakt"),
    text(
        'Oplever du problemer med tilgængeligheden, så skriv til <a href="mailto:tilsyn@bpst.dk">'
        "tilsyn@bpst.dk</a>. Vi svarer inden for ti arbejdsdage."
    ),
    heading("Klage"),
    text(
        "Er du utilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, der fører "
        "tilsyn med tilgængeligheden af offentlige organers websteder."
    ),
    info("Erklæringen er udarbejdet 1. oktober 2026 og gennemgås mindst en gang om året."),
]

PRIVACY = [
    text(
        "Bolig- og Planstyrelsen er dataansvarlig for de personoplysninger, der behandles på "
        "Tilsynsportalen. Her kan du læse, hvilke oplysninger vi behandler, hvorfor, hvor længe "
        "og hvilke rettigheder du har."
    ),
    heading("Hvilke oplysninger behandler vi?"),
    text(
        bullets(
            "Navn, e-mailadresse, stilling, telefonnummer og arbejdsplads (kommune eller "
            "styrelsen), når du har en bruger.",
            "Dine roller og dine adgange til netværk og nøgletal.",
            "Oplysninger om totrinsbekræftelse (ikke selve koderne).",
            "Log over log-ind og visning af fortrolige nøgletal (tidspunkt og IP-adresse).",
            "Dine tilmeldinger til konferencer, arrangementer og netværksmøder.",
            "Indlæg, kommentarer og filer, du deler i netværkene.",
        )
    ),
    text(
        "Læser du vejledning og nyheder uden at logge ind, behandler vi ingen personoplysninger om dig."
    ),
    heading("Hvorfor?"),
    text(
        "Vi behandler oplysningerne for at kunne understøtte kommunernes tilsyn med de almene "
        "boligorganisationer, give adgang til netværk og nøgletal og afholde arrangementer. "
        "Behandlingen sker som led i myndighedsudøvelse, jf. databeskyttelsesforordningens "
        "artikel 6, stk. 1, litra e. Loggen over adgang til nøgletal bruger vi til at "
        "kontrollere, at kun de rette personer ser fortrolige oplysninger."
    ),
    heading("Hvor længe?"),
    text(
        bullets(
            "Din bruger og din profil gemmes, indtil du selv sletter brugeren, eller en "
            "administrator lukker den.",
            "Tilmeldinger til arrangementer og netværksmøder og dine medlemskaber af netværk "
            "gemmes sammen med din bruger og slettes med den.",
            "Sikkerhedsloggen gemmes, så længe den er nødvendig for at undersøge "
            "sikkerhedshændelser; sletter du din bruger, fjernes din e-mailadresse fra loggen.",
        )
    ),
    heading("Dine rettigheder"),
    text(
        "Du har ret til indsigt i de oplysninger, vi behandler om dig, og til at få forkerte "
        "oplysninger rettet. Du kan også have ret til at få oplysninger slettet, til at begrænse "
        "behandlingen, til at gøre indsigelse og til at få dine oplysninger udleveret "
        "(dataportabilitet)."
    ),
    checklist(
        "Det kan du selv gøre",
        "Hent alle dine oplysninger som en fil under Min profil på /konto/profil/mine-data/.",
        "Slet din bruger under Min profil på /konto/profil/slet/.",
    ),
    attention(
        "Sletter du din bruger, fjerner vi dine personoplysninger. Indlæg og kommentarer, du har "
        "skrevet i netværkene, bliver stående, så samtalerne giver mening, men vises med "
        "afsenderen «Slettet bruger»."
    ),
    heading("Kontakt og klage"),
    text(
        "Spørgsmål om behandlingen kan rettes til styrelsens databeskyttelsesrådgiver på <a "
        'href="mailto:dpo@bpst.dk">dpo@bpst.dk</a>. Du kan klage til Datatilsynet, '
        "Carl Jacobsens Vej 35, 2500 Valby, dt@datatilsynet.dk."
    ),
]


def load_pages(home):
    about = child(
        home,
        StandardPage,
        "styrket-tilsyn",
        title="Styrket understøttelse af det kommunale tilsyn",
        summary="Baggrunden for styrelsens tre initiativer på tilsynsområdet.",
        body=[
            text(
                "En analyse fra 2021 under Grøn boligaftale 2020 konkluderede, at modellen for "
                "tilsynet med den almene sektor grundlæggende er hensigtsmæssig, men at tilsynet "
                "skal styrkes på en række områder. Bolig- og Planstyrelsen har derfor sat tre "
                "initiativer i gang, der skal styrke kommunernes viden og kompetencer, øge "
                "vidensdelingen og styrke datagrundlaget for tilsynet."
            )
        ],
    )
    pages = [
        child(about, StandardPage, slug, title=title, summary=summary, body=body)
        for slug, title, summary, body in INITIATIVES
    ]
    if not home.initiatives:
        home.initiatives = [
            ("initiative", {"title": page.title, "text": page.summary, "page": page})
            for page in pages
        ]
        home.save_revision().publish()
    footer_pages(home, ACCESSIBILITY, PRIVACY)
