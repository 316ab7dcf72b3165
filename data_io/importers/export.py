"""Writing the directory back out in the columns the importer reads, so the two round-trip."""

from django.db.models import Prefetch

from core import spreadsheet
from data_io.importers.columns import (
    COLUMNS,
    COOP_FIELDS,
    MEMBER_FIELDS,
    SKILL_COLUMNS,
    TYPE_COOP,
    TYPE_MEMBER,
)
from profiles.models import ContactVisibility, CoopSkill, Membership, MemberSkill

LIST_SEPARATOR = "; "
CONTACT_COLUMNS = {"email": "contact_email", "phone": "phone", "chat": "chat", "address": "address"}


def _cell(value):
    return "" if value is None else str(value)


def _skill_cells(profile):
    return {
        column: LIST_SEPARATOR.join(skill.name for skill in profile.skills_in(group))
        for column, group in SKILL_COLUMNS.items()
    }


def _hide_contacts(row, profile, level):
    """Blank the contact details the reader may not see (see ContactDetails)."""
    visible = profile.visible_contact_fields(level)
    for column, field in CONTACT_COLUMNS.items():
        if field not in visible:
            row[column] = ""


def coop_rows(coops, contact_level=ContactVisibility.PUBLIC):
    coops = coops.prefetch_related(
        Prefetch("skill_links", queryset=CoopSkill.objects.select_related("skill")),
        "in_kind_offers",
    )
    for coop in coops:
        row = {"type": TYPE_COOP}
        row.update({column: _cell(getattr(coop, field)) for column, field in COOP_FIELDS.items()})
        row.update(_skill_cells(coop))
        row["up_for"] = LIST_SEPARATOR.join(coop.up_for_values)
        row["in_kind_support"] = LIST_SEPARATOR.join(o.title for o in coop.in_kind_offers.all())
        _hide_contacts(row, coop, contact_level)
        yield row


def member_rows(members):
    """Every member field, for staff: the account's e-mail identifies the row."""
    members = members.select_related("user").prefetch_related(
        Prefetch("skill_links", queryset=MemberSkill.objects.select_related("skill")),
        Prefetch("memberships", queryset=Membership.objects.select_related("coop")),
    )
    for member in members:
        row = {"type": TYPE_MEMBER}
        for column, field in MEMBER_FIELDS.items():
            row[column] = member.user.email if field == "email" else _cell(getattr(member, field))
        row.update(_skill_cells(member))
        row["up_for"] = LIST_SEPARATOR.join(member.up_for_values)
        row["coops"] = LIST_SEPARATOR.join(sorted(m.coop.slug for m in member.memberships.all()))
        yield row


def write_csv(stream, rows):
    writer = spreadsheet.dict_writer(stream, COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
