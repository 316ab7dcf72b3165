"""E-mails the meetups workflow sends after a step has been taken."""

from django.conf import settings
from django.core.mail import send_mail

ASKED = """Hello {name},

You have been asked to be the founding member of {cell}: the founder convenes the cell's next
meetup. Please accept or pass (the next in line is then asked) on the cell's page:

{link}

CoTech Directory
"""


def tell_proposed_founder(request, term):
    """
    E-mail the member just asked to be founder, if anyone was (term may be None).
    `request` gives the link's host; a command passes None and SITE_URL is used.
    """
    if term is None or not term.member.user.email:
        return
    path = term.cell.get_absolute_url()
    send_mail(
        f"[CoTech Directory] Will you be the founder of {term.cell}?",
        ASKED.format(
            name=term.member,
            cell=term.cell,
            link=request.build_absolute_uri(path) if request else f"{settings.SITE_URL}{path}",
        ),
        None,
        [term.member.user.email],
    )
