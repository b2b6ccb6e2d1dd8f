"""What the network app holds about a person as files: attachments and library documents.

Erasing an account deletes the attachments of posts the person had deleted (nobody can reach
them any more), keeps the attachments of their live posts and their documents in the groups'
libraries (they belong to the groups' conversations, like the posts, which stay as written by
"Slettet bruger"), and removes the link to the uploader from every file that stays.
"""

from django.db.models import Q

from network.models import Attachment, GroupDocument


def _attachment_group(attachment):
    post = attachment.thread or attachment.reply.thread
    return post.group.name


def export(user):
    attachments = Attachment.objects.filter(uploaded_by=user).select_related(
        "thread__group", "reply__thread__group"
    )
    documents = GroupDocument.objects.filter(uploaded_by=user).select_related("group")
    return {
        "vedhaeftede_filer": [
            {
                "netværk": _attachment_group(a),
                "filnavn": a.original_name,
                "filtype": a.content_type,
                "størrelse": a.size,
                "uploadet": a.created.isoformat(),
            }
            for a in attachments
        ],
        "dokumenter": [
            {
                "netværk": d.group.name,
                "titel": d.title,
                "mappe": d.folder,
                "beskrivelse": d.description,
                "filnavn": d.original_name,
                "størrelse": d.size,
                "uploadet": d.created.isoformat(),
            }
            for d in documents
        ],
    }


def files(user):
    """The person's attachments and library documents, each under its number and own name."""
    for attachment in Attachment.objects.filter(uploaded_by=user).order_by("pk"):
        yield f"filer/vedhaeftede-filer/{attachment.pk}-{attachment.original_name}", attachment.file
    for document in GroupDocument.objects.filter(uploaded_by=user).order_by("pk"):
        yield f"filer/dokumenter/{document.pk}-{document.original_name}", document.file


def erase(user):
    withdrawn = Q(thread__author=user, thread__deleted_at__isnull=False) | Q(
        reply__author=user, reply__deleted_at__isnull=False
    )
    # One by one, so each row's file is removed after the commit (network.models.files).
    for attachment in Attachment.objects.filter(withdrawn):
        attachment.delete()
    Attachment.objects.filter(uploaded_by=user).update(uploaded_by=None)
    GroupDocument.objects.filter(uploaded_by=user).update(uploaded_by=None)
