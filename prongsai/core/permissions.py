"""The one refusal type of the project.

A service refuses with :class:`Refused` (``refuse(message)``). It is both Django's
``PermissionDenied`` (an uncaught refusal is a 403 page) and a ``ValidationError`` (a view that
shows a form's or a service's Thai message catches it the same way), so the caller decides how
to show it and the Thai message travels with it. Each app's ``permissions.py`` holds its
predicates, one per action: services check them, views, selectors and menus ask them.
"""

from django.core.exceptions import PermissionDenied, ValidationError


class Refused(PermissionDenied, ValidationError):
    def __str__(self) -> str:
        return " ".join(str(message) for message in self.messages)


def refuse(message) -> None:
    raise Refused(message)
