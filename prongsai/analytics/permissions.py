"""Who may see visitor statistics (R10): every staff member of the admin."""


def can_view_statistics(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )
