"""StreamField blocks that mirror Det Fælles Designsystem: one block and one template per component."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link", "document-link"]
TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("overskrift"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Niveau 2")), ("h3", _("Niveau 3"))], default="h2", label=_("niveau")
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["text"])
        return context

    class Meta:
        icon = "title"
        label = _("Overskrift")
        help_text = _("Del siden i afsnit. Overskrifter indgår i sidens indholdsfortegnelse.")
        template = "blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "blocks/paragraph.html"


class CalloutBlock(blocks.StructBlock):
    """The dkfds alert: "Vær opmærksom på" and other notices."""

    variant = blocks.ChoiceBlock(
        choices=[
            ("warning", _("Vær opmærksom på")),
            ("info", _("Information")),
            ("success", _("God praksis")),
        ],
        default="warning",
        label=_("type"),
    )
    heading = blocks.CharBlock(label=_("overskrift"), required=False, max_length=120)
    text = blocks.RichTextBlock(features=INLINE_FEATURES + ["ul"], label=_("tekst"))

    class Meta:
        icon = "warning"
        label = _("Vær opmærksom på")
        template = "blocks/callout.html"

    def get_searchable_content(self, value):
        """What the reader sees (blocks/callout.html): the heading, or the type's name in its
        place, then the text; not the type's name beside a heading."""
        variant = self.child_blocks["variant"]
        shown = value["heading"] or variant.get_searchable_content(value["variant"])[0]
        return [shown, *self.child_blocks["text"].get_searchable_content(value["text"])]


class LegalReferenceBlock(blocks.StructBlock):
    act = blocks.CharBlock(
        label=_("lov eller bekendtgørelse"), help_text=_("F.eks. Almenboligloven"), max_length=200
    )
    section = blocks.CharBlock(label=_("bestemmelse"), help_text=_("F.eks. § 164, stk. 1"))
    url = blocks.URLBlock(
        label=_("link til den officielle tekst"),
        help_text=_("Link til Retsinformation."),
        required=False,
    )
    note = blocks.TextBlock(label=_("kort forklaring"), required=False)

    def clean(self, value):
        value = super().clean(value)
        url = value.get("url") or ""
        if url and not url.startswith("https://"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Linket skal begynde med https://."))}
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Lovhenvisning")
        template = "blocks/legal_reference.html"


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("overskrift"), max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(label=_("punkt")), label=_("punkter"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Tjekliste")
        template = "blocks/checklist.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("spørgsmål"), max_length=250)
    answer = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("svar"))


class AccordionBlock(blocks.StructBlock):
    """The dkfds accordion, used for FAQs."""

    heading = blocks.CharBlock(label=_("overskrift"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("spørgsmål og svar"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Ofte stillede spørgsmål")
        template = "blocks/accordion.html"


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("overskrift"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("dokument")), min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Dokumenter til download")
        template = "blocks/document_list.html"


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "blocks/table.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("billede"))
    alt_text = blocks.CharBlock(
        label=_("alternativ tekst"),
        max_length=250,
        help_text=_("Påkrævet: beskriv, hvad billedet viser, for den der ikke kan se det."),
    )
    caption = blocks.CharBlock(label=_("billedtekst"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Billede")
        template = "blocks/image.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"), max_length=200)
    video = EmbedBlock(label=_("video-link"), help_text=_("Link til optagelsen, f.eks. på Vimeo."))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"


class InitiativeBlock(blocks.StructBlock):
    """A dkfds card presenting one of styrelsen's initiatives on the front page."""

    title = blocks.CharBlock(label=_("titel"), max_length=80)
    text = blocks.TextBlock(label=_("tekst"))
    page = blocks.PageChooserBlock(label=_("side"))

    class Meta:
        icon = "link"
        label = _("Initiativ")
        template = "blocks/initiative.html"


BODY_BLOCKS = [
    ("heading", HeadingBlock()),
    ("paragraph", ParagraphBlock()),
    ("callout", CalloutBlock()),
    ("legal_reference", LegalReferenceBlock()),
    ("checklist", ChecklistBlock()),
    ("accordion", AccordionBlock()),
    ("documents", DocumentListBlock()),
    ("table", TableBlock()),
    ("image", ImageBlock()),
    ("video", VideoBlock()),
]
