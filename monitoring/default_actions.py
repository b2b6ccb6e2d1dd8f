"""The default "Handlemuligheder" of R01–R16: what the tilsyn can do when a rule fires, with
the legal basis, and the section of the guidance that explains it (its heading, whose slug is
the anchor). Installed with the default rules; editors change them afterwards in the admin.

Paragraph numbers follow the domain brief (almenboligloven ch. 13, §§ 164 ff.;
driftsbekendtgørelsen); BPST checks them against the current consolidated acts.
"""

from django.utils.text import slugify

TILSYN = "almenboligloven § 164"
REACTIONS = "almenboligloven kap. 13, §§ 164 ff."

DEFAULT_ACTIONS = {
    "R01": (
        "",
        [
            "Bed organisationen om en plan for, hvordan dispositionsfonden kommer op over "
            f"grænseværdien, og hvilke tab fonden skal dække de næste år ({TILSYN}).",
            "Drøft i styringsdialogen, om afdelinger selv skal bære deres tab, mens fonden er "
            "under minimum (almenboligloven § 20, stk. 4).",
            "Følg op på, at de lovpligtige bidrag til fonden betales (driftsbekendtgørelsen).",
        ],
    ),
    "R02": (
        "",
        [
            "Bed organisationen forklare, hvorfor arbejdskapitalen er negativ, og hvordan den "
            f"genoprettes ({TILSYN}).",
            "Gennemgå regnskab og revisionsprotokol for underskud i driften af selve "
            "organisationen.",
            f"Giv påbud om en genopretningsplan, hvis der ikke sker noget ({REACTIONS}).",
        ],
    ),
    "R03": (
        "Hvorfor det er vigtigt",
        [
            "Spørg organisationen, hvorfor boligerne står tomme, og hvad den gør for at leje dem ud "
            f"({TILSYN}).",
            "Drøft fleksibel udlejning, kommunal anvisning eller sammenlægning af boliger i "
            "styringsdialogen.",
            "Vurdér, om lejetabet truer afdelingens økonomi, og om dispositionsfonden skal dække "
            "det (almenboligloven § 20, stk. 2).",
        ],
    ),
    "R04": (
        "Hvorfor det er vigtigt",
        [
            f"Bed om en opgørelse af lejetabet og de tomme boliger pr. afdeling ({TILSYN}).",
            "Aftal i styringsdialogen konkrete mål for udlejningen og en frist for opfølgning.",
            "Vurdér, om dispositionsfonden kan dække tabet (almenboligloven § 20, stk. 2).",
        ],
    ),
    "R05": (
        "",
        [
            "Spørg organisationen, hvad der driver fraflytningen, fx boligernes stand, lejen eller "
            f"beboersammensætningen ({TILSYN}).",
            "Drøft udlejningsregler og kommunal anvisning i styringsdialogen.",
        ],
    ),
    "R06": (
        "",
        [
            f"Spørg organisationen, hvad der er sket i afdelingen siden sidste år ({TILSYN}).",
            "Følg udviklingen næste år, før I drøfter tiltag i styringsdialogen.",
        ],
    ),
    "R07": (
        "Tilsynets spørgsmål",
        [
            "Bed om afdelingens vedligeholdelsesplan og dokumentation for, at henlæggelserne "
            f"dækker den ({TILSYN}).",
            "Drøft i styringsdialogen, om lejen skal hæves for at sikre vedligeholdelsen.",
            f"Giv påbud om en plan, hvis henlæggelserne fortsat er for lave ({REACTIONS}).",
        ],
    ),
    "R08": (
        "Tegn på vanskeligheder",
        [
            "Bed organisationen om en plan for, hvordan underskuddet afvikles, og på hvor mange "
            f"år ({TILSYN}).",
            "Vurdér, om afdelingen skal søge støtte hos Landsbyggefonden "
            "(almenboligloven §§ 96 a og 96 d).",
            "Aftal en frist i styringsdialogen og følg op på næste regnskab.",
        ],
    ),
    "R09": (
        "Tegn på vanskeligheder",
        [
            f"Spørg organisationen, hvorfor afdelingen har underskud år efter år ({TILSYN}).",
            "Gennemgå budgettet: dækker lejen de faktiske udgifter?",
            "Aftal i styringsdialogen, hvordan budgettet bringes i balance.",
        ],
    ),
    "R10": (
        "Underskud i afdelingen",
        [
            "Bed om en forklaring på lejestigningen, fx renovering eller højere udgifter "
            f"({TILSYN}).",
            "Undersøg, om beboerne har godkendt budgettet på afdelingsmødet.",
        ],
    ),
    "R11": (
        "",
        [
            "Drøft i styringsdialogen, hvor afdelingens udgifter er højere end "
            "sammenlignelige afdelingers.",
            f"Bed organisationen om en plan for mere effektiv drift ({TILSYN}).",
            "Følg op på effektivitetstallet i næste års styringsrapport.",
        ],
    ),
    "R12": (
        "Tilsynets spørgsmål",
        [
            f"Bed organisationen forklare, hvad administrationsbidraget dækker ({TILSYN}).",
            "Sammenlign med organisationer af samme størrelse og drøft forskellen i "
            "styringsdialogen.",
        ],
    ),
    "R13": (
        "Tegn på vanskeligheder",
        [
            f"Spørg organisationen, hvad der ligger bag den vedvarende forværring ({TILSYN}).",
            "Aftal i styringsdialogen, hvad organisationen gør, og hvornår I følger op.",
        ],
    ),
    "R14": (
        "",
        [
            "Ryk organisationen for det manglende regnskab, mødet eller nøgletallene med en "
            f"frist ({TILSYN}).",
            "Indkald til styringsdialogmøde, hvis det ikke er holdt (almenboligloven kap. 13).",
            f"Giv påbud, hvis fristen ikke overholdes ({REACTIONS}).",
        ],
    ),
    "R15": (
        "Tilsynets opfølgning",
        [
            "Læs revisionsprotokollen og bed organisationen svare på revisors bemærkninger "
            f"({TILSYN}).",
            "Aftal, hvordan forholdene rettes, og følg op på næste års revision.",
            f"Giv påbud, hvis forholdene ikke rettes ({REACTIONS}).",
        ],
    ),
    "R16": (
        "Hvad fonden lægger vægt på",
        [
            f"Hold et møde med organisationen om afdelingens samlede situation ({TILSYN}).",
            "Vurdér sammen med organisationen, om der skal søges særlig driftsstøtte hos "
            "Landsbyggefonden (almenboligloven §§ 96 a og 96 d).",
            "Aftal en handlingsplan med frister og følg op i styringsdialogen.",
        ],
    ),
}


def fields(code):
    """The rule's `actions` and `guidance_anchor` fields."""
    heading, steps = DEFAULT_ACTIONS[code]
    return {"actions": "\n".join(steps), "guidance_anchor": slugify(heading)}
