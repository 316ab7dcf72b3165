"""What the listings part of the site holds about one person, for their data download."""

from listings.models import Listing


def collect(member):
    return {
        "listings": [
            {
                "id": listing.pk,
                "kind": listing.kind,
                "title": listing.title,
                "description": listing.description,
                "status": listing.status,
                "skills": [skill.name for skill in listing.skills.all()],
                "expires_on": listing.expires_on,
                "created_at": listing.created_at,
            }
            for listing in Listing.objects.filter(author=member).prefetch_related("skills")
        ],
    }


def forget(member):
    """The person's needs and offers go with their account (see Member.forget)."""
    Listing.objects.filter(author=member).delete()
