"""Sending a stored file back: always as a download, never sniffed, never cached by proxies."""

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

from network.files import names


def file_response(stored):
    """`stored` is an Attachment or GroupDocument the caller has already checked access to."""
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=stored.content_type)
    response["Content-Disposition"] = names.content_disposition(stored.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True)
    return response
