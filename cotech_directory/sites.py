"""
The Sites framework's one row names this site: allauth's e-mails ("Hello from ...")
and anything else that asks django.contrib.sites read it. It is made as
"example.com" by Django; after every migrate it follows SITE_URL instead.
"""

from urllib.parse import urlsplit

from django.conf import settings

SITE_NAME = "CoTech Directory"


def name_the_site(using="default", apps=None, **kwargs):
    """post_migrate: the Sites row takes SITE_URL's host and the site's name."""
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc
    site, _ = Site.objects.using(using).get_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": SITE_NAME}
    )
    if (site.domain, site.name) != (domain, SITE_NAME):
        site.domain, site.name = domain, SITE_NAME
        site.save(using=using, update_fields=["domain", "name"])
    Site.objects.clear_cache()
