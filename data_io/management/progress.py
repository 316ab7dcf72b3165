"""Progress for long-running commands, written to stderr so stdout stays the report."""


class Progress:
    """Prints "applied 300 of 2,000 records" every `every` records on long inputs."""

    def __init__(self, stream, *, every=100):
        self.stream = stream
        self.every = every

    def __call__(self, done, total):
        if total >= self.every and (done % self.every == 0 or done == total):
            self.stream.write(f"applied {done:,} of {total:,} records")
