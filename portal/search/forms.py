from django import forms
from django.utils.translation import gettext_lazy as _

from portal.search import page, sources


class SearchForm(forms.Form):
    """The search page's question: the words, the tab, a topic, a period and the order
    (rendered by portal_search/search_form.html)."""

    q = forms.CharField(
        label=_("Søg på Tilsynsportalen"),
        max_length=200,
        required=False,
        help_text=_(
            "Forslag vises, mens du skriver: vælg med pil op og ned, åbn med Enter, luk med Escape."
        ),
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "role": "combobox",
                "aria-autocomplete": "list",
                "aria-expanded": "false",
                "aria-controls": "search-suggestions",
                "autocomplete": "off",
            }
        ),
    )
    type = forms.ChoiceField(
        label=_("Fane"),
        required=False,
        choices=(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Der er ingen fane, der hedder «%(value)s».")},
    )
    topic = forms.ChoiceField(label=_("Emne"), required=False, choices=())
    periode = forms.ChoiceField(
        label=_("Dato"),
        required=False,
        choices=[
            ("", _("Når som helst")),
            ("uge", _("Seneste uge")),
            ("maaned", _("Seneste måned")),
            ("aar", _("Seneste år")),
        ],
    )
    sort = forms.ChoiceField(
        label=_("Sortering"),
        required=False,
        choices=[("", _("Bedste match")), (page.NEWEST, _("Nyeste først"))],
    )

    def __init__(self, *args, tabs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", ""), *((key, key) for key in tabs)]
        self.fields["topic"].choices = [("", _("Alle emner")), *sources.topics()]

    def choice_fields(self):
        """The fields chosen from a list, in the order the page shows them."""
        return [self["topic"], self["periode"], self["sort"]]
