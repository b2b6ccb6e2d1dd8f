"""Forms of the network pages."""

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.functional import lazy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from network.choices import GroupKind, MembershipRole
from network.files import types, uploads
from network.models import Group, Meeting, MeetingQuestion, ReportReason
from portal.forms import SubmissionToken, VisibleTextField
from portal.models import User

BODY_MAX_LENGTH = 20_000
MARKDOWN_HELP = _("Du kan bruge Markdown: **fed**, *kursiv*, lister og links.")


def body_field(label=None):
    return forms.CharField(
        label=label or _("Tekst"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HELP,
        error_messages={"required": _("Skriv en tekst.")},
    )


def _file_rules():
    return _("PDF, Word, Excel, PowerPoint, PNG eller JPG på højst %(limit)s pr. fil.") % {
        "limit": filesizeformat(settings.NETWORK_MAX_UPLOAD_BYTES)
    }


def _attachment_rules():
    count = settings.NETWORK_MAX_ATTACHMENTS
    return " ".join(
        [
            ngettext("Op til %(count)d fil.", "Op til %(count)d filer.", count) % {"count": count},
            _file_rules(),
            str(_("Vælg filerne igen, hvis formularen viser en fejl.")),
        ]
    )


class SharedFileField(forms.FileField):
    """A file checked by its content (network.files.uploads); cleans to a CheckedUpload."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": types.ACCEPT}))
        kwargs.setdefault("help_text", lazy(_file_rules, str)())
        kwargs.setdefault("error_messages", {"required": _("Vælg en fil.")})
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return uploads.check(upload) if upload else None


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(SharedFileField):
    """Up to NETWORK_MAX_ATTACHMENTS files; one bad file makes the whole form invalid."""

    def __init__(self):
        super().__init__(
            label=_("Vedhæft filer"),
            required=False,
            widget=MultipleFileInput(attrs={"accept": types.ACCEPT}),
            help_text=lazy(_attachment_rules, str)(),
        )

    def clean(self, data, initial=None):
        files = [f for f in data if f] if isinstance(data, list | tuple) else [data] if data else []
        limit = settings.NETWORK_MAX_ATTACHMENTS
        if len(files) > limit:
            raise ValidationError(
                ngettext(
                    "Du kan højst vedhæfte %(count)d fil.",
                    "Du kan højst vedhæfte %(count)d filer.",
                    limit,
                ),
                params={"count": limit},
            )
        checked, errors = [], []
        for upload in files:
            try:
                checked.append(super().clean(upload, initial))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return checked


class ThreadForm(forms.Form):
    title = VisibleTextField(
        label=_("Overskrift"),
        max_length=200,
        error_messages={"required": _("Skriv en overskrift.")},
    )
    body = body_field()
    attachments = AttachmentsField()
    token = SubmissionToken()


class ReplyForm(forms.Form):
    body = body_field(_("Dit svar"))
    attachments = AttachmentsField()
    quoted = forms.ModelChoiceField(
        queryset=None, required=False, widget=forms.HiddenInput, label=_("Citeret svar")
    )
    token = SubmissionToken()

    def __init__(self, *args, thread, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quoted"].queryset = thread.replies.filter(
            deleted_at__isnull=True, hidden_at__isnull=True
        )


# The empty reply form is the same on every thread but for its submission token: rendered once
# per process and language with this token, which each request replaces with a new one.
_TOKEN_SLOT = "00000000-0000-4000-8000-000000000000"
_blank_reply_forms = {}


def blank_reply_form(thread):
    """The HTML of an empty `ReplyForm` with a fresh submission token."""
    language = translation.get_language()
    html = _blank_reply_forms.get(language)
    if html is None:
        form = ReplyForm(thread=thread, initial={"token": _TOKEN_SLOT})
        html = _blank_reply_forms[language] = str(form)
    return mark_safe(html.replace(_TOKEN_SLOT, str(uuid.uuid4())))


class EditPostForm(forms.Form):
    """The author's own post: its text, files to add and files to remove."""

    body = body_field()
    attachments = AttachmentsField()
    remove_attachments = forms.ModelMultipleChoiceField(
        label=_("Fjern filer"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Vælg blandt indlæggets egne filer.")},
    )

    def __init__(self, *args, post, **kwargs):
        super().__init__(*args, **kwargs)
        attached = post.attachments.order_by("pk")
        self.fields["remove_attachments"].queryset = attached
        self.fields["remove_attachments"].label_from_instance = lambda a: a.original_name
        if not attached.exists():
            del self.fields["remove_attachments"]


class EditThreadForm(EditPostForm):
    title = ThreadForm.base_fields["title"]
    field_order = ["title", "body"]


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


class MeetingForm(forms.ModelForm):
    video_url = Meeting._meta.get_field("video_url").formfield(assume_scheme="https")

    class Meta:
        model = Meeting
        fields = [
            "title",
            "start",
            "end",
            "place",
            "video_url",
            "agenda_markdown",
            "material_markdown",
            "capacity",
            "registration_deadline",
        ]
        widgets = {
            **dict.fromkeys(
                ["start", "end", "registration_deadline"],
                forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            ),
            "agenda_markdown": forms.Textarea(attrs={"rows": 8}),
            "material_markdown": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "agenda_markdown": MARKDOWN_HELP,
            "material_markdown": _(
                "Links til oplæg og baggrundsmateriale. Du kan bruge Markdown: lister og links."
            ),
        }


# Three empty questions on every save: a planner adds several at once; empty ones are skipped.
# Only saved questions can be deleted: an empty one has nothing to delete.
MeetingQuestionFormSet = forms.inlineformset_factory(
    Meeting,
    MeetingQuestion,
    fields=["label", "kind", "choices", "help_text", "required"],
    widgets={"choices": forms.Textarea(attrs={"rows": 3})},
    extra=3,
    can_delete=True,
    can_delete_extra=False,
)


class DocumentForm(forms.Form):
    file = SharedFileField(label=_("Fil"))
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        required=False,
        help_text=_("Udfyldes den ikke, bruges filens navn."),
    )
    folder = forms.CharField(
        label=_("Mappe"),
        max_length=80,
        required=False,
        help_text=_("Skriv navnet på en eksisterende eller ny mappe. Tom: uden mappe."),
    )
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, folders=(), **kwargs):
        super().__init__(*args, **kwargs)
        if folders:
            self.fields["folder"].widget.attrs["list"] = "eksisterende-mapper"
        self.folders = folders


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Hvorfor anmelder du indlægget?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg en årsag.")},
    )
    details = forms.CharField(
        label=_("Uddybning"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kun netværkets moderatorer ser anmeldelsen. Forfatteren får ikke dit navn."),
    )


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"),
        required=False,
        max_length=1000,
        help_text=_("Begrundelsen står i netværkets moderationslog, som kun moderatorerne ser."),
    )
