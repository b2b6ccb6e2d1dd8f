from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import access, audit
from portal.accounts import access_requests, data_archive, invitations, personal_data
from portal.accounts.forms import (
    AccessRequestForm,
    DecisionForm,
    DeleteAccountForm,
    InvitationForm,
    ProfileForm,
)
from portal.models import AccessRequest, AuditEvent, Municipality


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Din profil er gemt."))
        return redirect("profile")
    return render(
        request,
        "portal/accounts/profile.html",
        {
            "form": form,
            "roles": sorted(access.role_names(request.user)),
            "suggested_municipality": Municipality.objects.for_email(request.user.email).first(),
            "open_request": request.user.access_requests.filter(
                status=AccessRequest.Status.PENDING
            ).first(),
            "may_request_access": access.caseworker_municipality(request.user) is None,
        },
    )


@login_required
def request_access(request):
    form = AccessRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        access_requests.submit(form.save(commit=False), request.user)
        messages.success(
            request,
            _("Din anmodning er sendt. Du får besked på e-mail, når den er afgjort."),
        )
        return redirect("profile")
    return render(request, "portal/accounts/request_access.html", {"form": form})


@login_required
def access_request_queue(request):
    if not access.may_decide_access_requests(request.user):
        raise Http404
    pending = access.access_requests_decidable_by(
        request.user,
        AccessRequest.objects.filter(status=AccessRequest.Status.PENDING).select_related(
            "user", "municipality"
        ),
    )
    return render(
        request,
        "portal/accounts/access_request_queue.html",
        {"requests": pending, "decision_form": DecisionForm()},
    )


@login_required
@require_POST
def decide_access_request(request, pk):
    decidable = access.access_requests_decidable_by(
        request.user, AccessRequest.objects.filter(status=AccessRequest.Status.PENDING)
    )
    access_request = get_object_or_404(decidable, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Afgørelsen kunne ikke læses. Prøv igen."))
        return redirect("access_request_queue")
    approved = form.cleaned_data["decision"] == "approve"
    access_requests.decide(
        access_request, request.user, approved=approved, note=form.cleaned_data["note"]
    )
    applicant = access_request.user
    messages.success(
        request,
        _("Anmodningen fra %(name)s er godkendt.") % {"name": applicant}
        if approved
        else _("Anmodningen fra %(name)s er afvist.") % {"name": applicant},
    )
    return redirect("access_request_queue")


@login_required
def invite(request):
    if not access.is_administrator(request.user):
        raise Http404
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = invitations.send(form.save(commit=False), request.user)
        messages.success(
            request, _("Invitationen er sendt til %(email)s.") % {"email": invitation.email}
        )
        return redirect("invite")
    return render(request, "portal/accounts/invite.html", {"form": form})


def accept_invitation(request, token):
    invitation = invitations.invitation_for_token(token)
    if invitation is None:
        messages.error(
            request, _("Linket til invitationen er udløbet, allerede brugt eller ugyldigt.")
        )
        return redirect("/")
    if not request.user.is_authenticated:
        request.session["invited_email"] = invitation.email
        messages.info(
            request,
            _("Opret en konto med %(email)s, eller log ind, for at tage imod invitationen.")
            % {"email": invitation.email},
        )
        return redirect(f"{reverse('account_signup')}?next={request.path}")
    if not invitations.accept(invitation, request.user):
        audit.record(AuditEvent.Kind.REFUSED, reason="invitation for another e-mail")
        raise PermissionDenied(_("Invitationen er sendt til en anden e-mailadresse."))
    messages.success(request, _("Du har nu rollen %(role)s.") % {"role": invitation.role})
    return redirect("profile")


@login_required
def download_data(request):
    """The person's own data, files included, as one ZIP; no parameter names anyone else."""
    archive = data_archive.build(request.user)
    audit.record(AuditEvent.Kind.DATA_EXPORTED, subject=request.user)
    return FileResponse(
        archive,
        as_attachment=True,
        filename="tilsynsportalen-mine-data.zip",
        content_type="application/zip",
    )


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user = request.user
        audit.record(AuditEvent.Kind.ACCOUNT_DELETED, subject=user)
        personal_data.erase(user)
        logout(request)
        messages.success(request, _("Din konto er slettet."))
        return redirect("/")
    return render(request, "portal/accounts/delete_account.html", {"form": form})
