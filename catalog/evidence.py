"""Evidence files: checked by what they contain, never by their name.

Only PDF, PNG and JPEG, at most 5 MB. A PDF must start with the PDF signature and end with
its end-of-file marker; an image must open and verify as the format its first bytes name
(Pillow). Anything else (an executable renamed to .pdf, an SVG with a script, an HTML page)
is refused with a message in the visitor's language. Files are kept under random names in
the default storage (never among the static files) and served only to staff, as downloads.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 5 * 1024 * 1024
PDF, PNG, JPEG = "application/pdf", "image/png", "image/jpeg"
SIGNATURES = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
ACCEPTED = _("Send a PDF, PNG or JPEG file of at most 5 MB.")


def content_type(upload) -> str:
    """The file's real type, after checking it; raises ValidationError otherwise."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file “%(name)s” is larger than 5 MB."),
            code="too_large",
            params={"name": upload.name[:100]},
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    kind = next((mime for magic, mime in SIGNATURES if data.startswith(magic)), None)
    if kind is None or not _intact(data, kind):
        raise ValidationError(
            _("The file “%(name)s” is not a PDF, PNG or JPEG file. %(accepted)s"),
            code="type",
            params={"name": upload.name[:100], "accepted": ACCEPTED},
        )
    return kind


def _intact(data: bytes, kind: str) -> bool:
    if kind == PDF:
        return b"%%EOF" in data[-2048:]
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != {PNG: "PNG", JPEG: "JPEG"}[kind]:
                return False
            image.verify()
    except Exception:  # noqa: BLE001 - any failure to decode means not an intact image
        return False
    return True


def extension(kind: str) -> str:
    return {PDF: "pdf", PNG: "png", JPEG: "jpg"}[kind]
