"""Forms of the network pages."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from network.choices import GroupKind, MembershipRole
from network.models import Group, ReportReason
from portal.models import User

BODY_MAX_LENGTH = 20_000


def body_field(label=None):
    return forms.CharField(
        label=label or _("Tekst"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Du kan bruge Markdown: **fed**, *kursiv*, lister og links."),
        error_messages={"required": _("Skriv en tekst.")},
    )


class SubmissionToken(forms.UUIDField):
    """A token per rendered form: the same form sent twice (a double click) makes one post."""

    widget = forms.HiddenInput

    def __init__(self):
        super().__init__(
            initial=uuid.uuid4,
            error_messages={"required": _("Formularen er udløbet. Indlæs siden og prøv igen.")},
        )


class ThreadForm(forms.Form):
    title = forms.CharField(
        label=_("Overskrift"),
        max_length=200,
        error_messages={"required": _("Skriv en overskrift.")},
    )
    body = body_field()
    token = SubmissionToken()


class ReplyForm(forms.Form):
    body = body_field(_("Dit svar"))
    quoted = forms.ModelChoiceField(
        queryset=None, required=False, widget=forms.HiddenInput, label=_("Citeret svar")
    )
    token = SubmissionToken()

    def __init__(self, *args, thread, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quoted"].queryset = thread.replies.filter(
            deleted_at__isnull=True, hidden_at__isnull=True
        )


class EditThreadForm(forms.Form):
    title = ThreadForm.base_fields["title"]
    body = body_field()


class EditReplyForm(forms.Form):
    body = body_field()


class EmailListField(forms.CharField):
    """Users named by e-mail address, one per line; every address must belong to a user."""

    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value):
        value = super().clean(value)
        emails = {line.strip().lower() for line in value.splitlines() if line.strip()}
        users = list(User.objects.filter(email__in=emails, is_active=True, deleted_at=None))
        unknown = emails - {user.email.lower() for user in users}
        if unknown:
            raise forms.ValidationError(
                _("Ingen bruger har e-mailadressen %(emails)s."),
                params={"emails": ", ".join(sorted(unknown))},
            )
        return users


class GroupForm(forms.ModelForm):
    moderators = EmailListField(
        label=_("Moderatorer"),
        required=False,
        help_text=_("E-mailadresser på moderatorerne, én pr. linje."),
    )

    class Meta:
        model = Group
        fields = ["name", "description", "kind"]
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "kind": _(
                "Åben: alle brugere kan læse og blive medlem. Lukket: netværket kan ses, men kun "
                "medlemmer læser med, og moderatorerne godkender nye medlemmer. Hemmelig: kun "
                "medlemmer ved, at netværket findes; moderatorerne inviterer."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = GroupKind.choices
        if self.instance.pk:
            self.initial["moderators"] = "\n".join(
                self.instance.memberships.filter(role=MembershipRole.MODERATOR)
                .order_by("user__email")
                .values_list("user__email", flat=True)
            )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadresse"))

    def clean_email(self):
        user = User.objects.filter(
            email__iexact=self.cleaned_data["email"], is_active=True, deleted_at=None
        ).first()
        if user is None:
            raise forms.ValidationError(_("Ingen bruger har den e-mailadresse."))
        return user


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Hvorfor anmelder du indlægget?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg en årsag.")},
    )
    details = forms.CharField(
        label=_("Uddybning (valgfri)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kun netværkets moderatorer ser anmeldelsen. Forfatteren får ikke dit navn."),
    )


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse (valgfri)"),
        required=False,
        max_length=1000,
        help_text=_("Begrundelsen står i netværkets moderationslog, som kun moderatorerne ser."),
    )
