from django import forms
from django.utils.translation import gettext_lazy as _

from guidance import search as content_search
from guidance.models import Topic


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Søg på Tilsynsportalen"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    type = forms.MultipleChoiceField(
        label=_("Type"), required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )
    topic = forms.ModelChoiceField(
        label=_("Emne"),
        queryset=Topic.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Alle emner"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [
            (key, label) for key, (_model, label) in content_search.CONTENT_TYPES.items()
        ]
