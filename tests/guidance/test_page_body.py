"""A guidance page's Markdown body becomes the design system's blocks: text and headings between
fenced blocks, each fence mapped to its StreamField block, and a mistake named rather than
loaded as text."""

import pytest

from guidance.demo import page_body
from portal.models import PortalDocument

BODY = """Første afsnit med **fed** tekst.

- et punkt
- et andet punkt

## Overskrift

::: warning Vær opmærksom
Pas på.
:::

::: success
God praksis.
:::

::: law
act: Almenboligloven
section: § 164
url: https://www.retsinformation.dk/eli/lta/2024/1000
:::

::: checklist Spørg til
- Er planen ny?
- Er den fulgt?
:::

::: faq Ofte stillede spørgsmål
### Hvornår?

Hvert år.

### Hvem?

- formanden
- direktøren
:::

::: table Hvem gør hvad
| Aktør | Rolle |
| --- | --- |
| Kommunen | Fører tilsyn. |
:::
"""


def test_every_block_of_a_body_is_read_in_order():
    assert page_body.blocks(BODY) == [
        (
            "paragraph",
            "<p>Første afsnit med <strong>fed</strong> tekst.</p>"
            "<ul><li>et punkt</li><li>et andet punkt</li></ul>",
        ),
        ("heading", {"text": "Overskrift", "level": "h2"}),
        ("callout", {"variant": "warning", "heading": "Vær opmærksom", "text": "<p>Pas på.</p>"}),
        ("callout", {"variant": "success", "heading": "", "text": "<p>God praksis.</p>"}),
        (
            "legal_reference",
            {
                "act": "Almenboligloven",
                "section": "§ 164",
                "url": "https://www.retsinformation.dk/eli/lta/2024/1000",
                "note": "",
            },
        ),
        ("checklist", {"heading": "Spørg til", "items": ["Er planen ny?", "Er den fulgt?"]}),
        (
            "accordion",
            {
                "heading": "Ofte stillede spørgsmål",
                "items": [
                    {"question": "Hvornår?", "answer": "<p>Hvert år.</p>"},
                    {
                        "question": "Hvem?",
                        "answer": "<ul><li>formanden</li><li>direktøren</li></ul>",
                    },
                ],
            },
        ),
        (
            "table",
            {
                "data": [["Aktør", "Rolle"], ["Kommunen", "Fører tilsyn."]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Hvem gør hvad",
            },
        ),
    ]


@pytest.mark.django_db
def test_a_document_list_creates_its_pdf_once():
    body = """::: documents Skabeloner
- title: Dagsorden
  filename: dagsorden.pdf
  description: Til mødet.
  lines: [1. Velkomst, 2. Regnskab]
:::
"""
    first = page_body.blocks(body)
    second = page_body.blocks(body)
    document = PortalDocument.objects.get(title="Dagsorden")
    assert first == second == [("documents", {"heading": "Skabeloner", "documents": [document]})]
    assert document.description == "Til mødet."
    assert document.file.read().startswith(b"%PDF-1.4")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("::: warning\nAldrig lukket.\n", "not closed"),
        ("::: quote\nEt citat.\n:::\n", "not a block"),
    ],
)
def test_a_mistake_in_a_body_is_named(body, message):
    with pytest.raises(ValueError, match=message):
        page_body.blocks(body)
