"""The admin's messages about a record, in grammatical Italian.

Django's messages put a model's name into one sentence for every model: «Il {name} “{obj}” è
stato aggiunto con successo» gives «Il accordo», «Il organizzazione … è stato modificato». Here
each admin says the gender of its model's name in Italian (``italian_gender``) and the messages
come in a masculine and a feminine form (``pgettext`` with that context, in locale/it), with the
name's article worked out from it («L'accordo … è stato aggiunto», «La tappa … è stata
aggiunta», «Aggiungi un'altra tappa»). English reads as Django writes it.
"""

import json

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import pgettext, pgettext_lazy

from . import grammar
from .grammar import MASCULINE

# Django's messages (the same English words), in the two forms Italian needs (locale/it).
ADDED = "The {name} “{obj}” was added successfully."
ADDED_EDIT_AGAIN = "The {name} “{obj}” was added successfully. You may edit it again below."
ADDED_ADD_ANOTHER = "The {name} “{obj}” was added successfully. You may add another {name} below."
CHANGED = "The {name} “{obj}” was changed successfully."
CHANGED_EDIT_AGAIN = "The {name} “{obj}” was changed successfully. You may edit it again below."
CHANGED_ADD_ANOTHER = "The {name} “{obj}” was changed successfully. You may add another {name} below."
DELETED = "The {name} “{obj}” was deleted successfully."
ADD_ANOTHER = "Add another {name}"
# What the delete confirmation asks (templates/admin/portal_delete_confirmation.html).
CONFIRM_DELETE = (
    "Are you sure you want to delete the {name} “{obj}”? All of the following related items will be deleted:"
)
DELETE_PROTECTED = "Deleting the {name} “{obj}” would require deleting the following protected related objects:"
DELETE_FORBIDDEN = (
    "Deleting the {name} “{obj}” would result in deleting related objects, but your account doesn't have "
    "permission to delete the following types of objects:"
)


def name_forms(verbose_name, gender):
    """The model's name as the messages use it: bare, with its article, and after "another"."""
    name = str(verbose_name)
    return {
        "name": name,
        "the_name": grammar.capitalised(grammar.with_definite_article(name, gender)),
        "the_name_lower": grammar.with_definite_article(name, gender),
        "another_name": grammar.another(name, gender),
    }


def link_row_text(ends):
    """How a row of an automatic many-to-many table reads: its two ends («Tappa X – Arte e Salute»)."""

    def __str__(row):
        return " – ".join(str(getattr(row, end)) for end in ends)

    return __str__


def name_link_tables(models):
    """Name the automatic tables of many-to-many links in the editor's words: Django calls them
    "Milestone-organisation relationship" and a row "Milestone_organisations object (12)", which
    a deletion's summary shows. Here: «collegamento tappa – organizzazione», «Tappa X – Arte e Salute»."""
    for model in models:
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if not through._meta.auto_created:
                continue
            ends = [end.name for end in through._meta.get_fields() if end.many_to_one]
            names = [through._meta.get_field(end).related_model._meta.verbose_name for end in ends]
            through._meta.verbose_name = format_lazy(pgettext_lazy("a row of links", "link {} – {}"), *names)
            through._meta.verbose_name_plural = format_lazy(pgettext_lazy("rows of links", "links {} – {}"), *names)
            through.__str__ = link_row_text(ends)


class GrammaticalInlineAdminFormSet(helpers.InlineAdminFormSet):
    """An inline whose "Add another …" button agrees with its model's name («Aggiungi un'altra tappa»)."""

    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        gender = getattr(self.opts, "italian_gender", MASCULINE)
        data["options"]["addText"] = pgettext(gender, ADD_ANOTHER).format(**name_forms(self.opts.verbose_name, gender))
        return json.dumps(data)


class GrammaticalMessagesMixin:
    """A ModelAdmin whose messages about a record agree with the gender of its model's name."""

    italian_gender = MASCULINE  # FEMININE for «tappa», «organizzazione», «rete» …
    delete_confirmation_template = "admin/portal_delete_confirmation.html"

    def names(self):
        return name_forms(self.opts.verbose_name, self.italian_gender)

    def response_add(self, request, obj, post_url_continue=None):
        obj_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=(quote(obj.pk),),
            current_app=self.admin_site.name,
        )
        shown = format_html('<a href="{}">{}</a>', obj_url, obj) if self.has_change_permission(request, obj) else obj
        if "_continue" in request.POST or ("_saveasnew" in request.POST and self.save_as_continue):
            message = ADDED_EDIT_AGAIN if self.has_change_permission(request, obj) else ADDED
        elif "_addanother" in request.POST:
            message = ADDED_ADD_ANOTHER
        else:
            message = ADDED
        self._say_instead(request, message, shown)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        shown = format_html('<a href="{}">{}</a>', request.path, obj)
        if "_continue" in request.POST:
            message = CHANGED_EDIT_AGAIN
        elif "_addanother" in request.POST:
            message = CHANGED_ADD_ANOTHER
        else:
            message = CHANGED
        self._say_instead(request, message, shown)
        return super().response_change(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        self._say_instead(request, DELETED, obj_display)
        return super().response_delete(request, obj_display, obj_id)

    def delete_view(self, request, object_id, extra_context=None):
        """The confirmation's question with the model's name as Italian needs it."""
        obj = self.get_object(request, object_id)
        if obj is not None:
            questions = {"confirm_delete": CONFIRM_DELETE, "delete_protected": DELETE_PROTECTED}
            questions["delete_forbidden"] = DELETE_FORBIDDEN
            extra_context = {
                **(extra_context or {}),
                **{key: self._said(message, obj) for key, message in questions.items()},
            }
        return super().delete_view(request, object_id, extra_context)

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        return [
            GrammaticalInlineAdminFormSet(
                formset.opts,
                formset.formset,
                formset.fieldsets,
                formset.prepopulated_fields,
                formset.readonly_fields,
                model_admin=self,
                has_add_permission=formset.has_add_permission,
                has_change_permission=formset.has_change_permission,
                has_delete_permission=formset.has_delete_permission,
                has_view_permission=formset.has_view_permission,
            )
            for formset in super().get_inline_formsets(request, formsets, inline_instances, obj)
        ]

    def _said(self, message, shown):
        """``message`` in the form of this model's gender: HTML, the record's name escaped."""
        return format_html(pgettext(self.italian_gender, message), obj=shown, **self.names())

    def _say_instead(self, request, message, shown):
        """The success message Django is about to give for this request, in grammatical words."""
        if IS_POPUP_VAR not in request.POST:  # a popup closes: Django says nothing
            request.portal_success_message = self._said(message, shown)

    def message_user(self, request, message, level=messages.INFO, extra_tags="", fail_silently=False):
        replacement = getattr(request, "portal_success_message", None)
        if replacement is not None and level == messages.SUCCESS:
            message, request.portal_success_message = replacement, None
        return super().message_user(request, message, level, extra_tags, fail_silently)
