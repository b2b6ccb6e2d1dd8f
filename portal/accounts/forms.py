from allauth.account.forms import RequestReauthenticationCodeForm, ResetPasswordForm
from allauth.core import ratelimit
from django import forms
from django.utils.translation import gettext_lazy as _

from portal import access, roles
from portal.forms import VisibleTextField
from portal.models import AccessRequest, Invitation, Municipality, User, Workplace


class ProfileForm(forms.ModelForm):
    """What a user may change about themselves. A caseworker's municipality is bound by approval."""

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "title",
            "phone",
            "workplace",
            "municipality",
            "notification_frequency",
        ]
        widgets = {"workplace": forms.RadioSelect, "notification_frequency": forms.RadioSelect}
        field_classes = dict.fromkeys(["first_name", "last_name", "title"], VisibleTextField)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        if access.caseworker_municipality(self.instance) is not None:
            # Changing it would change which organisations the caseworker sees.
            del self.fields["municipality"]
            del self.fields["workplace"]

    def clean(self):
        data = super().clean()
        if data.get("workplace") == Workplace.MUNICIPALITY and not data.get("municipality"):
            self.add_error("municipality", _("Vælg den kommune, du arbejder i."))
        return data


class AccessRequestForm(forms.ModelForm):
    class Meta:
        model = AccessRequest
        fields = ["municipality", "motivation"]
        labels = {"motivation": _("Hvorfor skal du have adgang til monitoreringen?")}
        help_texts = {
            "motivation": _("Skriv kort om din funktion i kommunens tilsyn."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["municipality"].queryset = Municipality.objects.all()
        suggested = Municipality.objects.for_email(user.email).first()
        if suggested is not None and not self.is_bound:
            self.initial["municipality"] = suggested.pk

    def clean(self):
        data = super().clean()
        if AccessRequest.objects.filter(
            user=self.user, status=AccessRequest.Status.PENDING
        ).exists():
            raise forms.ValidationError(_("Du har allerede en anmodning, der afventer afgørelse."))
        if access.caseworker_municipality(self.user) is not None:
            raise forms.ValidationError(_("Du er allerede sagsbehandler."))
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Godkend")), ("reject", _("Afvis"))], widget=forms.HiddenInput
    )
    note = forms.CharField(
        label=_("Bemærkning til ansøgeren"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class InvitationForm(forms.ModelForm):
    role = forms.ChoiceField(label=_("Rolle"), choices=[(r, r) for r in roles.INVITABLE])

    class Meta:
        model = Invitation
        fields = ["email", "role", "municipality"]

    def clean(self):
        data = super().clean()
        if data.get("role") == roles.CASEWORKER and not data.get("municipality"):
            self.add_error("municipality", _("En sagsbehandler skal knyttes til en kommune."))
        return data


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Din adgangskode"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Bekræft med din adgangskode, at du vil slette din konto."),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = request.user

    def clean_password(self):
        password = self.cleaned_data["password"]
        # Someone at an unlocked screen must not be able to guess the password here freely.
        if not ratelimit.consume(self.request, action="delete_account", user=self.user):
            raise forms.ValidationError(
                _("For mange forsøg. Vent et kvarter, og prøv igen."), code="rate_limited"
            )
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Adgangskoden er forkert."))
        return password


class PrimaryAddressResetPasswordForm(ResetPasswordForm):
    """A reset link goes only to an account's current address, never to one still awaiting
    confirmation: whoever typed that address in must not get the account by resetting."""

    def clean_email(self):
        email = super().clean_email()
        self.users = [user for user in self.users if user.email.lower() == email.lower()]
        return email


class ReauthenticationCodeRequestForm(RequestReauthenticationCodeForm):
    """allauth's form leaves its one field without a label, so it showed an English one to the
    users who confirm by e-mail: those who log in by single sign-on and have no password."""

    recipient = forms.ChoiceField(label=_("Send koden til"), choices=[])
