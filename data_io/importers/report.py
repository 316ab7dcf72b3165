"""What an import did, or would do, record by record."""

from dataclasses import dataclass, field


class Action:
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass
class Outcome:
    where: str
    label: str
    action: str = Action.UNCHANGED
    notes: list[str] = field(default_factory=list)

    def __str__(self):
        text = f"{self.where}: {self.label or '(no name)'}: {self.action}"
        return text + "".join(f"\n    - {note}" for note in self.notes)


@dataclass
class ImportReport:
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about the whole source: nothing applied
    notices: list[str] = field(default_factory=list)  # worth knowing, but not stopping the import
    committed: bool = False

    @property
    def rejected(self):
        return [outcome for outcome in self.outcomes if outcome.action == Action.REJECTED]

    @property
    def ok(self):
        return not self.problems and not self.rejected

    def count(self, action):
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    def summary(self):
        counts = ", ".join(
            f"{self.count(action)} {action}"
            for action in (Action.CREATED, Action.UPDATED, Action.UNCHANGED, Action.REJECTED)
        )
        if self.committed:
            verdict = "Committed."
        elif self.ok:
            verdict = "Dry run: nothing was changed. Run again with --commit to apply."
        else:
            verdict = "Nothing was changed: fix the rejected records and run again."
        return f"{counts}. {verdict}"

    def lines(self):
        yield from (f"! {problem}" for problem in self.problems)
        yield from (f"Note: {notice}" for notice in self.notices)
        yield from (str(outcome) for outcome in self.outcomes)
        yield self.summary()
