"""Signal receivers: an expired page taken down by hand answers 410, a republished one no longer
does; a webmaster leaving is noticed."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save, pre_save
from wagtail.signals import page_published, page_unpublished


def reopen_expired_page(sender, instance, **kwargs):
    from .windows import reopen_page

    reopen_page(instance)


def record_manual_take_down(sender, instance, **kwargs):
    """A webmaster takes down by hand a page whose publication window has ended (the guidelines'
    "take expired items down"): its address then says the item has ended (HTTP 410), as after
    the scheduled take-down. Wagtail's own expiry (``expired`` set) is recorded by the job."""
    from django.utils import timezone

    from .windows import record_page_expiry

    if instance.expired or instance.expire_at is None or instance.expire_at > timezone.now():
        return
    record_page_expiry(instance)


def _is_webmaster(user) -> bool:
    from prongsai.accounts.roles import Role

    return user.groups.filter(name=Role.WEBMASTER.value).exists()


def remember_active_state(sender, instance, **kwargs):
    """Before a user is saved: were they an active webmaster? (compared after the save)"""
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "is_active" not in update_fields:
        instance._was_active_webmaster = False  # e.g. last_login on every sign-in
        return
    instance._was_active_webmaster = bool(
        instance.pk
        and sender.objects.filter(pk=instance.pk, is_active=True).exists()
        and _is_webmaster(instance)
    )


def webmaster_deactivated(sender, instance, **kwargs):
    if getattr(instance, "_was_active_webmaster", False) and not instance.is_active:
        from .services import warn_if_webmasters_short

        warn_if_webmasters_short(instance)
    instance._was_active_webmaster = False


def webmaster_role_removed(sender, instance, action, pk_set, reverse, **kwargs):
    """The webmaster group taken away from an active user (either side of the relation)."""
    if action not in ("post_remove", "post_clear"):
        return
    from django.contrib.auth.models import Group

    from prongsai.accounts.roles import Role

    from .services import warn_if_webmasters_short

    if not reverse:
        removed = (
            action == "post_clear"
            or Group.objects.filter(pk__in=pk_set or (), name=Role.WEBMASTER.value).exists()
        )
        if removed and instance.is_active:
            warn_if_webmasters_short(instance)
    elif instance.name == Role.WEBMASTER.value:
        for user in get_user_model().objects.filter(pk__in=pk_set or (), is_active=True)[:1]:
            warn_if_webmasters_short(user)


def connect():
    page_published.connect(reopen_expired_page, dispatch_uid="monitoring-reopen-expired-page")
    page_unpublished.connect(record_manual_take_down, dispatch_uid="monitoring-manual-take-down")
    user_model = get_user_model()
    pre_save.connect(remember_active_state, sender=user_model, dispatch_uid="monitoring-wm-pre")
    post_save.connect(webmaster_deactivated, sender=user_model, dispatch_uid="monitoring-wm-post")
    m2m_changed.connect(
        webmaster_role_removed,
        sender=user_model.groups.through,
        dispatch_uid="monitoring-wm-groups",
    )
