"""Small real files of every kind members may share, and the disguises they must not get past."""

import io
import zipfile

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from network.files import types

MINIMAL_PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""

OOXML_MAIN_PARTS = {
    "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation.main+xml"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
}


def pdf():
    return MINIMAL_PDF


def image(pillow_format):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, pillow_format)
    return buffer.getvalue()


def png():
    return image("PNG")


def jpg():
    return image("JPEG")


def xlsx():
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Nøgletal"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ooxml(kind, main_type=None):
    """A minimal OOXML package of `kind` (docx, pptx, xlsx) built with zipfile."""
    part, suffix = OOXML_MAIN_PARTS[kind]
    main_type = main_type or f"application/vnd.openxmlformats-officedocument.{suffix}"
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{main_type}"/>'
        "</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Target="{part}" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>",
        )
        archive.writestr(part, "<document/>")
    return buffer.getvalue()


def docx():
    return ooxml("docx")


def pptx():
    return ooxml("pptx")


def plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def macro_docx():
    """A Word document with macros (docm) wearing a docx name."""
    return ooxml("docx", "application/vnd.ms-word.document.macroEnabled.main+xml")


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64 + b"PE\x00\x00"

VALID = {
    "pdf": (pdf, types.PDF),
    "docx": (docx, types.DOCX),
    "xlsx": (xlsx, types.XLSX),
    "pptx": (pptx, types.PPTX),
    "png": (png, types.PNG),
    "jpg": (jpg, types.JPG),
}


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def stored_attachment(post, name="bilag.pdf", content=None):
    """An attachment saved straight to the database, as posting would save it."""
    from network.files import uploads
    from network.models import Attachment, Thread

    field = "thread" if isinstance(post, Thread) else "reply"
    attachment = Attachment(uploaded_by=post.author, **{field: post})
    attachment.set_upload(uploads.check(upload(name, content or pdf())))
    attachment.save()
    return attachment
