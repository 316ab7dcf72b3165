"""
Two app servers, one database: concurrent workflows keep their invariants.

    make bench-cluster            # DATABASE_URL (PostgreSQL) and CACHE_URL (Redis) from make
    make bench-cluster SMOKE=1    # fewer clients and steps (CI)

Starts two gunicorn instances (production settings) on two ports against the same
PostgreSQL and Redis. Many clients, each a thread speaking real HTTP with its own
session cookie and CSRF token, and sending its requests to both servers in turn:
  - RSVP to the same capped meetup (going, then changing their mind and back),
  - approve the same exchange (two admins of the same co-op, several tabs each),
  - sign the same agreement (the two people and both admins, several tabs each),
  - edit their own profile.
Then it checks the database: never more people going than places (and every place
taken), exactly one event per exchange step, every signature there, every profile
edit present, no 5xx answer. A second round stops one server (SIGKILL) in the middle
of the load; like a load balancer, the clients then send to the other one, and the
same invariants are checked. Prints a pass/fail summary; exits 1 on any failure.
"""

import argparse
import http.client
import http.cookies
import os
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402
    ensure_database,
    manage,
    server_environment,
    start_server,
    stop_server,
)

# --- a small HTTP client with a cookie jar -----------------------------------------------


class FormReader(HTMLParser):
    """The fields of the form whose action is `action`, as a browser would submit them."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields = action, False, []
        self._textarea = self._select = None
        self._first_option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = (attrs.get("action") or "") == self.action
        elif not self.inside:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append(
                    [attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")]
                )
        elif tag == "textarea":
            self._textarea = [attrs.get("name"), ""]
            self.fields.append(self._textarea)
        elif tag == "select":
            self._select, self._first_option = attrs.get("name"), None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = [self._select, value]
                self.fields.append(self._first_option)
            if "selected" in attrs:
                self._first_option[1] = value

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


@dataclass
class Traffic:
    """What the servers answered, shared by every client thread."""

    statuses: Counter = field(default_factory=Counter)
    by_port: Counter = field(default_factory=Counter)
    failed_over: int = 0
    errors: list = field(default_factory=list)
    dead: set = field(default_factory=set)
    done: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class Client:
    """One person's browser: a session cookie, a CSRF token, requests to both servers in turn."""

    def __init__(self, session_key, ports, traffic, offset=0):
        self.cookies = {"sessionid": session_key}
        self.ports, self.traffic, self.turn = ports, traffic, offset

    def request(self, method, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True) if data is not None else None
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(len(self.ports) * 2):
            port = self.ports[(self.turn + attempt) % len(self.ports)]
            if port in self.traffic.dead:
                continue
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                set_cookies = response.headers.get_all("Set-Cookie") or []
                connection.close()
            except (OSError, http.client.HTTPException):
                # The server is gone (refused, reset, cut off mid-answer): like a load
                # balancer, send the request to the other one. A step it may have taken
                # before dying is then refused as already done, which the checks allow.
                with self.traffic.lock:
                    self.traffic.failed_over += 1
                continue
            break
        else:
            raise RuntimeError(f"No server answered {method} {path}")
        self.turn += 1
        for header in set_cookies:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        with self.traffic.lock:
            self.traffic.statuses[response.status] += 1
            self.traffic.by_port[port] += 1
            self.traffic.done += 1
            if response.status >= 500:
                self.traffic.errors.append(f"{response.status} on {method} {path} (port {port})")
        return response.status, text

    def post(self, path, data):
        status, _ = self.request("POST", path, {**data, "csrfmiddlewaretoken": self.csrf})
        if status == 403:
            with self.traffic.lock:
                self.traffic.errors.append(f"403 on POST {path}: CSRF or permission refused")
        return status

    def open(self, path):
        """GET a page with a form, so the CSRF cookie is set; returns the page."""
        status, text = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        self.csrf = self.cookies["csrftoken"]
        return text


# --- the scenario ------------------------------------------------------------------------


def build_scenario(tag, clients, capacity):
    """Fresh people, a co-op with two admins, two exchanges at their steps, a capped meetup."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from bench.pages import signed_in_cookie
    from exchanges import services
    from exchanges.models import Exchange
    from meetups.models import Meetup
    from profiles.models import Coop, Membership

    def person(name):
        user = get_user_model().objects.create_user(
            username=f"{tag}-{name}", email=f"{tag}-{name}@cluster.example.coop"
        )
        member = user.member  # made by the signal, as for every account
        member.display_name = f"{tag} {name}"
        member.save()
        return member

    def exchange(title):
        made = Exchange.objects.create(
            title=title, description="Two servers, one database.", proposer=host, host=host,
            host_coop=coop, helper=helper, time_amount=Decimal("2"),
        )  # fmt: skip
        services.propose(made, host)
        services.accept(made, helper)  # the co-op's approval is now awaited
        return made

    host, helper, admin_a, admin_b = (person(n) for n in ("host", "helper", "admin-a", "admin-b"))
    coop = Coop.objects.create(name=f"{tag} co-op", slug=f"{tag}-coop", status="approved")
    Membership.objects.create(coop=coop, member=admin_a, role="admin")
    Membership.objects.create(coop=coop, member=admin_b, role="admin")
    Membership.objects.create(coop=coop, member=host, role="member")
    to_approve = exchange(f"{tag}: to approve")
    to_sign = exchange(f"{tag}: to sign")
    services.approve(to_sign, admin_a, coop)  # every approval in: the agreement is drafted
    start = timezone.now() + timezone.timedelta(days=14)
    meetup = Meetup.objects.create(
        title=f"{tag} gathering", starts_at=start, ends_at=start + timezone.timedelta(hours=3),
        capacity=capacity,
    )  # fmt: skip
    people = [person(f"client-{i}") for i in range(clients)]
    session = {m.pk: signed_in_cookie(m.user).split("=", 1)[1] for m in [*people, host, helper]}
    session |= {m.pk: signed_in_cookie(m.user).split("=", 1)[1] for m in (admin_a, admin_b)}
    return {
        "people": people, "host": host, "helper": helper, "admins": [admin_a, admin_b],
        "coop": coop, "to_approve": to_approve, "to_sign": to_sign, "meetup": meetup,
        "session": session,
    }  # fmt: skip


def run_load(scenario, ports, *, toggles, tabs, kill=None):
    """Every client at once (a barrier), through both servers; `kill()` runs mid-load."""
    traffic = Traffic()
    meetup, to_approve, to_sign = scenario["meetup"], scenario["to_approve"], scenario["to_sign"]
    coop = scenario["coop"]
    edits = {}
    jobs = []

    def client(member, offset=0):
        return Client(scenario["session"][member.pk], ports, traffic, offset)

    def attendee(member, n):
        browser = client(member, n)
        page = browser.open("/me/edit/")
        rsvp = f"/meetups/{meetup.pk}/rsvp/"
        browser.post(rsvp, {"answer": "going"})
        for _ in range(toggles if n % 2 else 0):  # half of them change their mind and back
            browser.post(rsvp, {"answer": "not_going"})
            browser.post(rsvp, {"answer": "going"})
        reader = FormReader("")
        reader.feed(page)
        data = [(name, value) for name, value in reader.fields if name != "csrfmiddlewaretoken"]
        bio = f"Edited through the cluster run by client {n}, token {os.urandom(4).hex()}."
        data = [(name, bio if name == "bio" else value) for name, value in data]
        edits[member.pk] = bio
        status, _ = browser.request(
            "POST", "/me/edit/", [*data, ("csrfmiddlewaretoken", browser.csrf)]
        )
        if status != 302:
            traffic.errors.append(f"profile edit by client {n} answered {status}, not a redirect")

    def approver(member, n):
        browser = client(member, n)
        browser.open(f"/exchanges/{to_approve.pk}/")
        browser.post(f"/exchanges/{to_approve.pk}/coops/{coop.pk}/approve/", {"note": ""})

    def signer(member, n):
        browser = client(member, n)
        browser.open(f"/exchanges/{to_sign.pk}/")
        browser.post(f"/exchanges/{to_sign.pk}/sign/", {"version": "1"})

    for n, member in enumerate(scenario["people"]):
        jobs.append((attendee, member, n))
    for n in range(tabs):
        for member in scenario["admins"]:
            jobs.append((approver, member, n))
        for member in (scenario["host"], scenario["helper"], *scenario["admins"]):
            jobs.append((signer, member, n))

    barrier = threading.Barrier(len(jobs))

    def run(job, member, n):
        barrier.wait()
        try:
            job(member, n)
        except Exception as error:  # every failure is reported, none hidden
            with traffic.lock:
                traffic.errors.append(f"{job.__name__} {n}: {error!r}")

    threads = [threading.Thread(target=run, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    if kill:
        kill(traffic)
    for thread in threads:
        thread.join()
    return traffic, edits


def check(scenario, traffic, edits):
    """The invariants, read from the database; returns a list of (ok, what)."""
    from django.db import close_old_connections

    from exchanges.models import Approval, EventKind, Exchange, ExchangeEvent, Signature
    from meetups.models import RSVP
    from profiles.models import Member

    close_old_connections()
    meetup, people = scenario["meetup"], scenario["people"]
    rsvps = Counter(RSVP.objects.filter(meetup=meetup).values_list("status", flat=True))
    going, waiting = rsvps["going"], rsvps["waiting"]
    want = min(meetup.capacity, len(people))
    to_approve = Exchange.objects.get(pk=scenario["to_approve"].pk)
    approve_events = Counter(
        ExchangeEvent.objects.filter(exchange=to_approve).values_list("kind", flat=True)
    )
    to_sign = Exchange.objects.get(pk=scenario["to_sign"].pk)
    sign_events = Counter(
        ExchangeEvent.objects.filter(exchange=to_sign).values_list("kind", flat=True)
    )
    signatures = Signature.objects.filter(agreement__exchange=to_sign, agreement__version=1)
    parties = sorted(signatures.values_list("party", flat=True))
    bios = dict(Member.objects.filter(pk__in=edits).values_list("pk", "bio"))
    lost = [pk for pk, bio in edits.items() if bios.get(pk) != bio]
    return [
        (going <= meetup.capacity, f"RSVPs going {going} <= places {meetup.capacity}"),
        (going == want and waiting == len(people) - want,
         f"every place taken ({going} going, {waiting} waiting, {len(people)} wanted to go)"),
        (Approval.objects.filter(exchange=to_approve).count() == 1,
         "exactly one approval for the co-op"),
        (approve_events[EventKind.APPROVED] == 1
         and approve_events[EventKind.AGREEMENT_DRAFTED] == 1
         and to_approve.state == "agreement",
         f"approve: one event per step {dict(approve_events)}, now {to_approve.state}"),
        (parties == ["coop", "helper", "host"],
         f"every signature there, none twice: {parties}"),
        (sign_events[EventKind.SIGNED] == 3 and sign_events[EventKind.ACTIVATED] == 1
         and to_sign.state == "active",
         f"sign: one event per step {dict(sign_events)}, now {to_sign.state}"),
        (not lost and len(edits) == len(people),
         f"every profile edit present ({len(edits) - len(lost)}/{len(people)})"),
        (not traffic.errors, f"no 5xx or failed request ({len(traffic.errors)} problems)"),
    ]  # fmt: skip


def report(title, results, traffic):
    print(f"\n== {title}")
    print(f"   answers by status {dict(traffic.statuses)}, by server {dict(traffic.by_port)}, "
          f"failed over to the other server {traffic.failed_over}")  # fmt: skip
    for error in traffic.errors[:10]:
        print(f"   ! {error}")
    for ok, what in results:
        print(f"   {'PASS' if ok else 'FAIL'}  {what}")
    return all(ok for ok, _ in results)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--smoke", action="store_true", help="Fewer clients and steps (CI).")
    parser.add_argument("--ports", default="8771,8772")
    parser.add_argument("--clients", type=int, default=None)
    args = parser.parse_args(argv)
    clients = args.clients or (12 if args.smoke else 40)
    toggles, tabs = (2, 2) if args.smoke else (4, 4)
    ports = [int(port) for port in args.ports.split(",")]

    env = server_environment(ports[0])
    if not env.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("The cluster run is on PostgreSQL: set DATABASE_URL=postgres://...")
    if not env.get("CACHE_URL", "").startswith("redis"):
        raise SystemExit("The cluster run shares Redis: set CACHE_URL=redis://127.0.0.1:6379/5")
    os.environ.update(env)
    ensure_database(env["DATABASE_URL"])
    manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)

    import django

    django.setup()
    from django.core.cache import cache

    cache.set("cluster-run", "ok", 30)  # fails here, clearly, when Redis is not running
    log_path = Path(tempfile.gettempdir()) / f"cotech-cluster-{os.getpid()}.log"
    with open(log_path, "w") as log:
        passed = run_rounds(env, ports, clients, toggles, tabs, log)
    print(f"\nServer logs: {log_path}")
    print("\nCLUSTER RUN: " + ("PASS" if passed else "FAIL"))
    return 0 if passed else 1


QUIET_MAIL = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def run_rounds(env, ports, clients, toggles, tabs, log):
    """Both rounds; the servers are stopped whatever happens."""
    from django.test.utils import override_settings

    run_tag = f"cluster-{time.strftime('%Y%m%d%H%M%S')}"
    passed = True
    servers = []
    try:
        for round_name, kill_mid_load in (("both servers", False), ("one stopped mid-load", True)):
            tag = f"{run_tag}-{'b' if kill_mid_load else 'a'}"
            # The set-up's own e-mails (proposals, approvals) are kept, not printed.
            with override_settings(MAILERS=QUIET_MAIL):
                scenario = build_scenario(tag, clients, capacity=max(2, clients // 3))
            servers = [start_server({**env, "PORT": str(port)}, port, log) for port in ports]
            kill = None
            if kill_mid_load:
                planned = clients * (4 + toggles) + tabs * 12

                def kill(traffic, planned=planned, victim=servers[1], port=ports[1]):
                    while traffic.done < planned // 3 and victim.poll() is None:
                        time.sleep(0.005)
                    stop_server(victim, signal.SIGKILL)
                    traffic.dead.add(port)
                    print(f"   stopped the server on port {port} after {traffic.done} answers")

            print(f"\n-- {round_name}: {clients} clients through ports {ports}")
            traffic, edits = run_load(scenario, ports, toggles=toggles, tabs=tabs, kill=kill)
            for server in servers:
                stop_server(server)
            passed &= report(round_name, check(scenario, traffic, edits), traffic)
    finally:
        for server in servers:
            stop_server(server)
    return passed


if __name__ == "__main__":
    sys.exit(main())
