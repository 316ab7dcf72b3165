from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "listings"
    verbose_name = "Needs and offers"

    def ready(self):
        # The directory's pages are below this room and cannot import it: listings
        # add their part of a skill's page and of the skill suggestions here.
        from listings import skill_page
        from listings.models import Listing
        from profiles import suggestions
        from profiles.views.directory import SKILL_PAGE_SECTIONS

        SKILL_PAGE_SECTIONS.append(skill_page.context)
        suggestions.SKILL_USES.append(Listing.skills.through)
        suggestions.REGION_SOURCES["listings"] = lambda: Listing.objects.open().public()
