"""Read the Office of the Historian's travels and visits XML into plain records.

Two collections (see `../shared/hsg/README.md`): `travels` (one file per President or
Secretary of State, one `<trip>` per foreign trip) and `visits` (one file per decade, one
`<visit>` per visit of a foreign leader to the USA). The reader keeps the line of every
record so that an error can name it, and keeps every record read before an XML error.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from timeline.model import Problem

RECORD_TAGS = {"trip": "travels", "visit": "visits"}
# Where each collection lives below the data folder.
FOLDERS = ("president-travels", "secretary-travels", "visits/data")
MAX_FILE_BYTES = 20_000_000
TRAVELLER_ROLES = ("president", "secretary")
WHO = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class RawRecord:
    """One `<trip>` or `<visit>` as found: child texts and attributes, not yet checked."""

    path: str
    line: int
    tag: str
    attrs: dict[str, str]
    fields: dict[str, str]
    field_attrs: dict[str, dict[str, str]]


@dataclass
class HsgRecord:
    """A checked record: a US official's trip abroad, or a foreign leader's visit to the US."""

    collection: str  # travels | visits
    id: str
    path: str
    line: int
    start: str
    end: str
    country: str  # the country id: china, taiwan, ...
    country_name: str
    traveller: str  # the traveller's name as written
    role: str | None = None  # president | secretary (travels only)
    who: str | None = None  # the traveller's slug in the historian's files (travels only)
    locale: str = ""
    remarks: str = ""

    def where(self) -> str:
        return f"{self.path}:{self.line}"


class _Collector:
    """Expat handlers gathering the records of one file."""

    def __init__(self, path: str, parser: expat.XMLParserType):
        self.path = path
        self.parser = parser
        self.records: list[RawRecord] = []
        self.current: RawRecord | None = None
        self.child: str | None = None
        self.text: list[str] = []

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in RECORD_TAGS and self.current is None:
            self.current = RawRecord(self.path, self.parser.CurrentLineNumber, tag, attrs, {}, {})
        elif self.current is not None and self.child is None:
            self.child, self.text = tag, []
            self.current.field_attrs[tag] = attrs

    def end(self, tag: str) -> None:
        if self.current is None:
            return
        if tag == self.child:
            self.current.fields[tag] = " ".join("".join(self.text).split())
            self.child = None
        elif tag == self.current.tag and self.child is None:
            self.records.append(self.current)
            self.current = None

    def chars(self, data: str) -> None:
        if self.child is not None:
            self.text.append(data)


def read_raw_records(path: Path) -> tuple[list[RawRecord], list[Problem]]:
    """Every record of one XML file; a file that is not well-formed keeps what came before."""
    rel = path.as_posix()
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return [], [Problem(rel, f"expected at most {MAX_FILE_BYTES} bytes, found larger")]
        data = path.read_bytes()
    except OSError as err:
        return [], [Problem(rel, f"cannot read: {err.strerror}")]
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    collector = _Collector(rel, parser)
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        message = f"expected well-formed XML, found {expat.ErrorString(err.code)}"
        return collector.records, [Problem(rel, message, line=err.lineno, column=err.offset + 1)]
    return collector.records, []


ROC_NAME = re.compile(r"republic of china|china, republic of", re.IGNORECASE)


def is_taiwan(country: str, name: str) -> bool:
    """Records about the Republic of China (Taiwan), whatever their country id."""
    return country == "taiwan" or (bool(ROC_NAME.search(name)) and "people" not in name.lower())


class RecordError(ValueError):
    """A record that cannot be imported: which field, what was expected, what was found."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _required(raw: RawRecord, name: str) -> str:
    value = raw.fields.get(name, "")
    if not value:
        raise RecordError(name, "expected a value, found nothing")
    return value


def _day(raw: RawRecord, name: str) -> str:
    value = _required(raw, name)
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise RecordError(name, f"expected a calendar day YYYY-MM-DD, found {value!r}") from None


def check_record(raw: RawRecord) -> HsgRecord:
    """A `HsgRecord` from a raw one, or `RecordError` naming the first bad field."""
    collection = RECORD_TAGS[raw.tag]
    record_id = _required(raw, "id")
    if not record_id.isdigit():
        raise RecordError("id", f"expected a number, found {record_id!r}")
    start, end = _day(raw, "start-date"), _day(raw, "end-date")
    if end < start:
        raise RecordError("end-date", f"expected a day on or after {start}, found {end}")
    role = raw.attrs.get("role") or raw.fields.get("role") or None
    if collection == "travels" and role not in TRAVELLER_ROLES:
        raise RecordError("role", f"expected one of {', '.join(TRAVELLER_ROLES)}, found {role!r}")
    who = raw.attrs.get("who") or None
    if collection == "travels" and not (who and WHO.match(who)):
        raise RecordError(
            "who", f"expected the traveller's slug (e.g. kerry-john-forbes), found {who!r}"
        )
    country_tag = "country" if collection == "travels" else "from"
    country = raw.field_attrs.get(country_tag, {}).get("id", "")
    traveller_tag = "name" if collection == "travels" else "visitor"
    return HsgRecord(
        collection=collection,
        id=record_id,
        path=raw.path,
        line=raw.line,
        start=start,
        end=end,
        country=country,
        country_name=raw.fields.get(country_tag, ""),
        traveller=_required(raw, traveller_tag),
        role=role,
        who=who,
        locale=raw.fields.get("locale", ""),
        remarks=raw.fields.get("remarks" if collection == "travels" else "description", ""),
    )


@dataclass
class ReadResult:
    """The China records of a data folder, what was skipped, and what was wrong."""

    records: list[HsgRecord]
    taiwan: int
    problems: list[Problem]
    files: int


def _country_of(raw: RawRecord) -> tuple[str, str]:
    tag = "country" if raw.tag == "trip" else "from"
    return raw.field_attrs.get(tag, {}).get("id", ""), raw.fields.get(tag, "")


def data_files(folder: Path) -> list[Path]:
    return [p for sub in FOLDERS for p in sorted((folder / sub).glob("*.xml"))]


def read_china_records(folder: Path) -> ReadResult:
    """The PRC records of every file below `folder`; Taiwan records counted and skipped."""
    result = ReadResult([], 0, [], 0)
    files = data_files(folder)
    if not files:
        where = ", ".join(f"{sub}/" for sub in FOLDERS)
        result.problems.append(Problem(folder.as_posix(), f"expected XML files in {where}"))
    for path in files:
        result.files += 1
        raws, problems = read_raw_records(path)
        result.problems += problems
        for raw in raws:
            country, name = _country_of(raw)
            if is_taiwan(country, name):
                result.taiwan += 1
            elif country == "china":
                _add_checked(raw, result)
    return result


def _add_checked(raw: RawRecord, result: ReadResult) -> None:
    try:
        result.records.append(check_record(raw))
    except RecordError as err:
        label = f"record {raw.fields.get('id') or '(no id)'}: {err.field}"
        result.problems.append(Problem(raw.path, err.message, field=label, line=raw.line))
