"""
Public co-ops and listings as Murmurations profiles, so other solidarity-economy
directories can index them (https://murmurations.network). Only what the site
shows to visitors goes in: public contact details, public listings.
"""

import hashlib
import json
import urllib.error
import urllib.request
from datetime import datetime, time

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from data_io.models import MurmurationsPublication
from listings.models import Listing
from profiles.models import (
    ContactVisibility,
    Coop,
    CoopSkill,
    SkillRelation,
)

ORGANIZATION_SCHEMA = "organizations_schema-v1.0.0"
OFFERS_WANTS_SCHEMA = "offers_wants_schema-v0.1.0"
MAX_TAG_LENGTH = 100
# The offers/wants schema's transaction types (an array of these), from the listing's
# cost: help given for nothing is a donation; a price, fixed or to agree, a sale.
SCHEMA_TRANSACTION_TYPES = ("borrow-lend", "rent-lease", "buy-sell", "receive-donate")
TRANSACTION_TYPES = {
    "free": ["receive-donate"],
    "paid": ["buy-sell"],
    "negotiable": ["buy-sell"],
}


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def coop_profile_url(coop):
    return absolute(reverse("data_io:coop-murmurations", args=[coop.slug]))


def listing_profile_url(listing):
    return absolute(reverse("data_io:listing-murmurations", args=[listing.pk]))


def _tags(names):
    tags = []
    for name in names:
        name = name[:MAX_TAG_LENGTH]
        if name.casefold() not in {tag.casefold() for tag in tags}:
            tags.append(name)
    return tags


def _without_empty(profile):
    return {key: value for key, value in profile.items() if value not in ("", None, [], {})}


def coop_profile(coop):
    """
    The organizations_schema-v1.0.0 profile of an approved co-op. Expects
    `skill_links` prefetched with their skills (one query for many co-ops).
    """
    public = coop.visible_contact_fields(ContactVisibility.PUBLIC)
    page = absolute(coop.get_absolute_url())
    links = sorted(
        (link for link in coop.skill_links.all() if link.relation != SkillRelation.NEEDS),
        key=lambda link: (link.relation != SkillRelation.OFFERS, link.skill.name.casefold()),
    )
    location = ", ".join(part for part in (coop.town, coop.region) if part)
    profile = {
        "linked_schemas": [ORGANIZATION_SCHEMA],
        "name": coop.name,
        "primary_url": coop.website or page,
        "tags": _tags(link.skill.name for link in links),
        "urls": [
            url
            for url in (
                {"name": "Website", "url": coop.website} if coop.website else None,
                {"name": "CoTech Directory", "url": page},
            )
            if url
        ],
        "description": "\n\n".join(part for part in (coop.summary, coop.about) if part),
        "full_address": coop.address if "address" in public else location,
        "country_iso_3166": coop.country.upper(),
        "image": absolute(coop.logo.url) if coop.logo else "",
        "contact_details": _without_empty(
            {
                "email": coop.contact_email if "contact_email" in public else "",
                "contact_form": page,
            }
        ),
        "telephone": coop.phone if "phone" in public else "",
    }
    if coop.latitude is not None and coop.longitude is not None:
        profile["geolocation"] = {"lat": float(coop.latitude), "lon": float(coop.longitude)}
    return _without_empty(profile)


def geographic_scope(listing):
    if listing.remote_ok:
        return "national"
    if listing.region:
        return "regional"
    return "local"


def listing_profile(listing):
    """The offers_wants_schema-v0.1.0 profile of a public, open listing."""
    expires = timezone.make_aware(datetime.combine(listing.expires_on, time.max))
    return _without_empty(
        {
            "linked_schemas": [OFFERS_WANTS_SCHEMA],
            "exchange_type": "offer" if listing.kind == Listing.Kind.OFFER else "want",
            "transaction_type": TRANSACTION_TYPES[listing.cost_kind],
            "tags": _tags(skill.name for skill in listing.skills.all()),
            "title": listing.title,
            "description": listing.description,
            "geographic_scope": geographic_scope(listing),
            "contact_details": {"contact_form": absolute(listing.get_absolute_url())},
            "details_url": absolute(listing.get_absolute_url()),
            "expires_at": int(expires.timestamp()),
        }
    )


def content_hash(profile):
    return hashlib.sha256(json.dumps(profile, sort_keys=True).encode()).hexdigest()


class IndexUnavailable(Exception):
    """The index refused or could not be reached."""


def post_to_index(index_url, profile_url, *, timeout=10):
    """Ask the index to (re)fetch one profile URL; returns the index's node id."""
    body = json.dumps({"profile_url": profile_url}).encode()
    request = urllib.request.Request(  # noqa: S310 -- the index URL is a setting, http(s) only
        f"{index_url}/nodes",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            answer = json.loads(response.read() or b"{}")
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        raise IndexUnavailable(f"{profile_url}: the index did not accept it ({error})") from error
    return str((answer.get("data") or {}).get("node_id", ""))


def public_profiles():
    """(profile URL, profile) for every co-op and listing the public may see."""
    coops = Coop.objects.public().prefetch_related(
        Prefetch("skill_links", queryset=CoopSkill.objects.select_related("skill"))
    )
    for coop in coops:
        yield coop_profile_url(coop), coop_profile(coop)
    for listing in Listing.objects.open().public().prefetch_related("skills"):
        yield listing_profile_url(listing), listing_profile(listing)


def publish(index_url, *, dry_run=False):
    """
    Announce every new or changed public profile to the index, and once more
    each profile that stopped being public (the index then finds it gone).
    Returns (profile URL, what happened) pairs.
    """
    if not index_url.startswith(("http://", "https://")):
        raise IndexUnavailable(f"MURMURATIONS_INDEX_URL must be an http(s) URL, not {index_url!r}")
    known = {record.profile_url: record for record in MurmurationsPublication.objects.all()}
    done, now = [], timezone.now()
    current = dict(public_profiles())
    for url, profile in current.items():
        digest = content_hash(profile)
        record = known.get(url)
        if record and record.content_hash == digest and not record.withdrawn:
            continue
        action = "new" if record is None else "changed"
        if not dry_run:
            node_id = post_to_index(index_url, url)
            MurmurationsPublication.objects.update_or_create(
                profile_url=url,
                defaults={
                    "content_hash": digest,
                    "published_at": now,
                    "node_id": node_id,
                    "withdrawn": False,
                },
            )
        done.append((url, action))
    for url, record in known.items():
        if url not in current and not record.withdrawn:
            if not dry_run:
                post_to_index(index_url, url)
                record.withdrawn, record.published_at = True, now
                record.save(update_fields=["withdrawn", "published_at"])
            done.append((url, "withdrawn"))
    return done
