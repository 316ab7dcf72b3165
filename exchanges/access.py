"""
The access helper for exchanges, `get_exchange_for_user(user, pk, *, change=False)`: 404 for
those who may not see it, 403 (PermissionDenied, saying why) for those who may see it but not
change it. Each step's own rule (who accepts, approves, signs) is checked by exchanges.services.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from exchanges.models import Exchange


def get_exchange_for_user(user, pk, *, change=False, queryset=None):
    """
    The exchange if the user may see it (its people, the admins of its co-ops, staff). With
    change, only its proposer, who edits the draft. `queryset` adds what the page reads.
    """
    queryset = queryset if queryset is not None else Exchange.objects.all()
    exchange = get_object_or_404(queryset.visible_to(user), pk=pk)
    if change and exchange.proposer_id != user.member.pk:
        raise PermissionDenied("Only the person who proposed this exchange can edit it.")
    return exchange
