"""get_exchange_for_user: 404 for those who may not see an exchange, 403 for those who may
see it but not edit it (only its proposer edits the draft)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from exchanges.access import get_exchange_for_user
from tests.exchanges.factories import make_exchange

pytestmark = pytest.mark.django_db


def test_the_people_and_their_co_ops_admins_see_an_exchange_and_nobody_else(cast):
    exchange = cast.exchange()
    for member in cast.exchange_people():
        assert get_exchange_for_user(member.user, exchange.pk) == exchange
    for user in (cast.outsider.user, AnonymousUser()):
        with pytest.raises(Http404):
            get_exchange_for_user(user, exchange.pk)


def test_only_the_proposer_may_change_the_draft_and_the_refusal_says_why(cast):
    exchange = make_exchange(cast.host, cast.helper, host_coop=cast.host_coop)
    assert get_exchange_for_user(cast.host.user, exchange.pk, change=True) == exchange
    with pytest.raises(PermissionDenied, match="Only the person who proposed"):
        get_exchange_for_user(cast.helper.user, exchange.pk, change=True)
    with pytest.raises(PermissionDenied):
        get_exchange_for_user(cast.host_admin.user, exchange.pk, change=True)
