"""The editors' admin: site look, model order, and behaviour every content admin shares."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from portal.search import contains, contains_all, is_indexed

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

    def get_search_results(self, request, queryset, search_term):
        """Django's changelist search (each word in some search field), cheap at bulk scale.

        Django reads every row with ``LIKE`` for each word, joins many-relations
        (``partners__name``) and then needs ``DISTINCT``: over 100,000 agreements the count and
        the page take 250–600 ms. Here:

        * records with every word in their own text come from the trigram index in one query
          (``portal.search.contains_all``), however common a word is;
        * related records (``partners__name``, ``country__name``) are matched in their own,
          smaller table, and reach the records through ``pk IN (subquery)``: no join, no
          DISTINCT. Only records linked to such a match are then checked word by word.

        Models whose own search fields are not all indexed keep Django's search. (Related
        fields are one lookup deep, ``relation__field``, as in every admin here.)
        """
        search_fields = self.get_search_fields(request)
        related = [field for field in search_fields if "__" in field]
        direct = [field for field in search_fields if field not in related]
        if not search_term or not is_indexed(self.model, direct):
            return super().get_search_results(request, queryset, search_term)
        words = [
            unescape_string_literal(word) if word[0] in "\"'" and word[0] == word[-1] else word
            for word in smart_split(search_term)
        ]
        matches = contains_all(self.model, direct, words)
        if related:
            linked = {word: self._linked_to_match(related, word) for word in words}
            linked_to_any, every_word = Q(), Q()
            for word in words:
                linked_to_any |= linked[word]
                own_text = Q()
                for field in direct:
                    own_text |= Q(**{f"{field}__icontains": word})  # read only for the linked records
                every_word &= own_text | linked[word]
            matches |= linked_to_any & every_word
        return queryset.filter(matches), False

    def _linked_to_match(self, related, word):
        """``pk IN (…)``: records with a related record (``partners__name``) containing ``word``."""
        condition = Q()
        for field in related:
            relation, lookup = field.split("__", 1)
            related_model = self.opts.get_field(relation).related_model
            found = related_model._default_manager.filter(contains(related_model, [lookup], word))
            condition |= Q(pk__in=self.model._default_manager.filter(**{f"{relation}__in": found}).values("pk"))
        return condition

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
