"""Reading a page's form as a browser would submit it, to save an edit form unchanged."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []  # one list of (name, value) per POST form
        self.inside = False
        self._textarea = None
        self._select = None
        self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self.inside = True
            self.forms.append([])
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.forms[-1].append((name, attrs.get("value", "on")))
            elif kind not in ("file", "submit", "button", "image", "reset"):
                self.forms[-1].append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {"name": name, "chosen": [], "first": None}
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value"), "", "selected" in attrs]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        if self._option is not None:
            self._option[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser drops the one newline that may follow <textarea>, and sends
            # every line break as CRLF (the HTML standard's form submission).
            text = text.removeprefix("\n").replace("\r\n", "\n").replace("\n", "\r\n")
            self.forms[-1].append((name, text))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            value, text, selected = self._option
            value = text.strip() if value is None else value
            if self._select["first"] is None:
                self._select["first"] = value
            if selected:
                self._select["chosen"].append(value)
            self._option = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["chosen"] or [self._select["first"]]
            self.forms[-1].extend(
                (self._select["name"], value) for value in chosen if value is not None
            )
            self._select = None


def submitted_form(html, *, containing):
    """
    What a browser would send, untouched, for the page's first POST form that has a field
    named `containing`: a dict of name -> value, or name -> list of values where a name repeats
    (checkboxes, multi-selects). File inputs are left out: a browser sends no file when none
    is chosen.
    """
    reader = _FormReader()
    reader.feed(html if isinstance(html, str) else html.decode())
    for fields in reader.forms:
        if any(name == containing for name, _value in fields):
            data = {}
            for name, value in fields:
                data.setdefault(name, []).append(value)
            return {name: vals[0] if len(vals) == 1 else vals for name, vals in data.items()}
    raise AssertionError(f"no POST form on the page has a field named {containing!r}")
