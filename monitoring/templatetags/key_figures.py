"""Template filters over `monitoring.formatting`: `{{ value|figure_value:figure }}`,
`{{ figure|figure_header }}` and `{{ figure|figure_unit }}`."""

from django import template

from monitoring import formatting

register = template.Library()


@register.filter
def figure_value(value, figure):
    return formatting.format_value(figure, value)


@register.filter
def figure_header(figure):
    return formatting.header(figure)


@register.filter
def figure_unit(figure):
    return formatting.unit(figure)
