"""The profiles domain: co-ops, members, their skills, needs and offers."""

from profiles.models.coops import (
    Coop,
    InKindOffer,
    Invitation,
    JoinRequest,
    Membership,
    OfficeSpace,
)
from profiles.models.listings import Listing
from profiles.models.members import Member
from profiles.models.murmurations import MurmurationsPublication
from profiles.models.shared import ContactVisibility, UpFor
from profiles.models.skills import CoopSkill, MemberSkill, Skill, SkillRelation

__all__ = [
    "ContactVisibility",
    "Coop",
    "CoopSkill",
    "InKindOffer",
    "Invitation",
    "JoinRequest",
    "Listing",
    "Member",
    "MemberSkill",
    "Membership",
    "MurmurationsPublication",
    "OfficeSpace",
    "Skill",
    "SkillRelation",
    "UpFor",
]
