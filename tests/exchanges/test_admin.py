"""The steering group's admin pages for every exchanges model: lists, search and filters."""

import pytest
from django.apps import apps

from exchanges.models import AgreementTemplate
from tests.cast import Cast
from tests.exchanges.factories import State, make_exchange
from tests.factories import make_user

pytestmark = pytest.mark.django_db

MODELS = [
    "exchange",
    "exchangeevent",
    "approval",
    "agreementtemplate",
    "agreement",
    "signature",
    "completionreport",
]


@pytest.mark.parametrize("model", MODELS)
def test_each_model_has_a_searchable_filterable_admin_list(client, model):
    cast = Cast()
    make_exchange(
        cast.host,
        cast.helper,
        host_coop=cast.host_coop,
        helper_coop=cast.helper_coop,
        state=State.COMPLETED,
        title="Searchable exchange",
    )
    AgreementTemplate.objects.create(title="Searchable contract", text="## Be kind")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = client.get(f"/admin/exchanges/{model}/", {"q": "Searchable"})
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1
    first = apps.get_model("exchanges", model).objects.first()
    assert client.get(f"/admin/exchanges/{model}/{first.pk}/change/").status_code == 200


def test_the_agreement_template_is_editable_by_staff(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = client.post(
        "/admin/exchanges/agreementtemplate/add/",
        {"title": "Contract 2027", "text": "## Be kind"},
    )
    assert response.status_code == 302
    cast = Cast()
    exchange = make_exchange(cast.host, cast.helper, state=State.AGREEMENT)
    assert exchange.current_agreement.title == "Contract 2027"
