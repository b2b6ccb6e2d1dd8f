"""The kinds of file members may share, told by their content, never by their name."""

import re
import zipfile
from dataclasses import dataclass

import filetype
from django.utils.translation import gettext_lazy as _
from PIL import Image

HEAD_BYTES = 8192  # filetype's matchers read no further
ZIP_SIGNATURE = b"PK\x03\x04"
MAX_CONTENT_TYPES_BYTES = 1024 * 1024


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    label: str
    aliases: tuple = ()


PDF = FileType("pdf", "application/pdf", _("PDF"))
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    _("Word"),
)
XLSX = FileType(
    "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _("Excel")
)
PPTX = FileType(
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    _("PowerPoint"),
)
PNG = FileType("png", "image/png", _("PNG-billede"))
JPG = FileType("jpg", "image/jpeg", _("JPG-billede"), aliases=("jpeg",))

ALLOWED = (PDF, DOCX, XLSX, PPTX, PNG, JPG)
BY_EXTENSION = {name: kind for kind in ALLOWED for name in (kind.extension, *kind.aliases)}
BY_CONTENT_TYPE = {kind.content_type: kind for kind in ALLOWED}
ACCEPT = ",".join(f".{name}" for name in BY_EXTENSION)

# The main part each OOXML kind declares in its [Content_Types].xml; macro-enabled variants
# (docm, xlsm, pptm) declare others and are refused.
OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}
OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b[^>]*>")
ATTRIBUTE = re.compile(rb"""\b(PartName|ContentType)\s*=\s*["']([^"']*)["']""")
IMAGE_FORMATS = {"image/png": (PNG, "PNG"), "image/apng": (PNG, "PNG"), "image/jpeg": (JPG, "JPEG")}


def detect(file):
    """The allowed type `file`'s content is, or None. The file is read from and rewound."""
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    if head.startswith(ZIP_SIGNATURE):
        return _ooxml_kind(file)
    guess = filetype.guess(head)
    if guess is None:
        return None
    if guess.mime == PDF.content_type:
        return PDF
    if guess.mime in IMAGE_FORMATS:
        kind, pillow_format = IMAGE_FORMATS[guess.mime]
        return kind if _is_image(file, pillow_format) else None
    return None


def _ooxml_kind(file):
    """DOCX, XLSX or PPTX when the zip declares that kind's main part and holds it."""
    try:
        with zipfile.ZipFile(file) as archive:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > MAX_CONTENT_TYPES_BYTES:
                return None
            declared = archive.read(info)
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError):
        return None
    finally:
        file.seek(0)
    kinds = set()
    for element in OVERRIDE.findall(declared):
        attributes = {
            key: value.decode("utf-8", "replace") for key, value in ATTRIBUTE.findall(element)
        }
        kind = OOXML_MAIN_PARTS.get(attributes.get(b"ContentType"))
        if kind and attributes.get(b"PartName", "").lstrip("/") in names:
            kinds.add(kind)
    return kinds.pop() if len(kinds) == 1 else None


def _is_image(file, pillow_format):
    """Pillow reads the header and checks the image's structure without decoding it."""
    try:
        with Image.open(file) as image:
            matches = image.format == pillow_format
            image.verify()
    # Pillow signals a broken or hostile image with many exception types.
    except Exception:  # noqa: BLE001
        return False
    finally:
        file.seek(0)
    return matches
