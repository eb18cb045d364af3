"""The UI language from the address: ``?lang=ar`` on any page, so a shared link opens in the language
it was shared from (the directory writes it into its links: static/atlas/js/directory/url-state.js).

Django's LocaleMiddleware chooses the language from the language cookie, then Accept-Language; the
language switcher sets the cookie (``set_language``). This middleware, placed after LocaleMiddleware,
lets ``?lang=`` (one of settings.LANGUAGES) win, and on a page (an HTML answer) keeps the choice in the
language cookie, as the switcher would, so the pages the reader goes on to stay in that language.
An unknown value is ignored; the API's own views answer it with 400 (atlas.directory.api.views).
"""

from django.conf import settings
from django.utils import translation

PARAMETER = "lang"


def language_from_query(request):
    """The language code of ``?lang=`` when it is one of settings.LANGUAGES ('AR' and 'ar-SY' → 'ar'),
    else None."""
    value = (request.GET.get(PARAMETER) or "").strip().lower().replace("_", "-")
    codes = {code for code, _name in settings.LANGUAGES}
    for candidate in (value, value.split("-")[0]):
        if candidate in codes:
            return candidate
    return None


class QueryLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_from_query(request) if request.method in ("GET", "HEAD") else None
        if language is None:
            return self.get_response(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        is_page = response.get("Content-Type", "").startswith("text/html")
        if is_page and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, language,
                max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN, secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
