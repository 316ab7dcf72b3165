"""What the exchanges part of the site holds about one person, for their data download."""

from django.db.models import Q

from exchanges.models import CompletionReport, Exchange, Signature


def collect(member):
    exchanges = (
        Exchange.objects.filter(Q(host=member) | Q(helper=member) | Q(proposer=member))
        .select_related("host_coop", "helper_coop")
        .order_by("pk")
    )
    return {
        "exchanges": [
            {
                "id": exchange.pk,
                "title": exchange.title,
                "state": exchange.state,
                "role": "host" if exchange.host_id == member.pk else "helper",
                "host_coop": exchange.host_coop.name if exchange.host_coop else None,
                "helper_coop": exchange.helper_coop.name if exchange.helper_coop else None,
                "created_at": exchange.created_at,
            }
            for exchange in exchanges
        ],
        "signatures": [
            {
                "exchange": signature.agreement.exchange_id,
                "agreement_version": signature.agreement.version,
                "party": signature.party,
                "signed_at": signature.signed_at,
            }
            for signature in Signature.objects.filter(member=member).select_related("agreement")
        ],
        "completion_reports": [
            {
                "exchange": report.exchange_id,
                "days_spent": report.days_spent,
                "reflection": report.reflection,
                "created_at": report.created_at,
            }
            for report in CompletionReport.objects.filter(member=member)
        ],
    }
