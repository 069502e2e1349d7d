from django.conf import settings


def site(request):
    """Site name and canonical base address for every template.

    The base address is DJANGO_BASE_URL; without it (development) it is the address the request
    came to, so `make run PORT=8123` links to port 8123.
    """
    return {
        "portal_name": settings.PORTAL_NAME,
        "portal_base_url": settings.PORTAL_BASE_URL or f"{request.scheme}://{request.get_host()}",
    }
