"""What a site accepts: kinds per upload path, size per kind, archive and image limits.

``UploadPolicy.for_site`` is the one place that reads the site's ``AgencyPolicy``
(``prongsai.policy``): its "accepted file kinds" narrow what request attachments may be.
Sizes and archive/image limits have no field in the agency's policy yet, so every site gets the
install-wide defaults below for those (``DEFAULT_POLICY``).
"""

from dataclasses import dataclass, field, replace

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

#: The upload paths: Wagtail documents, Wagtail images, publish-request attachments (and the
#: parent body's report attachments), reports pushed to the parent body's API (PDF only).
DOCUMENT, IMAGE, ATTACHMENT, REPORT = "document", "image", "attachment", "report"

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
            REPORT: frozenset({"pdf"}),
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
    # Upload path -> the only extensions the site accepts there (absent: every extension of
    # the path's kinds). Set from the agency's policy by ``for_site``.
    extensions: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def for_site(cls, site=None) -> "UploadPolicy":
        """The upload policy of ``site`` (the default site when None), read from its
        ``AgencyPolicy``: an agency that lists accepted file kinds narrows the attachments to
        those extensions; an empty list keeps every kind the system supports."""
        from prongsai.policy.selectors import policy_for

        listed = {str(kind).lower().lstrip(".") for kind in policy_for(site).accepted_file_kinds}
        if not listed:
            return DEFAULT_POLICY
        return DEFAULT_POLICY.narrowed(ATTACHMENT, listed)

    def narrowed(self, purpose: str, extensions: set[str]) -> "UploadPolicy":
        """This policy with ``purpose`` limited to ``extensions`` (and the kinds they carry)."""
        extensions = frozenset(extensions)
        kinds = {kind for kind in self.kinds[purpose] if EXTENSIONS[kind] & extensions}
        return replace(
            self,
            kinds={**self.kinds, purpose: frozenset(kinds)},
            extensions={**self.extensions, purpose: extensions},
        )

    def allowed_kinds(self, purpose: str) -> frozenset[str]:
        return self.kinds[purpose]

    def accepts_extension(self, purpose: str, extension: str) -> bool:
        only = self.extensions.get(purpose)
        return only is None or extension in only

    def allowed_extensions(self, purpose: str) -> list[str]:
        return sorted(
            ext
            for kind in self.kinds[purpose]
            for ext in EXTENSIONS[kind]
            if self.accepts_extension(purpose, ext)
        )

    def largest(self, purpose: str) -> int:
        return max((self.max_bytes[kind] for kind in self.kinds[purpose]), default=0)


DEFAULT_POLICY = UploadPolicy()
