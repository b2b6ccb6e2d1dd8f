"""A group's document library: the list by folder, adding and deleting documents."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network import access, library
from network.forms import DocumentForm
from network.posting import Refused
from network.views.gate import network_view, readable_document, readable_group

DOCUMENTS_PER_PAGE = 25


def _folders(group):
    return list(group.documents.order_by("folder").values_list("folder", flat=True).distinct())


@network_view
def library_page(request, slug):
    group = readable_group(request.user, slug)
    folders = _folders(group)
    chosen = request.GET.get("mappe")
    documents = group.documents.select_related("uploaded_by")
    if chosen is not None and chosen in folders:
        documents = documents.filter(folder=chosen)
    else:
        chosen = None
    documents = documents.order_by("folder", "title", "pk")
    page_obj = Paginator(documents, DOCUMENTS_PER_PAGE).get_page(request.GET.get("side"))
    return render(
        request,
        "network/library.html",
        {
            "group": group,
            "page_obj": page_obj,
            "documents": page_obj.object_list,
            "query_string": urlencode({"mappe": chosen}) if chosen is not None else "",
            "folders": folders,
            "chosen_folder": chosen,
            "may_post": access.may_post(request.user, group),
            "may_moderate": access.may_moderate(request.user, group),
        },
    )


@network_view
def upload_document(request, slug):
    group = readable_group(request.user, slug)
    may_post = access.may_post(request.user, group)
    if request.method == "POST" and not may_post:
        messages.error(request, _("Du skal være aktivt medlem af netværket for at skrive her."))
        return redirect("network:library", group.slug)
    folders = [folder for folder in _folders(group) if folder]
    form = DocumentForm(request.POST or None, request.FILES or None, folders=folders)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            library.add_document(
                request.user,
                group,
                data["file"],
                title=data["title"],
                folder=data["folder"],
                description=data["description"],
            )
        except Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Dokumentet er lagt i netværkets bibliotek."))
            return redirect("network:library", group.slug)
    return render(
        request,
        "network/document_form.html",
        {"group": group, "form": form, "may_post": may_post},
        status=400 if form.errors else 200,
    )


@require_POST
@network_view
def delete_document(request, slug, pk):
    document = readable_document(request.user, slug, pk)
    try:
        library.delete_document(request.user, document)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Dokumentet er slettet."))
    return redirect("network:library", slug)
