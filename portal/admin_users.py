"""Wagtail's user editor, with e-mail changes going through confirmation (portal.accounts.email_change)."""

from allauth.account.models import EmailAddress
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserEditForm
from wagtail.users.views import users

from portal.accounts.email_change import propose_email


class ConfirmedEmailUserEditForm(UserEditForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _(
            "En ny adresse får en e-mail med et bekræftelseslink. Den gamle adresse gælder, "
            "indtil den nye er bekræftet."
        )

    def clean_email(self):
        email = self.cleaned_data["email"]
        taken = EmailAddress.objects.filter(email__iexact=email).exclude(user=self.instance)
        if "email" in self.changed_data and taken.exists():
            raise forms.ValidationError(_("Adressen bruges allerede af en anden konto."))
        return email

    @property
    def proposed_email(self):
        return self.cleaned_data["email"] if "email" in self.changed_data else None

    def save(self, commit=True):
        if self.proposed_email:
            self.instance.email = self.initial["email"]
        return super().save(commit)


class EditView(users.EditView):
    def save_instance(self):
        proposed = self.form.proposed_email
        instance = super().save_instance()
        if proposed:
            propose_email(self.request, instance, proposed)
        return instance


class UserViewSet(users.UserViewSet):
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return ConfirmedEmailUserEditForm if for_update else super().get_form_class(for_update)
