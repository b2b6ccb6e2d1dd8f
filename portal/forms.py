"""One form renderer gives every form of the portal the design system's markup; one text field
keeps names and titles to visible text."""

from django import forms
from django.forms.renderers import TemplatesSetting

from portal.text import visible_text


class DesignSystemFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class VisibleTextField(forms.CharField):
    """A one-line text (a name, a title) without control, invisible or direction characters;
    nothing but those counts as empty."""

    def to_python(self, value):
        return visible_text(super().to_python(value))
