"""Formatting for the information centre's tables."""

from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def baht(value) -> str:
    """1250000 -> "1,250,000.00" (amounts in the Act's tables are shown to the satang)."""
    if value in (None, ""):
        return ""
    try:
        return f"{Decimal(str(value)):,.2f}"
    except (InvalidOperation, ValueError):
        return str(value)
