from django import forms
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.cache import content_generation
from portal.search import page, sources

FORM_TEMPLATE = "portal_search/search_form.html"
FORM_CACHE_SECONDS = 600
# Stands in the kept markup for the words asked, which are put in its place per request.
_WORDS_SLOT = "qzsearchwordszq"


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


def form_markup(request, form):
    """The form's fields as markup. Without errors the markup is kept per language, content
    generation (the topics offered) and what is chosen besides the words, which are put in
    per request: a first-time query renders no form."""
    if form.is_bound and form.errors:
        return render_to_string(FORM_TEMPLATE, {"form": form})
    chosen = request.GET.copy()
    words = chosen.pop("q", [""])[-1]
    key = f"portal:search:form:{get_language()}:{content_generation(request)}:{chosen.urlencode()}"
    markup = cache.get(key)
    if markup is None:
        markup = render_to_string(FORM_TEMPLATE, {"form": form, "words_slot": _WORDS_SLOT})
        cache.set(key, markup, FORM_CACHE_SECONDS)
    value = f' value="{escape(words)}"' if words else ""
    return mark_safe(markup.replace(f' value="{_WORDS_SLOT}"', value, 1))
