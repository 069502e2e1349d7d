"""The behaviour every content admin shares: history, publishing, concurrent-edit protection,
files kept in sight, changelist search that an index answers."""

import dataclasses
import hashlib
from functools import cached_property

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.html import format_html
from django.utils.text import capfirst, smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper, ObjDiffDisplay

from .addresses import Addressed, page_addresses, short_slug
from .admin_grammar import GrammaticalMessagesMixin
from .grammar import MASCULINE
from .images import CheckedImageField, ImageWithThumbnailInput
from .search import contains, contains_all
from .text import printable
from .translation import describe_missing, missing_translations, translated_fields, untranslated


def edit_token(instance, lock=False):
    """A digest of the record as stored now: its fields and its many-to-many links.

    A form remembers the digest of the version it was opened on; a different digest at save time
    means someone else saved in between. It covers every model, with or without a timestamp, and
    the rows of inlines. ``lock`` holds the row until the save's transaction ends (PostgreSQL), so
    nobody can save between the check and the save.
    """
    if instance.pk is None:
        return ""
    model = type(instance)
    stored = model._default_manager.filter(pk=instance.pk)
    if lock:
        stored = stored.select_for_update()
    fields = stored.values_list(*[field.attname for field in model._meta.concrete_fields]).first()
    links = [sorted(getattr(instance, field.name).values_list("pk", flat=True)) for field in model._meta.many_to_many]
    return hashlib.sha256(repr((fields, links)).encode()).hexdigest()[:32]


CONCURRENT_EDIT_MESSAGE = _(
    "Someone else saved this record after you opened it, so your changes were not saved "
    "and theirs are kept. Open the record again (see its history for what changed), "
    "then make your changes once more."
)


class PrintableTextForm(forms.ModelForm):
    """Removes the invisible control characters an editor pastes (Word's Shift+Enter is a
    vertical tab): a line break in a long text, a space in a one-line one (``printable``)."""

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str) and name in self.fields:
                cleaned[name] = printable(value, multiline=isinstance(self.fields[name].widget, forms.Textarea))
        return cleaned


class AddressesFromNamesForm(PrintableTextForm):
    """A record's addresses (``slug``, ``slug_it``), when the editor leaves them empty, are made
    from its names on the server (``short_slug``: «Đà Nẵng» → da-nang, short), not by the
    admin's script, which drops letters it does not know. The editor can still write them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("slug", "slug_it"):
            if name in self.fields:
                self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        if isinstance(self.instance, Addressed) and "slug" in self.fields:
            english = cleaned.get("name_en") or cleaned.get("title_en") or ""
            italian = cleaned.get("name_it") or cleaned.get("title_it") or ""
            if not cleaned.get("slug") and (english or italian):
                cleaned["slug"] = short_slug(english or italian)
            if "slug_it" in self.fields:
                made = short_slug(italian) if italian and not self.instance.pk else ""  # when first saved
                wanted = cleaned.get("slug_it") or made
                # None, not "": records without an Italian address of their own are not duplicates.
                cleaned["slug_it"] = wanted if wanted and wanted != cleaned.get("slug") else None
        return cleaned


class ConcurrentEditForm(AddressesFromNamesForm):
    """Refuses to save over a change someone else saved after this form was opened."""

    edit_token = forms.CharField(label=_("version opened"), widget=forms.HiddenInput, required=False)
    # The admin saves the main record even when nothing changed; inline rows only when changed.
    checks_unchanged = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_token"].initial = edit_token(self.instance)

    @cached_property
    def changed_data(self):
        return [name for name in super().changed_data if name != "edit_token"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and (self.checks_unchanged or self.has_changed()):
            opened = self.data.get(self.add_prefix("edit_token"), "")
            if opened != edit_token(self.instance, lock=True):
                raise ValidationError(CONCURRENT_EDIT_MESSAGE, code="concurrent_edit")
        return cleaned


FILE_AGAIN_MESSAGE = _("The file you chose was not saved because of the errors in this form: choose it again.")


def with_addresses(fieldsets, model, obj):
    """An addressed record's Italian address beside its English one, then (once saved) both
    addresses on the site."""
    if not issubclass(model, Addressed):
        return fieldsets
    extra = ["slug_it", "page_addresses"] if obj is not None else ["slug_it"]
    result = []
    for name, options in fieldsets:
        fields = [field for field in options["fields"] if field not in extra]
        if "slug" in fields:
            at = fields.index("slug") + 1
            fields[at:at] = extra
        result.append((name, {**options, "fields": fields}))
    return result


def with_edit_token(fieldsets):
    """The fieldsets with the hidden edit token in the first one."""
    fieldsets = [list(fieldset) for fieldset in fieldsets]
    if "edit_token" not in fieldsets[0][1]["fields"]:
        fieldsets[0][1] = {**fieldsets[0][1], "fields": [*fieldsets[0][1]["fields"], "edit_token"]}
    return fieldsets


def with_range(formfield, db_field):
    """A number input that says its range (``min``, ``max``), read from the model field's
    validators: the browser refuses 96.5 as a latitude before the form is even sent."""
    if formfield is not None and isinstance(formfield.widget, forms.NumberInput):
        for validator in db_field.validators:
            if isinstance(validator, MinValueValidator):
                formfield.widget.attrs.setdefault("min", validator.limit_value)
            elif isinstance(validator, MaxValueValidator):
                formfield.widget.attrs.setdefault("max", validator.limit_value)
    return formfield


class NumberRangesMixin:
    """Admins and inlines whose number inputs carry their ranges (``with_range``)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return with_range(super().formfield_for_dbfield(db_field, request, **kwargs), db_field)


class ConcurrentEditInlineForm(ConcurrentEditForm):
    checks_unchanged = False


class ConcurrentEditInlineMixin(NumberRangesMixin):
    """Inline rows carry their own edit token: a stale row never overwrites a newer change.

    Only for inlines whose rows are edited here; read-only inlines save nothing.
    """

    form = ConcurrentEditInlineForm
    italian_gender = MASCULINE  # of the inline's verbose_name: its "Add another …" agrees with it

    def get_fieldsets(self, request, obj=None):
        return with_edit_token(super().get_fieldsets(request, obj))


class PortalTabularInline(ConcurrentEditInlineMixin, TranslationTabularInline):
    """An inline whose rows are edited here, each text in Italian and English."""


class LinkTabularInline(ConcurrentEditInlineMixin, admin.TabularInline):
    """An inline of links with no text of their own (a many-to-many's rows). A row's select names
    what it links to; the line Django writes above each row (the link's own name, which an
    automatic many-to-many table does not have) is hidden (``.link-rows``, static/css/admin.css)."""

    classes = ["link-rows"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """A link table's columns are named by what they link to, in the editor's language: an
        automatic many-to-many table names its columns by model, untranslated ("MILESTONE")."""
        kwargs.setdefault("label", capfirst(db_field.related_model._meta.verbose_name))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PortalStackedInline(ConcurrentEditInlineMixin, TranslationStackedInline):
    """An inline whose rows are edited here, each text in Italian and English."""


class ShortenedDiffDisplay(ObjDiffDisplay):
    """A long text shortened in a version's list of changes says so in the editor's language."""

    def shortened_str(self, prefix, num_skipped_chars, suffix):
        left_out = ngettext("[%(count)d character left out]", "[%(count)d characters left out]", num_skipped_chars) % {
            "count": num_skipped_chars
        }
        return f"{prefix} {left_out} {suffix}"


def is_noise(model, change):
    """A change no editor made: an empty text written as "" where it was NULL, or the untranslated
    column modeltranslation keeps in step with its Italian one («Posizione» beside «Posizione [it]»)."""
    if all(value in (None, "") for value in (change.old, change.new)):
        return True
    return change.field in translated_fields(model)


def meaningful_changes(model, delta):
    return [change for change in delta.changes if not is_noise(model, change)]


def one_version_per_save(record, after_pk):
    """The versions one admin save made (the record, then its links and inlines: three for a new
    agreement) become one, and a save that changed nothing leaves no version."""
    made = list(record.history.filter(pk__gt=after_pk).order_by("pk"))
    if not made:
        return
    kept = made[-1]  # the record as it was left, links included
    if len(made) > 1:
        kept.history_type = made[0].history_type  # "+" for a new record
        kept.save(update_fields=["history_type"])
        record.history.filter(pk__in=[version.pk for version in made[:-1]]).delete()
    previous = kept.prev_record
    if (
        kept.history_type == "~"
        and previous is not None
        and not meaningful_changes(type(record), kept.diff_against(previous))
    ):
        kept.delete()


class HistoryContextHelper(HistoricalRecordContextHelper):
    """The history's list of changes: texts shown at up to 300 characters, shortened in words,
    without the changes no editor made (``is_noise``)."""

    def get_obj_diff_display(self):
        return ShortenedDiffDisplay(max_length=self.max_displayed_delta_change_chars)

    def context_for_delta_changes(self, delta):
        return super().context_for_delta_changes(
            dataclasses.replace(delta, changes=meaningful_changes(self.model, delta))
        )


class TranslationStateFilter(admin.SimpleListFilter):
    """Records with a text in one language and not the other (or a required text in neither)."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [("missing", _("Missing a translation")), ("complete", _("Complete"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(untranslated(queryset.model))
        if self.value() == "complete":
            return queryset.exclude(untranslated(queryset.model))
        return queryset


def _is_file_field(obj, name):
    try:
        return isinstance(obj._meta.get_field(name), models.FileField)
    except FieldDoesNotExist:
        return False


class PortalModelAdmin(NumberRangesMixin, GrammaticalMessagesMixin, TranslationAdmin, SimpleHistoryAdmin):
    """Both languages of each text side by side (django-modeltranslation: ``title_it`` above
    ``title_en``), history, publishing with its own permission, concurrent-edit protection, a
    marker and a filter for missing translations, cheap changelists."""

    form = ConcurrentEditForm
    list_per_page = 50
    formfield_overrides = {CheckedImageField: {"widget": ImageWithThumbnailInput}}

    def save_model(self, request, obj, form, change):
        # The newest version before this save: those after it are this save's (one_version_per_save).
        request.versions_before = obj.history.order_by("-pk").values_list("pk", flat=True).first() if change else 0
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        one_version_per_save(form.instance, getattr(request, "versions_before", 0) or 0)

    def get_prepopulated_fields(self, request, obj=None):
        if issubclass(self.model, Addressed):
            return {}  # the addresses are made from the names on saving (AddressesFromNamesForm)
        return super().get_prepopulated_fields(request, obj)

    @admin.display(description=_("addresses on the site"))
    def page_addresses(self, record):
        """Where the page is, or will be once published: in Italian and in English."""
        addresses = page_addresses(record)
        return format_html(
            "{}: <code>{}</code><br>{}: <code>{}</code>", _("Italian"), addresses["it"], _("English"), addresses["en"]
        )

    show_full_result_count = False
    save_on_top = True
    object_history_list_template = "admin/history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return HistoryContextHelper(self.model, historical_record, max_displayed_delta_change_chars=300)

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_state"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStateFilter]

    @admin.display(description=_("translation"))
    def translation_state(self, record):
        """In the changelist: what is missing, by field and language, or nothing."""
        missing = missing_translations(record)
        if not missing:
            return _("Complete")
        return format_html(
            '<span class="translation-missing">{}</span>',
            _("Missing: %(texts)s") % {"texts": describe_missing(type(record), missing)},
        )

    def get_search_results(self, request, queryset, search_term):
        """Django's changelist search (each word in some search field), in both languages, with
        accents and case folded ("citta" finds "Città"), and cheap at bulk scale.

        Django reads every row with ``LIKE`` for each word, in one column per field, joins
        many-relations (``partners__name``) and then needs ``DISTINCT``: over 100,000 agreements
        the count and the page take 250–600 ms. Here:

        * a translated field stands for its Italian and English columns, folded
          (``portal.core.search``);
        * records with every word in their own text come from the trigram index in one query
          (``contains_all``), however common a word is;
        * related records (``partners__name``, ``country__name``) are matched in their own,
          smaller table, and reach the records through ``pk IN (subquery)``: no join, no
          DISTINCT. Only records linked to such a match are then checked word by word.

        (Related fields are one lookup deep, ``relation__field``, as in every admin here.)
        """
        search_fields = self.get_search_fields(request)
        if not search_term or not search_fields:
            return super().get_search_results(request, queryset, search_term)
        related = [field for field in search_fields if "__" in field]
        direct = [field for field in search_fields if field not in related]
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
                own_text = contains(self.model, direct, word) if direct else Q(pk__in=[])
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
        if issubclass(self.model, Addressed) and obj is not None:
            readonly.append("page_addresses")
        return readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = with_addresses(super().get_fieldsets(request, obj), self.model, obj)
        if obj is None:
            return fieldsets
        return [self._opened_if_filled(name, options, obj) for name, options in with_edit_token(fieldsets)]

    @staticmethod
    def _opened_if_filled(name, options, obj):
        """A collapsed section stays open when one of its files is set: the editor sees the picture."""
        classes = options.get("classes", [])
        if "collapse" not in classes:
            return (name, options)
        files = [field for field in options["fields"] if isinstance(field, str) and _is_file_field(obj, field)]
        if any(getattr(obj, field) for field in files):
            options = {**options, "classes": [c for c in classes if c != "collapse"]}
        return (name, options)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """After a form error, say plainly that a chosen file must be chosen again (browsers drop it)."""
        form = context["adminform"].form
        if form.is_bound and form.errors:
            for name, field in form.fields.items():
                if (
                    isinstance(field, forms.FileField)
                    and form.add_prefix(name) in request.FILES
                    and name not in form.errors
                ):
                    form.add_error(name, FILE_AGAIN_MESSAGE)
        return super().render_change_form(request, context, add, change, form_url, obj)

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
        verb = pgettext("records", "published") if value else pgettext("records", "unpublished")
        self.message_user(
            request,
            ngettext("%(count)d record %(verb)s.", "%(count)d records %(verb)s.", changed)
            % {"count": changed, "verb": verb},
            messages.SUCCESS,
        )

    actions = ["publish", "unpublish"]
