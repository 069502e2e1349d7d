"""The editors' admin: site look, model order, and behaviour every content admin shares."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

# The admin index in the order editors think of the content, not alphabetical.
ADMIN_ORDER = {
    "relations": [
        "Agreement",
        "Milestone",
        "Partner",
        "Country",
        "Organisation",
        "Network",
        "Signatory",
        "NetworkMembership",
        "Source",
        "SourceSection",
        "Domain",
        "WorldRegion",
    ],
    "trade": ["Figure", "TradeProfile", "Strategy", "StrategyTarget", "Territory"],
    "auth": ["User", "Group"],
}


class PortalAdminSite(admin.AdminSite):
    site_header = _("Emilia-Romagna & Asia — editors")
    site_title = _("Emilia-Romagna & Asia admin")
    index_title = _("Content of the portal")

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        app_rank = {label: rank for rank, label in enumerate(ADMIN_ORDER)}
        app_list.sort(key=lambda app: app_rank.get(app["app_label"], len(app_rank)))
        for app in app_list:
            order = ADMIN_ORDER.get(app["app_label"], [])
            app["models"].sort(
                key=lambda model: order.index(model["object_name"]) if model["object_name"] in order else len(order)
            )
        return app_list


def edit_token(instance):
    """What the form remembers of the version it was opened on."""
    return instance.updated_at.isoformat() if getattr(instance, "updated_at", None) else ""


class ConcurrentEditForm(forms.ModelForm):
    """Refuses to save over a change someone else saved after this form was opened."""

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_token"].initial = edit_token(self.instance)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and hasattr(self.instance, "updated_at"):
            opened = self.data.get(self.add_prefix("edit_token"), "")
            if opened != edit_token(self.instance):
                raise ValidationError(
                    _(
                        "Someone else saved this record after you opened it, so your changes were not saved "
                        "and theirs are kept. Open the record again (see its history for what changed), "
                        "then make your changes once more."
                    ),
                    code="concurrent_edit",
                )
        return cleaned


class PortalModelAdmin(SimpleHistoryAdmin):
    """History, publishing with its own permission, concurrent-edit protection, cheap changelists."""

    form = ConcurrentEditForm
    list_per_page = 50
    show_full_result_count = False
    save_on_top = True

    def has_publish_permission(self, request):
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._is_publishable() and not self.has_publish_permission(request):
            readonly.append("is_published")
        return readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = [list(fieldset) for fieldset in super().get_fieldsets(request, obj)]
        if obj is not None and "edit_token" not in fieldsets[0][1]["fields"]:
            fieldsets[0][1] = {**fieldsets[0][1], "fields": [*fieldsets[0][1]["fields"], "edit_token"]}
        return fieldsets

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self._is_publishable():
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions

    def _is_publishable(self):
        return any(field.name == "is_published" for field in self.model._meta.fields)

    @admin.action(description=_("Publish the selected records"), permissions=["publish"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description=_("Unpublish the selected records (make them drafts)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, value):
        changed = 0
        for record in queryset.filter(is_published=not value):
            record.is_published = value
            record.save()  # one by one, so history records who published what
            changed += 1
        verb = _("published") if value else _("unpublished")
        self.message_user(
            request,
            ngettext("%(count)d record %(verb)s.", "%(count)d records %(verb)s.", changed)
            % {"count": changed, "verb": verb},
            messages.SUCCESS,
        )

    actions = ["publish", "unpublish"]
