"""Money and time on an exchange: the limits the forms and the budget page share."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

# Hours in a working day, to count exchanges agreed in hours as days on the budget page.
HOURS_PER_DAY = Decimal("7.5")
MAX_AMOUNT = Decimal("1000000")
MAX_DAYS = Decimal("250")
MAX_HOURS = MAX_DAYS * HOURS_PER_DAY


def money_field(verbose_name, **kwargs):
    """An amount of money: two decimals, zero unless given, from 0 to MAX_AMOUNT."""
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_AMOUNT)],
        **kwargs,
    )
