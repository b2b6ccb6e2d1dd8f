"""Demo documents: small but valid PDF files, stored once as portal documents."""

from django.core.files.base import ContentFile

from portal.models import PortalDocument


def pdf_bytes(title, lines):
    """A one-page PDF with the title and lines of text (WinAnsi, so Danish letters work)."""

    def escape(value):
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    commands = ["BT", "/F1 18 Tf", "56 780 Td", f"({escape(title)}) Tj", "/F1 11 Tf", "0 -32 Td"]
    for line in lines:
        commands += [f"({escape(line)}) Tj", "0 -16 Td"]
    commands.append("ET")
    stream = "\n".join(commands).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe6\xf8\xe5\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def pdf_document(title, filename, lines, description=""):
    """The portal document with `title`, created as a PDF if it does not exist."""
    existing = PortalDocument.objects.filter(title=title).first()
    if existing:
        return existing
    document = PortalDocument(title=title, description=description)
    document.file.save(filename, ContentFile(pdf_bytes(title, lines)), save=False)
    document.save()
    return document
