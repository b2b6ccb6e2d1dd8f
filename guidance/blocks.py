"""Guidance blocks: the portal's design-system blocks plus links to related guidance."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import BODY_BLOCKS


class RelatedGuidanceBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("overskrift"), default=_("Relateret vejledning"), max_length=120
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="guidance.GuidancePage", label=_("vejledning")),
        min_num=1,
        label=_("sider"),
    )

    class Meta:
        icon = "link"
        label = _("Relateret vejledning")
        template = "blocks/related_guidance.html"


GUIDANCE_BLOCKS = [*BODY_BLOCKS, ("related", RelatedGuidanceBlock())]
