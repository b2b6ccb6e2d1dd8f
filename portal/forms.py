"""One form renderer gives every form of the portal the design system's markup; one text field
keeps names and titles to visible text; one token makes a form sent twice count once."""

import uuid

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from portal.text import visible_text


class DesignSystemFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class VisibleTextField(forms.CharField):
    """A one-line text (a name, a title) without control, invisible or direction characters;
    nothing but those counts as empty."""

    def to_python(self, value):
        return visible_text(super().to_python(value))


class SubmissionToken(forms.UUIDField):
    """A token per rendered form: the same form sent twice (a double click, or sent again after
    an error) makes one write."""

    widget = forms.HiddenInput

    def __init__(self):
        super().__init__(
            initial=uuid.uuid4,
            error_messages={"required": _("Formularen er udløbet. Indlæs siden og prøv igen.")},
        )
