from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.filtering import MAX_SEARCH_LENGTH

from .models import EditorSettings


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the portal"),
        max_length=MAX_SEARCH_LENGTH,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={
            "required": _("Type a word to search for."),
            "max_length": _("Search with at most %(limit_value)d characters (you typed %(show_value)d)."),
        },
    )
    type = forms.ChoiceField(
        label=_("Show"),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the kinds of result listed.")},
    )

    def __init__(self, *args, **kwargs):
        from .selectors import SEARCH_TYPES

        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("all results")), *SEARCH_TYPES]


class EditorLanguageForm(forms.ModelForm):
    """The editor's choice of the admin's language."""

    class Meta:
        model = EditorSettings
        fields = ["language"]
        widgets = {"language": forms.RadioSelect}


class PageRatingForm(forms.Form):
    """An answer to 'was this page useful?' (the AgID rating component): a page and one to five stars.

    ``website`` is the trap: hidden from people, filled by bots that fill every field.
    """

    page = forms.CharField(max_length=300, error_messages={"required": _("Which page is this answer about?")})
    stars = forms.TypedChoiceField(
        choices=[(n, n) for n in range(1, 6)],
        coerce=int,
        error_messages={
            "required": _("Choose from one to five stars, then send."),
            "invalid_choice": _("Choose from one to five stars, then send."),
        },
    )
    website = forms.CharField(required=False, max_length=200)

    def clean_page(self):
        from .ratings import is_rateable

        page = self.cleaned_data["page"]
        if not is_rateable(page):
            raise forms.ValidationError(_("This is not a page of the portal."))
        return page
