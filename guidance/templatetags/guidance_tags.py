from django import template

from guidance.models import NewsPage

register = template.Library()


@register.simple_tag
def latest_news(count):
    return NewsPage.objects.live().public().order_by("-date", "-pk")[:count]
