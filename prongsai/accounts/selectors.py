"""Reads for the organisation tree and staff contacts (R20)."""

from .models import Unit


def units_in_tree_order() -> list[Unit]:
    """Every unit, each parent followed by its children (by code), with ``tree_depth`` set."""
    units = list(Unit.objects.select_related("parent").order_by("code"))
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    ordered: list[Unit] = []

    def visit(parent_id, depth):
        for unit in children.get(parent_id, []):
            unit.tree_depth = depth
            ordered.append(unit)
            visit(unit.pk, depth + 1)

    visit(None, 0)
    seen = {unit.pk for unit in ordered}
    ordered.extend(unit for unit in units if unit.pk not in seen)  # broken data still listed
    return ordered


def unit_publishers(unit: Unit):
    """The unit's assigned publishers with their contact details (name, position, e-mail,
    telephone come from the staff account)."""
    return unit.publishers.filter(is_active=True).order_by("first_name", "last_name")
