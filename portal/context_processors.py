from django.conf import settings


def site(request):
    """Site name and canonical base address for every template."""
    return {"portal_name": settings.PORTAL_NAME, "portal_base_url": settings.PORTAL_BASE_URL}
