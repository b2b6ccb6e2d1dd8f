"""Guidance on operation and maintenance, letting, building and renovation, and approvals."""

import datetime

from .blocks import (
    UDLEJNINGSBEKENDTGOERELSEN,
    almenboligloven,
    attention,
    checklist,
    good_practice,
    heading,
    info,
    law,
    table,
    text,
)

DATA = "Center for Bolig, Økonomi og data"
TEAM = "Center for Bolig, Tilsynsteamet"
BYG = "Center for Bolig, Byggeri og renovering"


def pages():
    return [
        {
            "slug": "vedligeholdelsesplaner-og-henlaeggelser",
            "title": "Vedligeholdelsesplaner og henlæggelser",
            "summary": "Afdelingen skal spare op til planlagt og periodisk vedligeholdelse, så "
            "boligerne ikke forfalder.",
            "topics": ["drift-vedligeholdelse-og-effektivitet"],
            "reviewed": datetime.date(2026, 3, 24),
            "owner": DATA,
            "body": [
                text(
                    "Hver afdeling skal have en vedligeholdelsesplan, der rækker mindst ti år "
                    "frem, og henlægge penge til planlagt og periodisk vedligeholdelse (PPV). "
                    "Henlæggelserne skal passe til planen."
                ),
                heading("Tilsynets spørgsmål"),
                checklist(
                    "Spørg til vedligeholdelsen",
                    "Er planen opdateret inden for de seneste fem år og bygget på et eftersyn?",
                    "Dækker de opsparede henlæggelser planens udgifter de næste år?",
                    "Er der store arbejder, som kræver lån eller renoveringsstøtte?",
                ),
                attention(
                    "Lave henlæggelser holder huslejen nede på kort sigt, men skubber regningen "
                    "til fremtidige beboere. Spørg ind, hvis henlæggelserne ligger i den nederste "
                    "del af sammenligningsgruppen."
                ),
            ],
            "related": ["effektivitetstal", "renoveringsstoette-fra-landsbyggefonden"],
        },
        {
            "slug": "effektivitetstal",
            "title": "Effektivitetstal og effektiv drift",
            "summary": "Effektivitetstallet sammenligner afdelingens driftsudgifter med "
            "sammenlignelige afdelinger.",
            "topics": ["drift-vedligeholdelse-og-effektivitet", "data-og-noegletal"],
            "reviewed": datetime.date(2025, 5, 6),
            "owner": DATA,
            "body": [
                text(
                    "Effektivitetstallet går fra 0 til 100. Et tal på 100 betyder, at ingen "
                    "sammenlignelig afdeling har lavere udgifter på alle konti. Et tal på 80 "
                    "betyder, at afdelingens påvirkelige udgifter er cirka 20 % højere end hos "
                    "en afdeling, der er billigere på alle konti."
                ),
                table(
                    "Sådan kan tallet læses",
                    ["Effektivitetstal", "Tolkning"],
                    ["90–100", "Blandt de mest effektive"],
                    ["75–89", "Typisk niveau"],
                    ["Under 75", "Bør drøftes i styringsdialogen"],
                ),
                info(
                    "Tallet siger ikke noget om kvaliteten af driften. En afdeling med lave "
                    "udgifter kan have et efterslæb på vedligeholdelsen."
                ),
            ],
            "related": ["vedligeholdelsesplaner-og-henlaeggelser", "administrationsbidrag"],
        },
        {
            "slug": "administrationsbidrag",
            "title": "Administrationsbidrag",
            "summary": "Afdelingerne betaler et bidrag pr. lejemålsenhed til organisationens "
            "administration.",
            "topics": ["drift-vedligeholdelse-og-effektivitet", "organisation-og-administration"],
            "reviewed": datetime.date(2026, 6, 30),
            "owner": DATA,
            "body": [
                text(
                    "Administrationsbidraget fastsættes i organisationens budget. Det ligger "
                    "typisk mellem 3.500 og 6.500 kr. pr. lejemålsenhed om året. Et højt bidrag "
                    "kan have gode grunde, men bør kunne forklares."
                ),
                heading("Tilsynets spørgsmål"),
                checklist(
                    "Spørg til administrationen",
                    "Hvad er inkluderet i bidraget, og hvad betales særskilt?",
                    "Hvordan har bidraget udviklet sig de seneste fem år?",
                    "Er administrationsaftalen sendt i udbud eller sammenlignet med andre?",
                ),
            ],
            "related": ["vedtaegter-og-administrationsaftaler", "effektivitetstal"],
        },
        {
            "slug": "tomgang-og-lejetab",
            "title": "Tomgang og tab ved lejeledighed",
            "summary": "Boliger, der står tomme, koster huslejeindtægt, som dispositionsfonden "
            "skal dække.",
            "topics": ["udlejning", "oekonomi"],
            "reviewed": datetime.date(2024, 12, 2),
            "owner": DATA,
            "body": [
                text(
                    "Landsbyggefonden opgør hver måned, hvor mange almene boliger der står "
                    "ledige. I hele sektoren er det under 1 %, men i nogle områder og boligtyper "
                    "– især ungdomsboliger og ældreboliger – er tallet markant højere."
                ),
                heading("Hvorfor det er vigtigt"),
                text(
                    "Tab ved lejeledighed dækkes af dispositionsfonden. Vedvarende tomgang kan "
                    "derfor tære på hele organisationens økonomi og er ofte et tidligt tegn på, "
                    "at en afdeling har svært ved at tiltrække beboere."
                ),
                good_practice(
                    "Drøft tomgang med både boligorganisationen og beliggenhedskommunen. "
                    "Kommunen kan ofte hjælpe med anvisning eller med at ændre boligtypen."
                ),
            ],
            "related": ["dispositionsfonden", "kommunal-anvisning-og-fleksibel-udlejning"],
        },
        {
            "slug": "kommunal-anvisning-og-fleksibel-udlejning",
            "title": "Kommunal anvisning og fleksibel udlejning",
            "summary": "Kommunen kan anvise boligsøgende til almene boliger og aftale særlige "
            "udlejningsregler med boligorganisationen.",
            "topics": ["udlejning"],
            "reviewed": datetime.date(2026, 1, 8),
            "owner": TEAM,
            "body": [
                text(
                    "Almene familieboliger udlejes som hovedregel efter ventelister. Kommunen har "
                    "ret til at anvise til en del af de ledige boliger for at løse boligsociale "
                    "opgaver, og kommunen og boligorganisationen kan aftale fleksibel eller "
                    "kombineret udlejning."
                ),
                almenboligloven(
                    "§ 59, stk. 1", "Kommunens ret til at anvise til ledige almene familieboliger."
                ),
                law(
                    "Udlejningsbekendtgørelsen",
                    "Hele bekendtgørelsen",
                    "Detaljerede regler om ventelister, opnotering og udlejning.",
                    UDLEJNINGSBEKENDTGOERELSEN,
                ),
                info(
                    "Tilsynet har ikke selv ansvaret for anvisningen, men udlejningsmønstre kan "
                    "være relevante for styringsdialogen, for eksempel ved høj fraflytning."
                ),
            ],
            "related": ["tomgang-og-lejetab", "boligsociale-helhedsplaner"],
        },
        {
            "slug": "skema-a-b-og-c",
            "title": "Skema A, B og C ved nybyggeri",
            "summary": "Tre godkendelser følger et alment byggeri fra idé til endeligt "
            "byggeregnskab.",
            "topics": ["byggeri-og-renovering", "godkendelser"],
            "reviewed": datetime.date(2025, 9, 15),
            "owner": BYG,
            "body": [
                table(
                    "De tre skemaer",
                    ["Skema", "Tidspunkt", "Kommunen godkender"],
                    ["A", "Før projektering", "Projektets omfang og anskaffelsessum (tilsagn)"],
                    ["B", "Før byggestart", "Den endelige anskaffelsessum efter udbud"],
                    ["C", "Efter aflevering", "Byggeregnskabet og den endelige finansiering"],
                ),
                text(
                    "Kommunen yder grundkapital, når den giver tilsagn ved skema A. Skema C "
                    "skal indsendes, når byggeriet er afsluttet og regnskabet revideret."
                ),
                attention(
                    "Overskrides maksimumsbeløbet, skal overskridelsen finansieres uden "
                    "offentlig støtte. Tjek, at det er afklaret, før skema B godkendes."
                ),
            ],
            "related": ["kommunens-godkendelser", "renoveringsstoette-fra-landsbyggefonden"],
        },
        {
            "slug": "renoveringsstoette-fra-landsbyggefonden",
            "title": "Renoveringsstøtte fra Landsbyggefonden",
            "summary": "Større renoveringer kan få støtte fra Landsbyggefonden – med kommunen "
            "som medfinansierende part.",
            "topics": ["byggeri-og-renovering"],
            "reviewed": datetime.date(2026, 10, 19),
            "owner": BYG,
            "body": [
                text(
                    "Landsbyggefonden kan støtte renoveringer, som afdelingen ikke selv kan "
                    "finansiere gennem henlæggelser. Sagen forløber over flere år fra "
                    "prækvalifikation til skema C."
                ),
                heading("Tilsynets rolle"),
                checklist(
                    "Tilsynets opmærksomhedspunkter",
                    "Er afdelingsmødet inddraget og har godkendt projektet?",
                    "Hvad betyder renoveringen for huslejen?",
                    "Er genhusningen af beboerne planlagt?",
                    "Hvordan påvirker projektet organisationens dispositionsfond?",
                ),
                good_practice(
                    "Lad tilsynet og byggesagsbehandlerne mødes, når en stor renovering "
                    "begynder, så tilsynet kender tidsplan og økonomi."
                ),
            ],
            "related": ["skema-a-b-og-c", "vedligeholdelsesplaner-og-henlaeggelser"],
        },
        {
            "slug": "kommunens-godkendelser",
            "title": "Hvad skal kommunen godkende?",
            "summary": "En oversigt over de beslutninger i boligorganisationen, der kræver "
            "kommunens godkendelse.",
            "topics": ["godkendelser"],
            "reviewed": datetime.date(2025, 4, 2),
            "owner": TEAM,
            "body": [
                text(
                    "En række beslutninger i boligorganisationen er først gyldige, når kommunen "
                    "har godkendt dem. Godkendelsen er en afgørelse efter forvaltningsloven og "
                    "skal begrundes."
                ),
                table(
                    "Udvalgte godkendelser",
                    ["Beslutning", "Hvem godkender"],
                    ["Vedtægter og vedtægtsændringer", "Tilsynskommunen"],
                    ["Sammenlægning af organisationer eller afdelinger", "Tilsynskommunen"],
                    ["Salg af ejendom", "Tilsynskommunen"],
                    ["Nybyggeri (skema A, B og C)", "Beliggenhedskommunen"],
                    ["Huslejestigning over en vis grænse efter forbedringer", "Tilsynskommunen"],
                ),
                attention(
                    "En manglende godkendelse kan gøre beslutningen ugyldig. Svar derfor "
                    "inden for en rimelig frist, og skriv, hvad der mangler, hvis ansøgningen "
                    "ikke er fuldstændig."
                ),
            ],
            "related": ["skema-a-b-og-c", "sammenlaegning-af-boligorganisationer"],
        },
    ]
