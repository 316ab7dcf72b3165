"""The profiles domain: co-ops, members, their memberships and skills."""

from profiles.models.coops import (
    Coop,
    InKindOffer,
    Invitation,
    JoinRequest,
    Membership,
    OfficeSpace,
)
from profiles.models.members import Member
from profiles.models.shared import ContactVisibility, UpFor
from profiles.models.skills import CoopSkill, MemberSkill, Skill, SkillRelation

__all__ = [
    "ContactVisibility",
    "Coop",
    "CoopSkill",
    "InKindOffer",
    "Invitation",
    "JoinRequest",
    "Member",
    "MemberSkill",
    "Membership",
    "OfficeSpace",
    "Skill",
    "SkillRelation",
    "UpFor",
]
