from wagtail.admin.forms import WagtailAdminModelForm


class AgencyPolicyForm(WagtailAdminModelForm):
    """Every save from the admin is recorded in the audit log with what changed (R43)."""

    def save(self, commit=True):
        from .services import record_admin_change, snapshot

        model = type(self.instance)
        stored = model.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
        before = snapshot(stored) if stored is not None else {}
        policy = super().save(commit=commit)
        if commit:
            record_admin_change(policy, before, user=self.for_user)
        return policy
