"""What the profiles part of the site holds about one person, for their data download."""


def _skills(member):
    return [
        {"skill": link.skill.name, "kind": link.skill.kind, "relation": link.relation}
        for link in member.skill_links.select_related("skill").order_by("relation", "skill__name")
    ]


def collect(member):
    user = member.user
    fields = [
        "display_name", "pronouns", "bio", "town", "region", "website", "fediverse", "forge",
        "availability", "available_from", "up_for_other", "contact_email",
        "contact_email_visibility", "phone", "phone_visibility", "chat", "chat_visibility",
        "address", "address_visibility", "last_confirmed_at", "created_at", "updated_at",
    ]  # fmt: skip
    return {
        "account": {
            "email": user.email,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in user.emailaddress_set.all()
            ],
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "profile": {
            **{field: getattr(member, field) for field in fields},
            "up_for": member.up_for_values,
        },
        "skills": _skills(member),
        "coops": [
            {"coop": m.coop.name, "slug": m.coop.slug, "role": m.role, "joined_at": m.joined_at}
            for m in member.memberships.select_related("coop")
        ],
        "join_requests": [
            {"coop": r.coop.name, "status": r.status, "message": r.message, "at": r.created_at}
            for r in member.join_requests.select_related("coop")
        ],
    }
