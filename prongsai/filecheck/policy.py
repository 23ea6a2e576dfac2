"""What a site accepts: kinds per upload path, size per kind, archive and image limits.

The site's policy supplies these values; ``UploadPolicy.for_site`` is the one place that reads
it, and today every site gets ``DEFAULT_POLICY`` (the install-wide defaults below).
"""

from dataclasses import dataclass, field

MB = 1024 * 1024

#: Content kind -> the file name extensions that may carry it.
EXTENSIONS: dict[str, frozenset[str]] = {
    "pdf": frozenset({"pdf"}),
    "docx": frozenset({"docx"}),
    "xlsx": frozenset({"xlsx"}),
    "pptx": frozenset({"pptx"}),
    "odt": frozenset({"odt"}),
    "ods": frozenset({"ods"}),
    "odp": frozenset({"odp"}),
    "doc": frozenset({"doc"}),
    "xls": frozenset({"xls"}),
    "ppt": frozenset({"ppt"}),
    "zip": frozenset({"zip"}),
    "csv": frozenset({"csv"}),
    "txt": frozenset({"txt"}),
    "jpeg": frozenset({"jpg", "jpeg"}),
    "png": frozenset({"png"}),
    "gif": frozenset({"gif"}),
    "webp": frozenset({"webp"}),
}

IMAGE_KINDS = frozenset({"jpeg", "png", "gif", "webp"})

#: The upload paths: Wagtail documents, Wagtail images, publish-request attachments.
DOCUMENT, IMAGE, ATTACHMENT = "document", "image", "attachment"

_DOCUMENT_KINDS = frozenset(
    {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "doc", "xls", "ppt", "zip", "csv", "txt"}
)
_ATTACHMENT_KINDS = frozenset({"pdf", "docx", "xlsx", "odt", "ods", "doc", "xls", *IMAGE_KINDS})


def _default_sizes() -> dict[str, int]:
    sizes = dict.fromkeys(EXTENSIONS, 20 * MB)
    sizes.update(csv=5 * MB, txt=5 * MB, jpeg=10 * MB, png=10 * MB, gif=10 * MB, webp=10 * MB)
    return sizes


@dataclass(frozen=True)
class UploadPolicy:
    kinds: dict[str, frozenset[str]] = field(
        default_factory=lambda: {
            DOCUMENT: _DOCUMENT_KINDS,
            IMAGE: IMAGE_KINDS,
            ATTACHMENT: _ATTACHMENT_KINDS,
        }
    )
    max_bytes: dict[str, int] = field(default_factory=_default_sizes)
    # Archives (ZIP, Office, OpenDocument) are opened and measured before anything reads them.
    max_entries: int = 1000
    max_uncompressed_bytes: int = 100 * MB
    max_ratio: int = 100
    max_nesting: int = 2
    # Images are refused above this many pixels (all frames) before they are decoded.
    max_image_pixels: int = 50_000_000
    max_image_frames: int = 200

    @classmethod
    def for_site(cls, site=None) -> "UploadPolicy":
        """The upload policy of ``site``: its own settings once it has them, else the defaults."""
        return DEFAULT_POLICY

    def allowed_kinds(self, purpose: str) -> frozenset[str]:
        return self.kinds[purpose]

    def allowed_extensions(self, purpose: str) -> list[str]:
        return sorted({ext for kind in self.kinds[purpose] for ext in EXTENSIONS[kind]})

    def largest(self, purpose: str) -> int:
        return max(self.max_bytes[kind] for kind in self.kinds[purpose])


DEFAULT_POLICY = UploadPolicy()
