"""Discussion groups and who belongs to them."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network import access
from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models.counting import correlated_count
from network.models.moderation import Report


class GroupQuerySet(models.QuerySet):
    def listed_for(self, user):
        return access.listed_groups(user, self)

    def readable_by(self, user):
        return access.readable_groups(user, self)

    def moderated_by(self, user):
        return access.moderated_groups(user, self)

    def with_member_count(self):
        """Each group with its active members' count (`member_count`)."""
        active = Membership.objects.filter(group=OuterRef("pk"), status=MembershipStatus.ACTIVE)
        return self.annotate(member_count=correlated_count(active, "group"))

    def with_own_membership(self, user):
        """Each group with the user's own membership status and role (`my_status`, `my_role`;
        None when not a member)."""
        mine = Membership.objects.filter(group=OuterRef("pk"), user=user)
        return self.annotate(
            my_status=Subquery(mine.values("status")[:1]),
            my_role=Subquery(mine.values("role")[:1]),
        )

    def with_open_report_count(self):
        """Each group with how many reports wait in its moderation queue (`open_reports`)."""
        reports = Report.objects.open().filter(group=OuterRef("pk"))
        return self.annotate(open_reports=correlated_count(reports, "group"))


class Group(models.Model):
    """A network: open (anyone signed in reads and joins), closed (listed; members read, joining
    is a request) or secret (only members know it exists; members are invited)."""

    name = models.CharField(_("navn"), max_length=120)
    slug = models.SlugField(_("kortnavn i adressen"), max_length=80, unique=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    kind = models.CharField(
        _("type"), max_length=10, choices=GroupKind.choices, default=GroupKind.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oprettet af"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("oprettet"), default=timezone.now)

    objects = GroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("netværk")
        verbose_name_plural = _("netværk")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:group", args=[self.slug])


class Membership(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_memberships"
    )
    role = models.CharField(
        _("rolle"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    status = models.CharField(_("status"), max_length=10, choices=MembershipStatus.choices)
    joined_at = models.DateTimeField(_("medlem siden"), null=True, blank=True)
    created = models.DateTimeField(_("oprettet"), default=timezone.now)

    class Meta:
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="network_one_membership")
        ]

    def __str__(self):
        return f"{self.user} – {self.group} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_moderator(self):
        return self.is_active and self.role == MembershipRole.MODERATOR

    def activate(self):
        self.status = MembershipStatus.ACTIVE
        self.joined_at = timezone.now()
