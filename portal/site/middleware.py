from django.conf import settings
from django.utils import translation

from .models import editor_language


class EditorLanguageMiddleware:
    """The admin speaks each editor's own language (``EditorSettings``), Italian by default.

    After ``AuthenticationMiddleware``. The public pages keep the language of their address;
    the admin's login page keeps what ``LocaleMiddleware`` chose (the browser's language).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH

    def __call__(self, request):
        if request.path_info.startswith(self.admin_prefix) and request.user.is_authenticated:
            language = editor_language(request.user)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
