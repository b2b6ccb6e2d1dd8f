"""Tilsynsnetværket: the open national network where caseworkers ask and styrelsen answers."""

from guidance.demo.blocks import ALMENBOLIGLOVEN, DRIFTSBEKENDTGOERELSEN
from network.choices import GroupKind

from . import files
from .spec import attachment, demo_file, document, reply, thread

GROUP = {
    "slug": "tilsynsnetvaerket",
    "name": "Tilsynsnetværket",
    "kind": GroupKind.OPEN,
    "description": (
        "Det landsdækkende netværk for alle, der arbejder med kommunernes tilsyn med almene "
        "boligorganisationer. Stil spørgsmål, del skabeloner og erfaringer, og få svar fra "
        "kolleger og fra Bolig- og Planstyrelsen."
    ),
    "created_by": "rasmus",
    "days_ago": 560,
    "moderators": ["jakob.steen", "rasmus"],
    "members": [
        "karen",
        "anders",
        "ole",
        "lise",
        "mette",
        "gitte",
        "sofie.lund",
        "camilla.winther",
        "peter.dam",
        "nadia.rahimi",
        "bo.vestergaard",
        "eva.lindholm",
        "niels.aagaard",
        "line.kjeldsen",
        "michael.holst",
        "jesper.nygaard",
        "signe.ebbesen",
        "louise.moeller",
        "hanne.ravn",
        "kirsten.holm",
        "thomas.bak",
        "ida.noergaard",
        "claus.pedersen",
        "marie.lauritsen",
        "maja.kristiansen",
    ],  # fmt: skip
    "banned": ["salg"],
}

THREADS = [
    thread(
        "velkommen",
        "Velkommen til Tilsynsnetværket – læs dette først",
        "jakob.steen",
        540,
        """
        Velkommen til netværket for kommunernes tilsyn med de almene boligorganisationer.

        Her kan du spørge kolleger i hele landet, dele skabeloner og fortælle om sager, som
        andre kan lære af. Styrelsen læser med og svarer på spørgsmål om regler og praksis.

        **Et par spilleregler**

        1. Skriv aldrig personoplysninger om beboere: ingen navne, adresser eller CPR-numre.
        2. Omtal gerne boligorganisationer og afdelinger, men hold dig til fakta.
        3. Markér det svar, der løste dit spørgsmål, som **løsning**, så andre kan finde det.
        4. Regionale drøftelser hører hjemme i ERFA-grupperne.

        Vejledningen om tilsyn og styringsdialog finder du under *Vejledning* her på portalen.
        """,
        [
            reply(
                "karen",
                "Tak for et godt initiativ. Vi har savnet et sted at spørge på tværs af kommunerne.",
            ),
            reply(
                "lise",
                """
                Rigtig godt. Som lille kommune med én boligorganisation har vi ikke nogen at
                sparre med i huset, så det her bliver brugt.
                """,
            ),
            reply(
                "rasmus",
                """
                Et praktisk tip: Du kan følge netværket og få besked, når der kommer nye tråde.
                Og husk, at tråde om konkrete sager i din egen kommune ofte passer bedst i din
                ERFA-gruppe.
                """,
            ),
            reply(
                "ida.noergaard",
                "Hej fra Aalborg. Vi er tre i tilsynet og glæder os til at bruge netværket.",
            ),
            reply(
                "marie.lauritsen",
                """
                Velkommen fra juristerne i styrelsen. Vi holder øje med spørgsmål om regler og
                svarer, så hurtigt vi kan.
                """,
            ),
        ],
        pinned=True,
    ),
    thread(
        "styringsdialog-forsinket-regnskab",
        "Styringsdialogmøde når regnskabet er forsinket?",
        "lise",
        470,
        """
        Vores eneste boligorganisation har meddelt, at regnskabet for sidste år først bliver
        indberettet til Landsbyggefonden i august, fordi de har skiftet revisor.

        Vi plejer at holde styringsdialogmødet i september. Skal vi:

        - holde mødet som planlagt uden den nye dokumentationspakke, eller
        - udskyde mødet, til pakken ligger i Almenstyringsdialog.dk?

        Og skal vi gøre noget ved selve forsinkelsen?
        """,
        [
            reply(
                "ole",
                """
                Vi havde samme situation i Odense for to år siden. Vi udskød mødet til
                november, så vi kunne tage udgangspunkt i det reviderede regnskab. Det gav et
                langt bedre møde end at drøfte tal, ingen havde set.
                """,
            ),
            reply(
                "jakob.steen",
                """
                Udskyd hellere mødet nogle uger end at holde det uden regnskab. Mødet skal bare
                holdes inden årets udgang, så styringsåret kan afsluttes.

                Selve forsinkelsen bør du tage op skriftligt nu:

                - Regnskabet skal være hos Landsbyggefonden senest fem måneder efter
                  regnskabsårets afslutning.
                - Bed organisationen om en skriftlig redegørelse og en dato for indberetningen.
                - Notér forløbet i jeres tilsynsnotat, så det kan indgå i dialogen.

                Et revisorskifte er en forklaring, men ikke en undtagelse fra fristen.
                """,
                solution=True,
            ),
            reply(
                "lise",
                "Tak, det er meget klart. Vi skriver til organisationen i dag og flytter mødet til midten af november.",
            ),
            reply(
                "kirsten.holm",
                """
                Supplement: I Aarhus sender vi en standardmail allerede 1. juni til de
                organisationer, der ikke har indberettet. Det fanger de fleste, før det bliver
                en sag.
                """,
            ),
        ],
    ),
    thread(
        "handlepligt-dialog-eller-paabud",
        "Handlepligt: hvornår går vi fra dialog til påbud?",
        "nadia.rahimi",
        430,
        f"""
        Vi har en boligorganisation, hvor revisor tre år i træk har påpeget manglende
        forretningsgange for indkøb. Organisationen lover forbedring hvert år, men protokollatet
        viser det samme.

        Jeg er i tvivl om, hvor grænsen går. Hvornår er vi forpligtet til at gå videre end
        dialogen, og hvilke skridt bør vi tage før et egentligt påbud efter
        [almenboligloven]({ALMENBOLIGLOVEN})?
        """,
        [
            reply(
                "camilla.winther",
                """
                Vi har brugt en trappe, der har fungeret godt:

                1. Drøftelse på styringsdialogmødet med en konkret aftale og en frist
                2. Skriftlig henvendelse, hvor vi beder om dokumentation for, at aftalen er opfyldt
                3. Varsel om påbud med en sidste frist
                4. Påbud

                De fleste sager stopper ved trin 2, når det står sort på hvidt.
                """,
            ),
            reply(
                "marie.lauritsen",
                """
                Handlepligten indtræder, når kommunen får kendskab til ulovlige eller
                uforsvarlige forhold. Tre års gentagne bemærkninger fra revisor om det samme er
                efter min vurdering et tydeligt signal om, at dialogen alene ikke har virket.

                Det afgørende er, at sagen er **dokumenteret og proportional**:

                - Beskriv præcist, hvad der er i strid med reglerne eller forsvarlig forvaltning.
                - Giv organisationen en rimelig frist til at rette op og partshøring, før et påbud.
                - Vælg det mindst indgribende middel, der kan forventes at virke.

                Camillas trappe er god praksis. I jeres sag vil jeg springe direkte til trin 2
                med en kort frist.
                """,
                solution=True,
            ),
            reply(
                "nadia.rahimi",
                "Tak begge to. Det giver mig noget at gå til ledelsen med.",
                quotes=1,
            ),
            reply(
                "eva.lindholm",
                """
                Husk også at orientere organisationsbestyrelsen direkte og ikke kun
                administrationen. Bestyrelsen har ansvaret, og det er ikke sikkert, at den har
                hørt om revisors bemærkninger.
                """,
            ),
            reply(
                "sofie.lund",
                """
                Enig med Eva. Vi sender altid vores breve om revisionsprotokollatet til
                formanden med kopi til direktøren. Det har flyttet mere end et møde.
                """,
            ),
        ],
    ),
    thread(
        "skabelon-referat",
        "Skabelon til referat af styringsdialogmødet",
        "signe.ebbesen",
        400,
        """
        I Herning har vi lavet en ny skabelon til referatet. Den følger samme rækkefølge hvert
        år, så det er lettere at se udviklingen:

        1. Deltagere og materiale
        2. Økonomi: regnskab, budget, dispositionsfond og arbejdskapital
        3. Revisionsprotokollat og opfølgning
        4. Vedligeholdelse og henlæggelser
        5. Udlejning og tomgang
        6. Beboerdemokrati
        7. Aftaler og opfølgning fra sidste år
        8. Nye aftaler med ansvarlig og frist

        Hvordan gør I med punkt 7? Vi overvejer en tabel med status for hver aftale.
        """,
        [
            reply(
                "jesper.nygaard",
                """
                Vi har brugt en tabel i flere år, og den virker:

                | Aftale | Frist | Status |
                | --- | --- | --- |
                | Ny vedligeholdelsesplan for afd. 7 | 1. marts | Opfyldt |
                | Handleplan for tomgang | 1. juni | Delvist |

                Organisationen udfylder status, inden mødet.
                """,
            ),
            reply(
                "signe.ebbesen",
                "Det er præcis det, jeg ledte efter. Må jeg låne formen, @jesper.nygaard?",
            ),
            reply("jesper.nygaard", "Selvfølgelig, brug løs."),
            reply(
                "rasmus",
                """
                Fin skabelon. Husk at referatet skal offentliggøres, så skriv det, så en
                beboer kan læse det. Vi har et eksempel i vejledningen om styringsdialog.
                """,
            ),
            reply(
                "line.kjeldsen",
                """
                Vi har tilføjet et punkt om bestyrelsens egen vurdering af organisationens
                situation. Det giver en bedre samtale end kun at gennemgå tal.
                """,
            ),
        ],
    ),
    thread(
        "kritiske-vaerdier",
        "Kritiske værdier i styringsrapporten – hvordan prioriterer I?",
        "ole",
        350,
        """
        Vores største organisation har 14 markeringer af kritiske værdier i styringsrapporten i
        år. Vi kan ikke nå at gå i dybden med dem alle på mødet.

        Hvordan vælger I, hvilke der skal drøftes? Går I efter antal år i træk, beløb eller
        noget helt tredje?
        """,
        [
            reply(
                "kirsten.holm",
                """
                Vi sorterer i tre bunker:

                - **Økonomi, der kan true afdelingen**: opsamlet underskud, tab ved lejeledighed,
                  lave henlæggelser. Drøftes altid.
                - **Gentagelser**: det, der har været kritisk to eller flere år. Drøftes.
                - **Enkeltår uden forklaring**: spørger vi skriftligt om før mødet.

                Så bliver der typisk fire til fem punkter tilbage.
                """,
                solution=True,
            ),
            reply(
                "ole",
                "Det er en brugbar sortering. Spørger I skriftligt i god tid, eller sammen med dagsordenen?",
            ),
            reply(
                "kirsten.holm",
                "Tre uger før mødet, sammen med vores udkast til dagsorden. Så kan svarene indgå.",
            ),
            reply(
                "ida.noergaard",
                """
                Vi ser også på, om flere markeringer rammer den samme afdeling. En afdeling med
                høj fraflytning, tomgang og underskud samtidig er langt vigtigere end fem
                enkeltstående markeringer spredt ud over organisationen.
                """,
            ),
            reply(
                "jakob.steen",
                """
                Det er netop den tanke, portalens monitorering bygger på: flere samtidige
                advarsler i samme afdeling vejer tungest. @ida.noergaard, må vi bruge jeres
                eksempel i næste udgave af vejledningen?
                """,
            ),
            reply("ida.noergaard", "Ja, gerne, så længe afdelingen ikke kan genkendes."),
        ],
    ),
    thread(
        "beboerklage-afdelingsmoede",
        "Klage over afdelingsmødets beslutning – er det en tilsynssag?",
        "claus.pedersen",
        300,
        """
        En beboer har skrevet til kommunen og klager over, at afdelingsmødet har vedtaget at
        nedlægge et fælleshus. Beboeren mener, at mødet ikke var indkaldt korrekt.

        Skal vi behandle klagen som tilsynsmyndighed, eller skal den et andet sted hen?
        """,
        [
            reply(
                "hanne.ravn",
                """
                Tvister om afdelingsmødets beslutninger og om indkaldelsen hører som
                udgangspunkt under beboerklagenævnet. Kommunen er ikke klageinstans.

                Men læs henvendelsen som en oplysning: Hvis den tyder på, at organisationen
                generelt ikke overholder reglerne om beboerdemokrati, kan det blive en
                tilsynssag.
                """,
                solution=True,
            ),
            reply(
                "claus.pedersen",
                "Tak. Så svarer vi beboeren og henviser til beboerklagenævnet, og så holder vi øje med, om der kommer flere.",
            ),
            reply(
                "marie.lauritsen",
                """
                Det er den rigtige fremgangsmåde. Skriv gerne i svaret, at kommunen har noteret
                henvendelsen i tilsynet, så beboeren ikke oplever at blive afvist.
                """,
            ),
            reply(
                "maja.kristiansen",
                """
                Vi har en standardtekst til netop den slags svar. Jeg lægger den i ERFA
                Hovedstaden, men kan også sende den, hvis andre vil have den.
                """,
            ),
            reply("claus.pedersen", "Tak, @maja.kristiansen, den tager jeg gerne imod."),
            reply(
                "bo.vestergaard",
                """
                Vi havde samme sag i Helsingør. Klageren var Jens Hansen, Skovparken 14, 2. th.,
                som har klaget over hvert eneste afdelingsmøde siden 2019.
                """,
            ),
        ],
    ),
    thread(
        "satser",
        "Hvor finder vi årets satser for dispositionsfond og arbejdskapital?",
        "michael.holst",
        250,
        f"""
        Vi skal bruge de gældende beløb pr. lejemålsenhed for bidrag til dispositionsfonden og
        grænseværdien. I [driftsbekendtgørelsen]({DRIFTSBEKENDTGOERELSEN}) står de gamle beløb,
        men de reguleres jo hvert år.
        """,
        [
            reply(
                "thomas.bak",
                """
                Landsbyggefonden offentliggør de regulerede satser hvert år. Beløbene reguleres
                med nettoprisindekset og gælder fra det følgende regnskabsår.
                """,
                solution=True,
            ),
            reply("michael.holst", "Tak, den har jeg overset. Nu har jeg dem."),
            reply(
                "rasmus",
                """
                Portalens monitorering bruger de samme satser, når den vurderer
                dispositionsfonden, så tallene bør stemme med det, I ser i nøgletallene.
                """,
            ),
            reply(
                "niels.aagaard",
                "Tip: Læg linket til oversigten ind i jeres arbejdsgang for budgetkontrol. Beløbene ændrer sig hvert år.",
            ),
        ],
    ),
    thread(
        "midlertidig-administrator",
        "Erfaringer med midlertidig administrator?",
        "eva.lindholm",
        210,
        """
        Vi er i en sag, hvor det kan ende med, at kommunen overvejer at indsætte en midlertidig
        administrator. Det er første gang for os.

        Har nogen prøvet det? Jeg er særligt interesseret i, hvordan I har samarbejdet med
        styrelsen, og hvad det kostede.
        """,
        [
            reply(
                "sofie.lund",
                """
                Vi har prøvet det én gang for nogle år siden. Det vigtigste råd: Dokumentér
                hele forløbet fra starten. Vi brugte meget tid på at samle gamle breve og
                referater, da beslutningen skulle træffes.
                """,
            ),
            reply(
                "marie.lauritsen",
                """
                Det er det sidste og mest indgribende middel, så det kræver, at mindre
                indgribende skridt er forsøgt eller åbenbart ikke vil virke. Ring gerne til os,
                før I lægger jer fast. Vi kan ikke træffe beslutningen for jer, men vi kan
                gennemgå sagen med jer.
                """,
                solution=True,
            ),
            reply(
                "eva.lindholm",
                "Tak, @marie.lauritsen, jeg ringer i næste uge.",
            ),
            reply(
                "karen",
                """
                Udgifterne til administratoren afholdes af boligorganisationen. Men regn med,
                at det også kræver meget tid i kommunen, især de første måneder.
                """,
            ),
        ],
    ),
    thread(
        "tilsynsnotat",
        "Tilsynsnotat: hvor meget skriver I ned?",
        "camilla.winther",
        160,
        """
        Hvor detaljerede er jeres tilsynsnotater? Vi skriver et kort notat efter hvert møde,
        men har ikke et samlet notat pr. organisation, der følger sagen over flere år.

        Er der nogen, der har en god model?
        """,
        [
            reply(
                "peter.dam",
                """
                Vi har ét løbende notat pr. organisation i ESDH-systemet med tre faste afsnit:
                *Aktuelle forhold*, *Aftaler* og *Historik*. Det tager ti minutter at opdatere
                efter et møde, og en ny kollega kan sætte sig ind i sagen på en halv time.
                """,
                solution=True,
            ),
            reply(
                "camilla.winther",
                "Det lyder overskueligt. Hvor ofte rydder I op i *Historik*?",
            ),
            reply(
                "peter.dam",
                "En gang om året, når vi har holdt styringsdialogmødet. Det gamle flyttes til et arkivnotat.",
            ),
            reply(
                "bo.vestergaard",
                """
                Vi gør det samme, men vi har også et felt til, hvad kommunen *ikke* har
                undersøgt. Det har vist sig nyttigt, når revisionen spørger til vores tilsyn.
                """,
            ),
            reply(
                "camilla.winther",
                "God pointe. Det tager jeg med i vores skabelon.",
                quotes=3,
            ),
        ],
    ),
    thread(
        "noegletalsflag-erfaringer",
        "Portalens nøgletalsflag – første erfaringer",
        "kirsten.holm",
        90,
        """
        Vi har nu brugt monitoreringen på portalen i en sæson. Kort opsummeret:

        - **Godt:** Udviklingen over ti år og sammenligningen med lignende afdelinger.
        - **Godt:** At flaggene linker til vejledningen.
        - **Mindre godt:** Nogle gule flag for tomgang skyldes planlagte renoveringer.

        Er der andre, der har erfaringer at dele?
        """,
        [
            reply(
                "ole",
                """
                Samme oplevelse. Vi har afvist et par flag med en kort begrundelse, og det er
                fint, at begrundelsen bliver stående til næste år.
                """,
            ),
            reply(
                "rasmus",
                """
                Tak for tilbagemeldingen. Tomgang under renovering er et kendt problem; vi ser
                på, om organisationerne kan indberette det, så flaget ikke rejses.
                """,
            ),
            reply(
                "line.kjeldsen",
                "Vi vil gerne kunne eksportere flaggene direkte til dagsordenen for mødet. Det sparer os for meget copy-paste.",
            ),
            reply(
                "rasmus",
                "@line.kjeldsen, eksporten til mødeforberedelse ligger på siden for hver organisation. Brug *Hent rapport til styringsdialogen (Excel)*.",
            ),
            reply("line.kjeldsen", "Den havde jeg ikke set. Tak!"),
        ],
        was="""
        Vi har nu brugt monitoreringen på portalen i en sæson. Det virker godt, men nogle af de
        gule flag for tomgang skyldes planlagte renoveringer.
        """,
    ),
    thread(
        "fusion-godkendelse",
        "To boligorganisationer vil fusionere – hvad skal kommunen godkende?",
        "peter.dam",
        45,
        """
        To mindre boligforeninger i kommunen har besluttet at undersøge en sammenlægning. De
        spørger, hvad kommunen skal godkende, og hvor lang tid det tager.

        Har nogen en tjekliste?
        """,
        [
            reply(
                "marie.lauritsen",
                """
                Sammenlægningen skal godkendes af tilsynskommunen. Bed om:

                - de vedtægtsmæssige beslutninger i begge organisationer
                - en redegørelse for de økonomiske konsekvenser, herunder for dispositionsfond
                  og arbejdskapital
                - det seneste regnskab og revisionsprotokollat for begge
                - et udkast til nye vedtægter

                Ligger afdelinger i andre kommuner, bør de orienteres.
                """,
                solution=True,
            ),
            reply(
                "karen",
                """
                Vi bruger typisk to til tre måneder fra vi har modtaget det hele. Det tager
                længst tid, hvis dispositionsfondene er meget forskellige.
                """,
            ),
            reply(
                "peter.dam",
                "Tak begge. Jeg sender listen til foreningerne.",
            ),
            reply(
                "sofie.lund",
                """
                Se også på, om vedtægterne for den fortsættende organisation sikrer
                beboerflertal i bestyrelsen. Det er gået galt hos os én gang.
                """,
            ),
        ],
    ),
    thread(
        "oensker-til-konferencen",
        "Ønsker til programmet for næste tilsynskonference",
        "rasmus",
        120,
        """
        Vi er gået i gang med programmet for næste års tilsynskonference. Hvilke emner vil I
        gerne have oplæg og workshopper om?

        Skriv gerne, hvis I selv vil fortælle om en sag eller en arbejdsgang.
        """,
        [
            reply(
                "signe.ebbesen", "En workshop om, hvordan vi følger op på aftaler mellem møderne."
            ),
            reply("nadia.rahimi", "Handlepligt med konkrete, anonymiserede eksempler."),
            reply(
                "ida.noergaard",
                "Vi fortæller gerne om, hvordan vi har brugt nøgletallene til at udvælge afdelinger til besøg.",
            ),
            reply("lise", "Kan man deltage online? Det er langt fra Læsø."),
            reply(
                "rasmus",
                """
                Tak for forslagene; de kommer alle på programmet, og @ida.noergaard får et
                oplæg. Lise: Vi optager oplæggene og lægger dem på portalen bagefter.

                Tråden er låst, nu hvor programmet er lagt. Tilmeldingen åbner under
                *Konferencer og arrangementer*.
                """,
            ),
        ],
        locked=True,
    ),
]

REFERAT_SKABELON = demo_file(
    "Skabelon til referat af styringsdialogmødet.docx",
    files.docx,
    "Referat af styringsdialogmøde",
    [
        "Boligorganisation: [navn]    Dato: [dato]    Sted: [sted]",
        "1. Deltagere og materiale",
        "Deltagere fra organisationen og fra kommunen. Materiale: styringsrapport, regnskab, "
        "revisionsprotokollat og organisationens egen vurdering.",
        "2. Opfølgning på sidste års aftaler",
        "Aftale – frist – status. Er en aftale ikke opfyldt, noteres årsagen og en ny frist.",
        "3. Økonomi og nøgletal",
        "Dispositionsfond, arbejdskapital, henlæggelser og afdelinger med underskud.",
        "4. Kritiske forhold og handlepligt",
        "5. Nye aftaler",
        "6. Offentliggørelse",
        "Referatet offentliggøres på organisationens hjemmeside senest fire uger efter mødet.",
    ],
)

ATTACHMENTS = [
    attachment("skabelon-referat", REFERAT_SKABELON),
    attachment(
        "noegletalsflag-erfaringer",
        demo_file(
            "Behandlede flag pr. nøgletal 2025.png",
            files.png_bar_chart,
            "Behandlede nøgletalsflag i Aarhus, 2025",
            [
                ("Disp.fond", 14),
                ("Henlæg.", 9),
                ("Tomgang", 11),
                ("Adm.bidrag", 6),
                ("Arb.kapital", 4),
            ],
        ),
    ),
]

DOCUMENTS = [
    document(
        "Skabeloner",
        "Skabelon til referat af styringsdialogmødet",
        "signe.ebbesen",
        398,
        REFERAT_SKABELON,
        "Herning Kommunes skabelon med punkterne i fast rækkefølge.",
    ),
    document(
        "Skabeloner",
        "Brev: partshøring før påbud",
        "nadia.rahimi",
        420,
        demo_file(
            "Partshøring før påbud.docx",
            files.docx,
            "Partshøring: påtænkt påbud",
            [
                "Kære organisationsbestyrelse",
                "Kommunen overvejer at give boligorganisationen påbud om [forholdet] efter "
                "almenboliglovens § 164.",
                "Vi har lagt vægt på [begrundelse og de oplysninger, afgørelsen bygger på].",
                "I har mulighed for at komme med bemærkninger, inden vi træffer afgørelse. "
                "Send dem senest [dato, mindst 14 dage].",
                "Med venlig hilsen",
                "[Navn], Tilsynet med almene boliger",
            ],
        ),
        "Standardbrev til partshøring, når dialogen ikke har ført til en løsning.",
    ),
    document(
        "Vejledninger og notater",
        "Notat: fra dialog til påbud – trin for trin",
        "marie.lauritsen",
        300,
        demo_file(
            "Notat om handlepligt.pdf",
            files.pdf,
            "Notat: fra dialog til påbud",
            [
                "1. Afklar forholdet: hvad er sket, og hvad siger regnskab og revisor?",
                "2. Drøft forholdet med organisationen, og aftal en frist.",
                "3. Følg op skriftligt; notér i tilsynsnotatet, hvad der er aftalt.",
                "4. Er fristen overskredet uden en god grund: partshøring om påbud.",
                "5. Påbud med frist og klagevejledning.",
                "6. Overvej dagbøder eller midlertidig administrator, hvis påbuddet ikke følges.",
                "Notatet er vejledende og erstatter ikke en konkret vurdering.",
            ],
        ),
    ),
    document(
        "Referater",
        "Referat: netværksmøde om nøgletalsflag",
        "jakob.steen",
        80,
        demo_file(
            "Referat netværksmøde nøgletalsflag.pdf",
            files.pdf,
            "Referat: netværksmøde om nøgletalsflag",
            [
                "Deltagere: 23 kommuner og Bolig- og Planstyrelsen (online).",
                "Erfaringer: flagene rammer for det meste rigtigt; tomgang under renovering",
                "giver falske flag, og en kort begrundelse ved afvisning er nok.",
                "Aftalt: styrelsen ser på, om tomgang under renovering kan markeres særskilt.",
                "Næste møde: efter næste sæson med styringsdialog.",
            ],
        ),
    ),
]
