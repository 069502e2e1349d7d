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


class EditorLanguageForm(forms.ModelForm):
    """The editor's choice of the admin's language."""

    class Meta:
        model = EditorSettings
        fields = ["language"]
        widgets = {"language": forms.RadioSelect}
