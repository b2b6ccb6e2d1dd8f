"""Filters the design-system form templates use to render Django's fields."""

from django import forms, template

register = template.Library()

CHOICE_LIST_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


@register.filter
def is_choice_list(bound_field):
    return isinstance(bound_field.field.widget, CHOICE_LIST_WIDGETS)


@register.filter
def add_input_class(bound_field):
    """The field's widget with the dkfds class and the ARIA links to its hint and errors."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        css = "form-checkbox"
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-input"
    attrs = {"class": f"{css} {widget.attrs.get('class', '')}".strip()}
    if bound_field.help_text:
        attrs["aria-describedby"] = f"{bound_field.auto_id}_helptext"
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)
