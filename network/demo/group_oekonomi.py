"""Økonomi og regnskab: an open group on budgets, accounts, funds and auditors' reports."""

from guidance.demo.blocks import ALMENBOLIGLOVEN, DRIFTSBEKENDTGOERELSEN
from network.choices import GroupKind

from . import files
from .spec import attachment, demo_file, reply, thread

GROUP = {
    "slug": "oekonomi-og-regnskab",
    "name": "Økonomi og regnskab",
    "kind": GroupKind.OPEN,
    "description": (
        "Spørgsmål og svar om boligorganisationernes økonomi: budgetter, regnskaber, "
        "revisionsprotokollater, dispositionsfond, arbejdskapital og henlæggelser."
    ),
    "created_by": "rasmus",
    "days_ago": 510,
    "moderators": ["jakob.steen", "thomas.bak"],
    "members": [
        "mette",
        "karen",
        "ole",
        "lise",
        "jonas.brandt",
        "niels.aagaard",
        "michael.holst",
        "kasper.friis",
        "morten.skov",
        "line.kjeldsen",
        "ida.noergaard",
        "claus.pedersen",
    ],  # fmt: skip
    "removed": ["bo.vestergaard"],
}

THREADS = [
    thread(
        "ordliste",
        "Ordliste: konti og begreber, vi ofte spørges om",
        "thomas.bak",
        500,
        f"""
        En kort ordliste til nye kolleger. Kontonumrene følger
        [driftsbekendtgørelsens]({DRIFTSBEKENDTGOERELSEN}) kontoplan for afdelinger.

        - **Konto 120:** henlæggelser til planlagt og periodisk vedligeholdelse (PPV)
        - **Konto 129:** tab ved lejeledighed
        - **Konto 130:** tab ved fraflytninger
        - **Dispositionsfond:** organisationens solidariske fond, der dækker blandt andet
          tab ved lejeledighed og store fraflytningstab
        - **Arbejdskapital:** organisationens driftskapital, opbygget af bidrag og overskud
        - **Lejemålsenhed:** den tælleenhed, satserne beregnes efter

        Skriv gerne, hvis noget mangler.
        """,
        [
            reply(
                "jonas.brandt",
                "Godt initiativ. Tilføj gerne *opsamlet underskud* og hvordan det afvikles.",
            ),
            reply(
                "thomas.bak",
                """
                Tilføjet her, så den står samlet:

                - **Opsamlet underskud:** underskud fra tidligere år, der ikke er dækket.
                  Afvikles normalt over nogle år via huslejen efter en plan.
                """,
                quotes=0,
            ),
            reply(
                "lise", "Tak, den gemmer jeg. Det er præcis den slags, man glemmer mellem møderne."
            ),
            reply("mette", "Meget nyttig for en nybegynder som mig. Tak, @thomas.bak!"),
        ],
        pinned=True,
    ),
    thread(
        "disponibel-bunden",
        "Forskellen på disponibel og bunden dispositionsfond?",
        "mette",
        420,
        """
        Jeg er ny i tilsynet og forstår ikke helt opdelingen af dispositionsfonden i en
        disponibel og en bunden del. Hvilken del skal vi holde øje med?
        """,
        [
            reply(
                "niels.aagaard",
                """
                Den **disponible** del er de likvide midler, organisationen kan bruge nu. Den
                **bundne** del er for eksempel lånt ud til afdelinger og kan ikke bruges lige
                nu.

                Det er den disponible del, der skal dække tab ved lejeledighed og store
                fraflytningstab, så den er vigtigst at følge. Sammenlign den med
                grænseværdien pr. lejemålsenhed.
                """,
                solution=True,
            ),
            reply(
                "mette",
                "Tak, det giver mening. Så en stor fond kan godt være et problem, hvis det meste er bundet?",
            ),
            reply(
                "jakob.steen",
                """
                Præcis. Se også, hvad den bundne del er bundet i, og om den kommer tilbage.
                Lån til afdelinger med underskud, der ikke bliver afviklet, er reelt tabt.
                """,
                quotes=1,
            ),
            reply(
                "karen",
                "Godt spørgsmål, @medlem – det er et af de spørgsmål, vi stiller på alle styringsdialogmøder.",
            ),
        ],
    ),
    thread(
        "negativ-arbejdskapital",
        "Negativ arbejdskapital – hvordan kan det overhovedet ske?",
        "claus.pedersen",
        360,
        """
        I regnskabet for en boligorganisation i Hjørring er arbejdskapitalen negativ med ca.
        450 kr. pr. lejemålsenhed. Hvordan kan det ske, og hvad skal vi bede om?
        """,
        [
            reply(
                "jakob.steen",
                """
                Arbejdskapitalen kan blive negativ, hvis organisationen har haft underskud på
                sin egen drift, for eksempel på administrationen, eller hvis den har dækket
                udgifter, der burde være betalt af afdelingerne.

                Bed om:

                1. en forklaring på, hvad der har ført til underskuddet
                2. en plan for at bringe arbejdskapitalen i balance
                3. revisors vurdering i protokollatet

                Negativ arbejdskapital er et alvorligt tegn og bør med på styringsdialogmødet.
                """,
                solution=True,
            ),
            reply(
                "claus.pedersen",
                "Revisor skriver, at det skyldes en tabt retssag om en entreprise. Er det en forklaring, vi kan acceptere?",
            ),
            reply(
                "ida.noergaard",
                """
                Det er en forklaring, men ikke en plan. Vi ville bede om en plan for, hvordan
                arbejdskapitalen genopbygges, og om bestyrelsen har vurderet, om
                administrationsbidraget skal hæves midlertidigt.
                """,
            ),
            reply(
                "claus.pedersen",
                "Tak. Vi beder om en plan inden årets udgang.",
            ),
        ],
    ),
    thread(
        "administrationsbidrag-hoejt",
        "Administrationsbidrag på over 8.000 kr. pr. lejemålsenhed",
        "michael.holst",
        290,
        """
        En boligorganisation i Vejle med godt 1.200 lejemålsenheder har et
        administrationsbidrag på ca. 8.200 kr. pr. lejemålsenhed. Det ligger langt over, hvad
        vi ser hos de andre.

        Hvad er et normalt niveau, og hvad kan vi gøre?
        """,
        [
            reply(
                "thomas.bak",
                """
                Medianen ligger omkring 4.500 kr., og de fleste ligger mellem 3.500 og 6.500 kr.
                Mindre organisationer ligger typisk lidt højere. 8.200 kr. er højt for en
                organisation af den størrelse.
                """,
            ),
            reply(
                "jakob.steen",
                """
                Det er organisationens øverste organ, der fastsætter bidraget, men kommunen kan
                bede om en redegørelse for, hvad bidraget dækker, og hvorfor det er højere end
                hos sammenlignelige organisationer. Indgå gerne en aftale i styringsdialogen om
                en analyse af administrationens omkostninger.
                """,
                solution=True,
            ),
            reply(
                "michael.holst",
                "Tak. De har en egen ejendomsfunktion, som måske forklarer noget. Vi beder om en opdeling.",
            ),
            reply(
                "kasper.friis",
                """
                Spørg også, om afdelingerne betaler særskilt for ydelser, der ellers ligger i
                bidraget. Det gør sammenligninger svære.
                """,
            ),
        ],
    ),
    thread(
        "bemaerkninger-forbehold",
        "Væsentlige bemærkninger eller forbehold – hvad er forskellen?",
        "line.kjeldsen",
        230,
        """
        I revisionsprotokollatet for en organisation står der tre *væsentlige bemærkninger*,
        men ingen forbehold i påtegningen. Hvordan skal vi vægte det?
        """,
        [
            reply(
                "jakob.steen",
                """
                Et **forbehold** betyder, at revisor ikke kan stå inde for hele regnskabet.
                **Væsentlige bemærkninger** handler typisk om forretningsgange, dokumentation
                eller forhold, revisor mener, bestyrelsen skal rette op på.

                Én bemærkning bør følges op. To eller flere i samme år, eller den samme
                bemærkning flere år i træk, vejer lige så tungt som et forbehold i praksis.
                """,
                solution=True,
            ),
            reply(
                "line.kjeldsen",
                "Det er en god tommelfingerregel. Bemærkningerne handler om IT-sikkerhed og attestation af bilag.",
            ),
            reply(
                "morten.skov",
                "Attestation af bilag bør være let at rette op på. Bed om en bekræftelse fra revisor næste år.",
            ),
            reply(
                "ole",
                "Portalens flag slår også ud på to eller flere bemærkninger, så I vil se det der også.",
            ),
        ],
    ),
    thread(
        "regnskab-ikke-modtaget",
        "Regnskabet er ikke indberettet – hvornår skal vi reagere?",
        "ida.noergaard",
        140,
        """
        Det er nu slutningen af juli, og en organisation har stadig ikke indberettet sidste
        års regnskab til Landsbyggefonden. Vi har hørt, at det skyldes sygdom i
        administrationen.

        Hvor længe skal vi vente?
        """,
        [
            reply(
                "niels.aagaard",
                """
                Fristen var 31. maj. Vi skriver allerede i juni til dem, der ikke har
                indberettet, og beder om en dato. Sygdom forklarer en kort forsinkelse, men to
                måneder er for lang tid.
                """,
                solution=True,
            ),
            reply(
                "ida.noergaard",
                "Vi skriver i dag. Skal vi bede om det ureviderede regnskab i mellemtiden?",
            ),
            reply(
                "niels.aagaard",
                "Ja, det kan give jer et billede af økonomien, indtil det reviderede regnskab foreligger.",
                quotes=1,
            ),
            reply(
                "jakob.steen",
                """
                Og mangler regnskabet også næste år, er det et alvorligt forhold, som kræver
                en konkret plan for at få styr på administrationen.
                """,
            ),
        ],
    ),
    thread(
        "fraflytningstab",
        "Tab ved fraflytning over det beløb, afdelingen selv bærer",
        "ole",
        75,
        f"""
        En afdeling har haft et par meget store tab ved fraflytninger. Hvordan er det nu med
        fordelingen mellem afdelingen og dispositionsfonden? Jeg har kigget i
        [almenboligloven]({ALMENBOLIGLOVEN}) uden at finde beløbet.
        """,
        [
            reply(
                "kasper.friis",
                """
                Afdelingen bærer tabet op til et fast beløb pr. lejemålsenhed om året, som
                reguleres årligt. Det, der overstiger beløbet, dækkes af dispositionsfonden.
                Satsen finder du i Landsbyggefondens oversigt over årets satser.
                """,
                solution=True,
            ),
            reply("ole", "Tak, så dækker fonden størstedelen i vores sag."),
            reply(
                "michael.holst",
                """
                Værd at se på, om istandsættelsen ved fraflytning er for dyr. Store tab kan
                også skyldes, at afdelingen betaler for meget for istandsættelse.
                """,
            ),
            reply(
                "thomas.bak",
                "Og om organisationen forfølger kravene mod de fraflyttede lejere. Det sker ikke altid.",
            ),
        ],
    ),
    thread(
        "henlaeggelser-niveau",
        "Henlæggelser: hvad er et rimeligt niveau pr. m²?",
        "karen",
        12,
        """
        Vi bliver ofte spurgt af afdelingsbestyrelser, hvad et rimeligt niveau for
        henlæggelser er. Vi svarer altid, at det afhænger af vedligeholdelsesplanen, men
        findes der et pejlemærke?
        """,
        [
            reply(
                "thomas.bak",
                """
                Medianen ligger omkring 100 kr. pr. m², og de fleste afdelinger ligger mellem
                70 og 140 kr. Men det rigtige svar er stadig planen: En ny afdeling kan have
                brug for mindre, en afdeling fra 1970'erne uden helhedsplan for mere.
                """,
                solution=True,
            ),
            reply(
                "karen",
                "Tak. Så svarer vi med tallet og med planen, og at vi bruger begge i styringsdialogen.",
            ),
            reply(
                "jonas.brandt",
                "Vi viser også de opsparede henlæggelser pr. bolig. En afdeling med lave årlige henlæggelser, men en stor opsparing, er ikke nødvendigvis et problem.",
            ),
            reply(
                "mette",
                "Tak for tråden. Det er nyttigt at have tallene, når vi taler med afdelingerne.",
            ),
        ],
    ),
]

ATTACHMENTS = [
    attachment(
        "henlaeggelser-niveau",
        demo_file(
            "Henlæggelser pr. m2 efter opførelsesperiode.xlsx",
            files.xlsx,
            "Henlæggelser",
            [
                "Opførelsesperiode",
                "Afdelinger",
                "25 %-fraktil (kr./m²)",
                "Median (kr./m²)",
                "75 %-fraktil (kr./m²)",
            ],
            [
                ["Før 1960", 412, 84, 112, 148],
                ["1960–1979", 968, 78, 104, 139],
                ["1980–1999", 1204, 71, 96, 128],
                ["2000–2014", 655, 63, 88, 117],
                ["2015 og senere", 381, 52, 74, 98],
            ],
        ),
        reply=0,
    ),
    attachment(
        "regnskab-ikke-modtaget",
        demo_file(
            "Brev om manglende regnskab.docx",
            files.docx,
            "Manglende indberetning af årsregnskab",
            [
                "Kære [boligorganisation]",
                "Kommunen har ikke modtaget boligorganisationens regnskab for [år]. Fristen "
                "for indberetning til Landsbyggefonden var den 31. maj.",
                "Vi beder jer oplyse, hvornår regnskabet vil foreligge, og sende det "
                "ureviderede regnskab senest [dato].",
                "Har I spørgsmål, er I velkomne til at kontakte os.",
                "Med venlig hilsen",
                "[Navn], Tilsynet med almene boliger",
            ],
        ),
        reply=0,
    ),
]
