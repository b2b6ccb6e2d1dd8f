"""Peer statistics: how a key figure is distributed among comparable entities in a year."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .figures import Level


class SizeClass(models.IntegerChoices):
    SMALL = 0, _("små")
    MEDIUM = 1, _("mellemstore")
    LARGE = 2, _("store")
    LARGEST = 3, _("de største")


class PeerStatistic(models.Model):
    """Quartiles of a figure among all organisations or estates of one size class in a year;
    the band the organisation and estate charts draw behind the entity's own values."""

    figure = models.ForeignKey("monitoring.KeyFigure", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("år"))
    level = models.CharField(_("niveau"), max_length=10, choices=Level.choices)
    size_class = models.PositiveSmallIntegerField(_("størrelsesgruppe"), choices=SizeClass.choices)
    count = models.PositiveIntegerField(_("antal"))
    lower_quartile = models.FloatField(_("nedre kvartil"))
    median = models.FloatField(_("median"))
    upper_quartile = models.FloatField(_("øvre kvartil"))

    class Meta:
        verbose_name = _("sammenligningstal")
        verbose_name_plural = _("sammenligningstal")
        constraints = [
            models.UniqueConstraint(
                fields=["figure", "level", "size_class", "year"],
                name="monitoring_peer_statistic_unique",
            )
        ]

    def __str__(self):
        return f"{self.figure_id} {self.level} {self.size_class} {self.year}"
