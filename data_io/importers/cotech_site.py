"""
The CoTech website's co-op files: one Markdown file per co-op, YAML front matter
above a prose body. The file name is the slug; the body is the "about" text.
"""

import re
from pathlib import Path

import yaml

from data_io.importers.apply import import_records
from data_io.importers.directory_csv import COUNTRY_NAMES, decode
from data_io.importers.report import ImportReport

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)(.*)\Z", re.DOTALL)
UK_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.IGNORECASE)
# Keys the site uses that the directory has no place for: reported, not dropped silently.
NOT_IMPORTED = {"clients", "logo", "twitter", "github"}
KNOWN_KEYS = {
    "name", "title", "members", "website", "email", "telephone", "address",
    "latitude", "longitude", "services", "technologies", "layout", *NOT_IMPORTED,
}  # fmt: skip
# How technology and service slugs are written as names where title case is wrong.
READABLE_NAMES = {
    "htmlcss": "HTML/CSS",
    "html": "HTML",
    "css": "CSS",
    "php": "PHP",
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "postgresql": "PostgreSQL",
    "mysql": "MySQL",
    "mongodb": "MongoDB",
    "nodejs": "Node.js",
    "node": "Node.js",
    "reactjs": "React",
    "vuejs": "Vue.js",
    "wordpress": "WordPress",
    "drupal": "Drupal",
    "devops": "DevOps",
    "ios": "iOS",
    "ux": "UX",
    "ui": "UI",
    "seo": "SEO",
    "aws": "AWS",
    "api": "API",
    "graphql": "GraphQL",
    "ruby-on-rails": "Ruby on Rails",
    "c-sharp": "C#",
    "dotnet": ".NET",
}


def readable_name(slug):
    """ "django-2" -> "Django", "web-design" -> "Web design", "htmlcss" -> "HTML/CSS"."""
    slug = re.sub(r"-\d+$", "", str(slug).strip().lower())
    if slug in READABLE_NAMES:
        return READABLE_NAMES[slug]
    words = slug.replace("_", "-").split("-")
    return " ".join(READABLE_NAMES.get(word, word) for word in words).capitalize()


def split_address(address):
    """
    Town and country from "street, locality, town, country, postcode", any part
    of which may be missing: the postcode is recognised by its shape, the country
    by name, and the town is the part just before them.
    """
    parts = [part.strip() for part in str(address).split(",") if part.strip()]
    if parts and UK_POSTCODE.match(parts[-1]):
        parts.pop()
    country = ""
    if parts and parts[-1].casefold() in COUNTRY_NAMES:
        country = COUNTRY_NAMES[parts.pop().casefold()]
    if len(parts) > 1 or (parts and not any(char.isdigit() for char in parts[0])):
        return parts[-1], country
    return "", country


def _text(value):
    return "" if value is None else str(value).strip()


def _list(value):
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [item for item in value if item not in (None, "")]
    return [value]


# A co-op file needs no YAML aliases (&a ... *a); a few hundred bytes of nested ones
# expand to gigabytes once read ("billion laughs"), so past this many the file is refused.
MAX_YAML_ALIASES = 10


class FrontMatterLoader(yaml.SafeLoader):
    """yaml.safe_load's loader, with a budget of aliases."""

    def __init__(self, stream):
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_YAML_ALIASES:
                raise yaml.YAMLError(
                    f"it uses more than {MAX_YAML_ALIASES} YAML aliases (*name), "
                    "which a co-op file never needs"
                )
        return super().compose_node(parent, index)


def record_from_file(path, data, report):
    """One import record from one co-op file (with its problems, if any)."""
    record = {"_where": path.name, "_problems": [], "type": "coop", "slug": path.stem}
    text = decode(data, report, where=path.name)
    if text is None:
        # Report the file, not the whole import: its record is rejected.
        record["_problems"].append(report.problems.pop())
        return record
    match = FRONT_MATTER.match(text)
    if not match:
        record["_problems"].append("no YAML front matter between --- lines at the top")
        return record
    try:
        # A SafeLoader underneath: it makes no arbitrary objects.
        meta = yaml.load(match.group(1), Loader=FrontMatterLoader) or {}  # noqa: S506
    except yaml.YAMLError as error:
        record["_problems"].append(f"the front matter is not valid YAML: {error}")
        return record
    if not isinstance(meta, dict):
        record["_problems"].append("the front matter is not a set of key: value lines")
        return record
    record["name"] = _text(meta.get("name")) or _text(meta.get("title"))
    record["about"] = match.group(2).strip()
    record["website"] = _text(meta.get("website"))
    record["email"] = _text(meta.get("email"))
    record["phone"] = _text(meta.get("telephone"))
    record["workers"] = _text(meta.get("members"))
    record["latitude"] = _text(meta.get("latitude"))
    record["longitude"] = _text(meta.get("longitude"))
    if meta.get("address"):
        record["address"] = _text(meta["address"])
        record["town"], record["country"] = split_address(meta["address"])
    record["tech_skills_offered"] = "; ".join(readable_name(s) for s in _list(meta.get("services")))
    record["tools"] = "; ".join(readable_name(slug) for slug in _list(meta.get("technologies")))
    record["_notes"] = [
        f"{key} not imported: the directory has no field for it"
        for key in sorted(NOT_IMPORTED)
        if meta.get(key)
    ] + [f"unknown key “{key}” not imported" for key in sorted(set(meta) - KNOWN_KEYS)]
    return record


def import_cotech_site(folder, *, commit, progress=None):
    report = ImportReport()
    folder = Path(folder)
    if not folder.is_dir():
        report.problems.append(f"{folder} is not a folder.")
        return report
    files = sorted(folder.glob("*.md"))
    if not files:
        report.problems.append(f"{folder} has no .md files.")
        return report
    records = [record_from_file(path, path.read_bytes(), report) for path in files]
    return import_records(records, commit=commit, report=report, progress=progress)
