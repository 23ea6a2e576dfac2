"""Extra text indexed with an object beyond its own search fields (documents' content)."""


def extra_search_text(obj) -> str:
    """Description, metadata and extracted content of a document; nothing for other objects."""
    from prongsai.sitepages.models import AgencyDocument

    if not isinstance(obj, AgencyDocument):
        return ""
    parts = [obj.description, obj.source]
    if obj.owner_unit_id:
        parts.append(str(obj.owner_unit))
    if obj.file:
        parts.append(obj.filename)
    from .models import DocumentText

    extracted = DocumentText.objects.filter(document=obj).values_list("text", flat=True).first()
    parts.append(extracted or "")
    return " ".join(part for part in parts if part)
