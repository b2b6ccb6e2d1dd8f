"""Checking an uploaded file before anything is saved: size, kind by content, and its name."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from network.files import names, types


@dataclass(frozen=True)
class CheckedUpload:
    file: object
    name: str
    kind: types.FileType


def check(upload):
    """The upload with its display name and detected kind, or a ValidationError in Danish.

    A name claiming another allowed kind ("billede.png" holding a PDF) is refused; any other
    name gets the detected kind's extension ("referat" becomes "referat.pdf")."""
    shown = names.clean(upload.name) or names.FALLBACK_STEM
    limit = settings.NETWORK_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("„%(name)s“ er for stor (%(size)s). En fil må højst fylde %(limit)s."),
            params={
                "name": shown,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
        )
    if upload.size == 0:
        raise ValidationError(_("„%(name)s“ er tom."), params={"name": shown})
    kind = types.detect(upload)
    stem, claimed = names.split_extension(shown)
    claimed_kind = types.BY_EXTENSION.get(claimed)
    if claimed_kind is not None and claimed_kind != kind:
        raise ValidationError(
            _("„%(name)s“ er ikke en %(claimed)s-fil, selv om navnet siger det."),
            params={"name": shown, "claimed": claimed.upper()},
        )
    if kind is None:
        raise ValidationError(
            _(
                "„%(name)s“ kan ikke deles: kun PDF, Word (docx), Excel (xlsx), "
                "PowerPoint (pptx), PNG og JPG er tilladt."
            ),
            params={"name": shown},
        )
    if claimed_kind is None:
        stem = shown
    return CheckedUpload(upload, names.with_extension(stem, kind.extension), kind)
