"""Editors upload import files in the Wagtail admin and follow the import to its result."""

from django import forms
from django.contrib import messages
from django.core.validators import FileExtensionValidator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from monitoring.importing import ImportFile, error_lines, summary_text, uploads
from monitoring.importing.coverage import entities_text
from monitoring.models import ImportBatch
from portal import access
from portal.forms import SubmissionToken
from portal.submissions import AlreadySubmitted

RECENT_BATCHES = 20
_import_file = dict(
    required=False,
    validators=[FileExtensionValidator(["csv", "xlsx"])],
    help_text=_(
        "CSV (UTF-8) med komma og decimalpunktum, CSV fra dansk Excel med semikolon og "
        "decimalkomma, eller XLSX."
    ),
)


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Hvad vil du indlæse?"),
        choices=ImportBatch.Kind.choices,
        initial=ImportBatch.Kind.KEY_FIGURES,
        widget=forms.RadioSelect,
    )
    year = forms.IntegerField(
        label=_("Regnskabsår"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_("Kun for nøgletal: året i filen. Årets tidligere værdier bliver erstattet."),
    )
    key_figures = forms.FileField(label=_("Nøgletalsfil"), **_import_file)
    organisations = forms.FileField(label=_("Boligorganisationer"), **_import_file)
    estates = forms.FileField(label=_("Afdelinger"), **_import_file)
    token = SubmissionToken()

    def clean(self):
        data = super().clean()
        if data.get("kind") == ImportBatch.Kind.KEY_FIGURES:
            if not data.get("year"):
                self.add_error("year", _("Angiv regnskabsåret."))
            if not data.get("key_figures"):
                self.add_error("key_figures", _("Vælg nøgletalsfilen."))
        elif not (data.get("organisations") or data.get("estates")):
            self.add_error(
                "organisations", _("Vælg en fil med organisationer og/eller afdelinger.")
            )
        return data

    def files_to_import(self):
        """The uploaded files that belong to the chosen kind, by role."""
        if self.cleaned_data["kind"] == ImportBatch.Kind.KEY_FIGURES:
            roles = ["key_figures"]
        else:
            roles = ["organisations", "estates"]
        uploads = {role: self.cleaned_data.get(role) for role in roles}
        return {
            role: ImportFile(upload.name, upload.read())
            for role, upload in uploads.items()
            if upload
        }


class EditorsOnlyMixin:
    """Import is for styrelse's editors; to anyone else the pages do not exist."""

    def dispatch(self, request, *args, **kwargs):
        if not access.may_edit_content(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ImportView(EditorsOnlyMixin, WagtailAdminTemplateMixin, FormView):
    page_title = _("Import af nøgletal")
    header_icon = "upload"
    template_name = "monitoring/admin/import_form.html"
    form_class = ImportForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["batches"] = ImportBatch.objects.select_related("created_by")[:RECENT_BATCHES]
        return context

    def form_valid(self, form):
        kind = form.cleaned_data["kind"]
        year = form.cleaned_data["year"] if kind == ImportBatch.Kind.KEY_FIGURES else None
        try:
            batch = uploads.queue(
                kind,
                form.files_to_import(),
                user=self.request.user,
                year=year,
                token=form.cleaned_data["token"],
            )
        except AlreadySubmitted as sent:
            batch = sent.first
            messages.info(self.request, already_imported(batch))
        return redirect("monitoring_import_batch", batch.pk)


def already_imported(batch):
    """The answer to an upload or partial-import form sent again: which import its first
    sending started."""
    return gettext(
        "Formularen var allerede sendt: filen %(file)s blev sendt til import %(started)s og er "
        "ikke indlæst igen. Her er den første import."
    ) % {
        "file": batch.file_name,
        "started": formats.date_format(timezone.localtime(batch.started_at), "DATETIME_FORMAT"),
    }


class PartialImportForm(forms.Form):
    """The uploader's explicit yes to a file that leaves organisations or estates out."""

    confirm = forms.BooleanField(required=True)
    token = SubmissionToken()

    def __init__(self, *args, batch, uncovered, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].label = _(
            "Ja, indlæs filen som delvis import: %(entities)s mister deres nøgletal for %(year)s."
        ) % {"entities": entities_text(uncovered), "year": batch.year}
        self.fields["confirm"].error_messages["required"] = _(
            "Sæt kryds, hvis filen skal indlæses som delvis import."
        )


def _partial_form(batch, data=None):
    """The confirmation form for a batch refused only for leaving entities out, else None."""
    uncovered = uploads.partial_offer(batch)
    if uncovered is None:
        return None
    return PartialImportForm(data, batch=batch, uncovered=uncovered)


class ImportBatchView(EditorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """One import's status; while it runs, htmx reloads the status part every two seconds."""

    page_title = _("Import af nøgletal")
    header_icon = "upload"
    template_name = "monitoring/admin/import_batch.html"
    status_template_name = "monitoring/admin/import_status.html"

    def get_template_names(self):
        if self.request.htmx:
            return [self.status_template_name]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = get_object_or_404(ImportBatch.objects.select_related("created_by"), pk=kwargs["pk"])
        context.update(
            batch=batch,
            summary=summary_text(batch),
            errors=error_lines(batch),
            running=batch.status == ImportBatch.Status.RUNNING,
            status_url=reverse("monitoring_import_batch", args=[batch.pk]),
            import_url=reverse("monitoring_import"),
            partial_form=kwargs.get("partial_form") or _partial_form(batch),
            partial_url=reverse("monitoring_import_partial", args=[batch.pk]),
        )
        return context


class PartialImportView(ImportBatchView):
    """Import a refused file again as the partial import its uploader confirms."""

    http_method_names = ["post"]

    def post(self, request, pk):
        refused = get_object_or_404(ImportBatch, pk=pk)
        form = _partial_form(refused, request.POST)
        if form is None:
            raise Http404
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(pk=pk, partial_form=form))
        try:
            batch = uploads.queue_partial(
                refused, user=request.user, token=form.cleaned_data["token"]
            )
        except AlreadySubmitted as sent:
            batch = sent.first
            messages.info(request, already_imported(batch))
        return redirect("monitoring_import_batch", batch.pk)
