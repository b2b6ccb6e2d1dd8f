"""Each default rule's "Handlemuligheder" link leads to a section that exists: on the demo
guidance, every rule R01–R16 links to a page whose rendered HTML has the rule's anchor as an id."""

import pytest

from guidance.demo import load_guidance
from monitoring.demo import link_rules_to_guidance
from monitoring.models import FlagRule

pytestmark = pytest.mark.django_db


def test_every_default_rule_links_to_a_section_of_the_demo_guidance(client, guidance_index):
    load_guidance(guidance_index)
    link_rules_to_guidance()
    rules = FlagRule.objects.select_related("guidance_page", "figure__guidance_page")
    assert sorted(rule.code for rule in rules) == [f"R{n:02d}" for n in range(1, 17)]
    broken = []
    for rule in rules.order_by("code"):
        page = rule.guidance
        response = client.get(page.url) if page else None
        html = response.content.decode() if response and response.status_code == 200 else ""
        if not rule.guidance_anchor or f'id="{rule.guidance_anchor}"' not in html:
            broken.append(f"{rule.code}: {page and page.url}#{rule.guidance_anchor}")

    assert not broken, broken
