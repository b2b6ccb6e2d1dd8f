"""Six news items from 2026."""

import datetime

from django.utils import timezone

from guidance.models import NewsPage
from portal.demo import child

from .blocks import bullets, heading, info, text

# (slug, date, title, summary, body)
NEWS = [
    (
        "nye-satser-for-2026",
        datetime.date(2026, 1, 6),
        "Nye satser for dispositionsfond og arbejdskapital i 2026",
        "Satserne for de pligtige bidrag er reguleret med nettoprisindekset og gælder fra "
        "1. januar 2026.",
        [
            text(
                "De årlige bidrag til dispositionsfonden og arbejdskapitalen og de tilhørende "
                "grænseværdier er reguleret med nettoprisindekset. De nye satser gælder for "
                "regnskabsår, der begynder 1. januar 2026 eller senere.",
                "Satserne bruges også i portalens monitorering, hvor de afgør, hvornår en lav "
                "dispositionsfond giver et flag.",
            ),
        ],
    ),
    (
        "ny-vejledning-om-handlepligt",
        datetime.date(2026, 2, 24),
        "Ny vejledning om kommunens handlepligt",
        "Vejledningen forklarer, hvornår handlepligten er udløst, og hvordan tilsynet trapper "
        "sine reaktioner op.",
        [
            text(
                "Mange kommuner har efterspurgt en mere konkret vejledning om handlepligten. Den "
                "nye vejledning gennemgår reaktionstrappen fra dialog til midlertidig "
                "administrator med eksempler fra praksis.",
            ),
            info(
                "Vejledningen er udarbejdet i samarbejde med tilsynsnetværket i Region Midtjylland."
            ),
        ],
    ),
    (
        "netvaerk-for-tilsynsmedarbejdere",
        datetime.date(2026, 3, 30),
        "Nu kan du blive medlem af netværkene for tilsynsmedarbejdere",
        "Portalen har fået lukkede netværk, hvor tilsynsmedarbejdere kan dele erfaringer og "
        "dokumenter.",
        [
            text(
                "Netværkene er for medarbejdere i kommunerne, der arbejder med tilsynet med de "
                "almene boligorganisationer. Der er et landsdækkende netværk og et netværk i "
                "hver region.",
            ),
            heading("Sådan bliver du medlem"),
            text(
                bullets(
                    "Opret en bruger med din kommunale e-mailadresse.",
                    "Vælg de netværk, du vil være med i.",
                    "En netværksansvarlig godkender din anmodning.",
                )
            ),
        ],
    ),
    (
        "foerste-koersel-af-monitoreringen",
        datetime.date(2026, 7, 14),
        "Første kørsel af den udvidede monitorering er klar",
        "Tilsynskommunerne kan nu se flag for deres boligorganisationer og afdelinger på "
        "grundlag af regnskaberne for 2024.",
        [
            text(
                "Styrelsen har kørt den udvidede monitorering på regnskaberne for 2024. Hver "
                "tilsynskommune kan se en statusliste over sine boligorganisationer med gule og "
                "røde flag og en begrundelse for hvert flag.",
                "Flagene er et redskab til at forberede styringsdialogen, ikke en afgørelse. "
                "Styrelsen vil gerne høre fra kommuner, der oplever flag, som ikke giver mening.",
            ),
        ],
    ),
    (
        "tilmelding-til-tilsynskonferencen-2027",
        datetime.date(2026, 9, 1),
        "Tilmeldingen til Tilsynskonferencen 2027 er åben",
        "Konferencen holdes i maj 2027 og sætter fokus på data i styringsdialogen.",
        [
            text(
                "Tilsynskonferencen 2027 samler tilsynsmedarbejdere fra hele landet til en dag "
                "om, hvordan nøgletal og flag kan gøre styringsdialogen skarpere. Programmet "
                "byder på oplæg fra kommuner, Landsbyggefonden og styrelsen.",
                "Deltagelse er gratis, men antallet af pladser er begrænset.",
            ),
        ],
    ),
    (
        "analyse-af-tilsynet-fem-aar-efter",
        datetime.date(2026, 11, 3),
        "Fem år efter analysen: sådan står det til med tilsynet",
        "En ny statusrapport følger op på anbefalingerne fra analysen af det kommunale tilsyn "
        "fra 2021.",
        [
            text(
                "Statusrapporten viser, at flere kommuner har samlet tilsynet i en fast enhed, og "
                "at næsten alle styringsdialogmøder nu holdes inden årets udgang. Der er dog "
                "fortsat store forskelle på, hvor grundigt dokumentationspakken bliver læst.",
            ),
        ],
    ),
]


def load_news(index):
    """The news, each published at nine in the morning of its date (as the feeds show it)."""
    for slug, date, title, summary, body in NEWS:
        page = child(index, NewsPage, slug, title=title, date=date, summary=summary, body=body)
        published = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
        NewsPage.objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=published
        )
