"""One way to hand staff a privately stored file (publish-request and information-request
attachments): always a download, never sniffed into something the browser would render, never
kept by a shared cache; a file gone from disk is a 404, not a 500."""

from django.http import FileResponse, Http404


def private_file_response(field_file, filename: str) -> FileResponse:
    try:
        handle = field_file.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
