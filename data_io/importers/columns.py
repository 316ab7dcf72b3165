"""
The directory's CSV columns: what the importer reads and the exporter writes.

One row is a co-op or a member (the `type` column). List columns hold several
values separated by semicolons (or commas).
"""

import re

from profiles.models.skills import SKILL_GROUPS

TYPE_COOP = "coop"
TYPE_MEMBER = "member"

# Plain columns: CSV name -> model field, for each kind of row.
COOP_FIELDS = {
    "name": "name",
    "slug": "slug",
    "summary": "summary",
    "about": "about",
    "website": "website",
    "email": "contact_email",
    "phone": "phone",
    "chat": "chat",
    "address": "address",
    "town": "town",
    "region": "region",
    "country": "country",
    "latitude": "latitude",
    "longitude": "longitude",
    "founded_year": "founded_year",
    "workers": "worker_count",
    "legal_form": "legal_form",
    "up_for_other": "up_for_other",
}
MEMBER_FIELDS = {
    "name": "display_name",
    "email": "email",  # the account's address: how a member row is matched
    "pronouns": "pronouns",
    "about": "bio",
    "website": "website",
    "fediverse": "fediverse",
    "forge": "forge",
    "phone": "phone",
    "chat": "chat",
    "address": "address",
    "town": "town",
    "region": "region",
    "availability": "availability",
    "available_from": "available_from",
    "up_for_other": "up_for_other",
}
# Skill columns, one per SkillGroup: CSV name -> the group (its relation, the kinds it
# holds and the kind a newly created skill gets).
SKILL_COLUMNS = {group.name: group for group in SKILL_GROUPS}
OTHER_LIST_COLUMNS = ["up_for", "in_kind_support", "coops"]

COLUMNS = [
    "type",
    *dict.fromkeys([*COOP_FIELDS, *MEMBER_FIELDS]),
    *SKILL_COLUMNS,
    *OTHER_LIST_COLUMNS,
]

# Headers people actually write in spreadsheets and survey tools, normalised.
SYNONYMS = {
    "kind": "type",
    "profile_type": "type",
    "coop_name": "name",
    "co_op_name": "name",
    "display_name": "name",
    "full_name": "name",
    "organisation": "name",
    "organization": "name",
    "one_line_summary": "summary",
    "tagline": "summary",
    "description": "about",
    "bio": "about",
    "short_bio": "about",
    "url": "website",
    "web_site": "website",
    "e_mail": "email",
    "email_address": "email",
    "e_mail_address": "email",
    "contact_email": "email",
    "telephone": "phone",
    "phone_number": "phone",
    "city": "town",
    "lat": "latitude",
    "lon": "longitude",
    "lng": "longitude",
    "long": "longitude",
    "year_founded": "founded_year",
    "founded": "founded_year",
    "members": "workers",
    "number_of_workers": "workers",
    "worker_count": "workers",
    "tech_skills": "tech_skills_offered",
    "tech_skills_offer": "tech_skills_offered",
    "tech_skills_need": "tech_skills_needed",
    "co_op_skills_offered": "coop_skills_offered",
    "co_op_skills_needed": "coop_skills_needed",
    "co_op_and_business_skills_offered": "coop_skills_offered",
    "co_op_and_business_skills_needed": "coop_skills_needed",
    "coop_business_skills_offered": "coop_skills_offered",
    "coop_business_skills_needed": "coop_skills_needed",
    "business_skills_offered": "coop_skills_offered",
    "business_skills_needed": "coop_skills_needed",
    "tools_we_use": "tools",
    "tools_used": "tools",
    "technologies": "tools",
    "up_for_anything_else": "up_for_other",
    "in_kind": "in_kind_support",
    "in_kind_support_on_offer": "in_kind_support",
    "co_ops": "coops",
    "member_of": "coops",
}


def normalise_header(header):
    """ "Tech skills offered", "tech-skills-offered " and "TECH_SKILLS_OFFERED" read alike."""
    key = header.replace("&", " and ").strip().casefold()
    key = re.sub(r"[^a-z0-9]+", "_", key).strip("_")
    return SYNONYMS.get(key, key)


def split_list(value):
    """A list cell: values separated by semicolons, or by commas when there are none."""
    separator = ";" if ";" in value else ","
    return [item.strip() for item in value.split(separator) if item.strip()]
