"""Downloads of attachments and library documents, for those who may read the group."""

from network.files.download import file_response
from network.views.gate import network_view, readable_attachment, readable_document


@network_view
def attachment_file(request, slug, pk):
    return file_response(readable_attachment(request.user, slug, pk))


@network_view
def document_file(request, slug, pk):
    return file_response(readable_document(request.user, slug, pk))
