"""The social contract: the network's template, each exchange's versions, and their signatures."""

from django.db import models
from django.urls import reverse

from core.text import TextField


class AgreementTemplate(models.Model):
    """
    The network's social contract, edited by the steering group in the admin.

    The newest template is the one new agreements start from; agreements keep
    their own copy of the text, so editing the template never changes a signed one.
    """

    title = models.CharField(max_length=120, default="Exchange agreement")
    text = TextField(
        max_length=20000,
        help_text="Markdown. Communication, time commitment, who does what, "
        "confidentiality, licensing, ending early, feedback.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        get_latest_by = ["updated_at", "pk"]

    def __str__(self):
        return self.title


class Agreement(models.Model):
    """
    One version of an exchange's social contract: the template's text with the
    exchange's own goals, deliverables, check-ins and co-budget, frozen when made.
    """

    exchange = models.ForeignKey(
        "exchanges.Exchange", on_delete=models.CASCADE, related_name="agreements"
    )
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=120)
    text = TextField("network terms", help_text="Markdown, from the template.")
    terms = TextField("this exchange's terms", help_text="Markdown.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["exchange", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["exchange", "version"], name="agreement_one_per_version"
            ),
        ]

    def __str__(self):
        return f"{self.exchange} agreement v{self.version}"

    def get_absolute_url(self):
        return reverse("exchanges:agreement-print", args=[self.exchange_id, self.version])


class SignatureParty(models.TextChoices):
    HOST = "host", "Host"
    HELPER = "helper", "Helper"
    COOP = "coop", "Co-op"


class Signature(models.Model):
    """A person signs one version of an agreement, for themselves or for their co-op."""

    Party = SignatureParty

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatures")
    party = models.CharField(max_length=10, choices=SignatureParty)
    coop = models.ForeignKey(
        "profiles.Coop",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="For a co-op's signature: the co-op the admin signs for.",
    )
    member = models.ForeignKey("profiles.Member", on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "party"],
                condition=models.Q(coop=None),
                name="signature_one_per_person_party",
            ),
            models.UniqueConstraint(
                fields=["agreement", "coop"],
                condition=models.Q(coop__isnull=False),
                name="signature_one_per_coop",
            ),
            models.CheckConstraint(
                condition=models.Q(party="coop", coop__isnull=False)
                | (~models.Q(party="coop") & models.Q(coop=None)),
                name="signature_coop_only_for_coop_party",
            ),
        ]

    def __str__(self):
        return f"{self.member} signed {self.agreement}"
