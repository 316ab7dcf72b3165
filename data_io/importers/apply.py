"""Applying one imported record to a co-op or member profile."""

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from core.slugs import unique_slug
from data_io.importers.columns import (
    COOP_FIELDS,
    MEMBER_FIELDS,
    SKILL_COLUMNS,
    TYPE_COOP,
    TYPE_MEMBER,
    split_list,
)
from data_io.importers.report import Action, ImportReport, Outcome
from profiles.forms.fields import CoordinateField, SkillListField
from profiles.models import (
    Coop,
    CoopSkill,
    InKindOffer,
    Member,
    Membership,
    MemberSkill,
    Skill,
    UpFor,
)
from profiles.models.shared import UpForField


class CoopImportForm(forms.ModelForm):
    """Validates a co-op's imported values exactly as the model would."""

    class Meta:
        model = Coop
        fields = [field for field in COOP_FIELDS.values() if field != "slug"]
        field_classes = {"latitude": CoordinateField, "longitude": CoordinateField}


class MemberImportForm(forms.ModelForm):
    class Meta:
        model = Member
        fields = [field for field in MEMBER_FIELDS.values() if field != "email"]


def _as_text(value):
    """How a stored value compares with an imported one."""
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return "; ".join(sorted(str(item).casefold() for item in value))
    return str(value).strip()


def _same_number(a, b):
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def _differs(current, new):
    current, new = _as_text(current), _as_text(new)
    return current != new and not _same_number(current or "x", new or "y")


def import_records(records, *, commit, report=None, progress=None):
    """
    Apply every record in one transaction; keep it only when `commit` and all went well.

    `records` are dicts of canonical column -> text, each with "_where" (a line or
    file name) and "_problems" (problems found while reading it). `progress(done,
    total)` is called as records are applied, for long files.
    """
    report = report or ImportReport()
    if report.problems:
        return report
    with transaction.atomic():
        for number, record in enumerate(records, start=1):
            report.outcomes.append(apply_record(record))
            if progress:
                progress(number, len(records))
        if commit and report.ok:
            report.committed = True
        else:
            transaction.set_rollback(True)
    return report


def apply_record(record):
    outcome = Outcome(where=record["_where"], label=record.get("name", ""))
    outcome.notes.extend(record.get("_notes", []))
    kind = record.get("type", "").strip().casefold().replace("-", "")
    if record.get("_problems"):
        return _reject(outcome, record["_problems"])
    if kind == TYPE_COOP:
        applier = _CoopApplier(record, outcome)
    elif kind == TYPE_MEMBER:
        applier = _MemberApplier(record, outcome)
    else:
        return _reject(
            outcome, [f"type must be “coop” or “member”, not “{record.get('type', '')}”"]
        )
    try:
        # A savepoint per record, so a rejected one leaves nothing behind even in a
        # dry run whose later records look the entry up again.
        with transaction.atomic():
            applier.apply()
            if outcome.action == Action.REJECTED:
                transaction.set_rollback(True)
    except _Rejected as rejected:
        _reject(outcome, rejected.reasons)
    return outcome


class _Rejected(Exception):
    def __init__(self, reasons):
        self.reasons = reasons


def _reject(outcome, reasons):
    outcome.action = Action.REJECTED
    outcome.notes.extend(reasons)
    return outcome


class _ProfileApplier:
    """What the co-op and member importers share: snapshot rules, skills, up-for."""

    fields = {}
    form_class = None
    skill_link_model = None
    owner_field = ""

    def __init__(self, record, outcome):
        self.record = record
        self.outcome = outcome
        self.changed = []

    def value(self, column):
        return (self.record.get(column) or "").strip()

    def decide(self, profile, field, new, current):
        """
        Whether to write `new` over `current`.

        A value a person has changed on the site since the last import (it no
        longer equals what that import wrote) is kept, and the report says so. On
        a profile never imported, a value someone already entered is kept too.
        """
        if not _differs(current, new):
            return False
        snapshot = profile.import_snapshot or {}
        if field in snapshot:
            edited_on_site = _differs(current, snapshot[field])
        else:
            edited_on_site = _as_text(current) != "" and profile.pk is not None
        if edited_on_site:
            self.outcome.notes.append(f"kept {field}: it was changed on the site")
            return False
        return True

    def validated_profile(self, profile, is_new):
        data, snapshot_updates = {}, {}
        for field in self.form_class._meta.fields:
            current = getattr(profile, field)
            data[field] = "" if current is None else current
        for column, field in self.fields.items():
            new = self.value(column)
            if not new or field not in data:
                continue
            if is_new or self.decide(profile, field, new, data[field]):
                data[field] = new
                snapshot_updates[field] = new
                if not is_new:
                    self.changed.append(field)
        form = self.form_class(data, instance=profile)
        if not form.is_valid():
            raise _Rejected(
                [
                    f"{self._column_for(field)}: {' '.join(errors)}"
                    for field, errors in form.errors.items()
                ]
            )
        return form, snapshot_updates

    def _column_for(self, field):
        return next((column for column, name in self.fields.items() if name == field), field)

    def clean_lists(self):
        lists, errors = {}, []
        for column in SKILL_COLUMNS:
            if self.value(column):
                try:
                    lists[column] = SkillListField().clean(split_list(self.value(column)))
                except forms.ValidationError as error:
                    errors.append(f"{column}: {' '.join(error.messages)}")
        if self.value("up_for"):
            values, unknown = [], []
            choices = {choice.value: choice.value for choice in UpFor}
            choices.update({choice.label.casefold(): choice.value for choice in UpFor})
            for item in split_list(self.value("up_for")):
                key = item.casefold()
                if key in choices:
                    values.append(choices[key])
                else:
                    unknown.append(item)
            if unknown:
                errors.append(
                    f"up_for: “{unknown[0]}” is not one of "
                    + ", ".join(choice.value for choice in UpFor)
                )
            lists["up_for"] = values
        if errors:
            raise _Rejected(errors)
        return lists

    def apply_lists(self, profile, lists, snapshot_updates, is_new):
        for column, group in SKILL_COLUMNS.items():
            if column not in lists:
                continue
            links = self.skill_link_model.objects.filter(
                **{self.owner_field: profile}, relation=group.relation, skill__kind__in=group.kinds
            ).select_related("skill")
            current = [link.skill.name for link in links]
            if not is_new and not self.decide(profile, column, lists[column], current):
                continue
            snapshot_updates[column] = _as_text(lists[column])
            if _differs(current, lists[column]):
                skills = Skill.objects.resolve(lists[column], group.new_kind)
                links.exclude(skill__in=skills).delete()
                for skill in skills:
                    self.skill_link_model.objects.get_or_create(
                        **{self.owner_field: profile}, skill=skill, relation=group.relation
                    )
                if not is_new:
                    self.changed.append(column)
        if "up_for" in lists:
            stored = UpForField.to_stored(lists["up_for"])
            if is_new or self.decide(profile, "up_for", stored, profile.up_for):
                if profile.up_for != stored:
                    profile.up_for = stored
                    if not is_new:
                        self.changed.append("up_for")
                snapshot_updates["up_for"] = stored

    def finish(self, profile, snapshot_updates, is_new):
        profile.import_snapshot = {**(profile.import_snapshot or {}), **snapshot_updates}
        profile.save()
        if is_new:
            self.outcome.action = Action.CREATED
        elif self.changed:
            self.outcome.action = Action.UPDATED
            self.outcome.notes.insert(0, "changed: " + ", ".join(sorted(set(self.changed))))
        else:
            self.outcome.action = Action.UNCHANGED


class _CoopApplier(_ProfileApplier):
    fields = COOP_FIELDS
    form_class = CoopImportForm
    skill_link_model = CoopSkill
    owner_field = "coop"

    def apply(self):
        name = self.value("name")
        if not name:
            raise _Rejected(["name is missing"])
        slug = slugify(self.value("slug") or name)[:80]
        if not slug:
            raise _Rejected([f"cannot make a web address (slug) from the name “{name}”"])
        coop = Coop.objects.filter(slug=slug).first()
        is_new = coop is None
        if is_new:
            # Imported co-ops are real member co-ops, but nobody has confirmed the
            # entry yet: last_confirmed_at stays empty so the freshness nag asks.
            coop = Coop(slug=slug, status=Coop.Status.APPROVED, last_confirmed_at=None)
        lists = self.clean_lists()
        form, snapshot_updates = self.validated_profile(coop, is_new)
        coop = form.save(commit=False)
        coop.save()
        self.apply_lists(coop, lists, snapshot_updates, is_new)
        if self.value("in_kind_support"):
            titles = split_list(self.value("in_kind_support"))
            existing = set(coop.in_kind_offers.values_list("title", flat=True))
            for title in titles:
                if title[:100] not in existing:
                    InKindOffer.objects.create(coop=coop, title=title[:100])
                    if not is_new:
                        self.changed.append("in_kind_support")
        self.finish(coop, snapshot_updates, is_new)


class _MemberApplier(_ProfileApplier):
    fields = MEMBER_FIELDS
    form_class = MemberImportForm
    skill_link_model = MemberSkill
    owner_field = "member"

    def apply(self):
        email = self.value("email")
        if not email:
            raise _Rejected(["email is missing: it is how a member is matched"])
        try:
            forms.EmailField().clean(email)
        except forms.ValidationError:
            raise _Rejected([f"email: “{email}” is not a valid e-mail address"]) from None
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).select_related("member").first()
        is_new = user is None
        coops = self._coops()
        if is_new:
            user = User(username=self._free_username(email), email=email.lower())
            user.set_unusable_password()  # they claim the account by resetting the password
            user.save()
            member = user.member
            member.last_confirmed_at = None
        else:
            member = user.member
        lists = self.clean_lists()
        form, snapshot_updates = self.validated_profile(member, is_new)
        member = form.save()
        self.apply_lists(member, lists, snapshot_updates, is_new)
        for coop in coops:
            _, created = Membership.objects.get_or_create(coop=coop, member=member)
            if created and not is_new:
                self.changed.append("coops")
        self.finish(member, snapshot_updates, is_new)

    def _coops(self):
        slugs = split_list(self.value("coops"))
        coops = {coop.slug: coop for coop in Coop.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in coops]
        if missing:
            raise _Rejected([f"coops: no co-op with the slug “{missing[0]}”"])
        return list(coops.values())

    @staticmethod
    def _free_username(email):
        users = get_user_model().objects
        return unique_slug(
            email.split("@")[0], users, field="username", max_length=150, fallback="member"
        )


__all__ = ["import_records"]
