"""The file a reader shares alias rules in: small JSON, read back whole or refused in one line.

    {
      "format": "reader-alias-rules",
      "version": 1,
      "rules": [
        {"aliases": ["the Donald"], "key": "person:donald-trump",
         "name": "Donald Trump", "kind": "PERSON"}
      ]
    }

`aliases` are entity keys (`person:…`, `country:…`, `org:…`) or names as an article writes them;
`kind` may be left out. A file is read only up to `MAX_BYTES`; any fault (not UTF-8, not JSON,
another format or a newer version, a rule without a key...) refuses the whole file with an
`AliasFileError` whose str() is one line naming the file and the fault, so nothing is half
imported.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reader.core.store.alias_rules import AliasRule, AliasRuleError

FORMAT = "reader-alias-rules"
VERSION = 1
MAX_BYTES = 1_000_000
MAX_RULES = 10_000
SUFFIX = ".json"


class AliasFileError(ValueError):
    """An alias rule file that cannot be read or written; str() is one line for the user."""


def rules_document(rules: Iterable[AliasRule]) -> str:
    """The file's text for `rules`, in their order (UTF-8 JSON, one rule a line)."""
    lines = [json.dumps(rule.to_dict(), ensure_ascii=False) for rule in rules]
    body = ",\n    ".join(lines)
    rules_part = f"[\n    {body}\n  ]" if lines else "[]"
    return f'{{\n  "format": "{FORMAT}",\n  "version": {VERSION},\n  "rules": {rules_part}\n}}\n'


def write_rules_file(path: Path, rules: Iterable[AliasRule]) -> None:
    """Write the rules to `path` whole or not at all (a temporary file renamed over it).

    Raises AliasFileError when the file cannot be written.
    """
    text = rules_document(rules)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".aliases-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:
        reason = (error.strerror or str(error)).rstrip(".")
        raise AliasFileError(f"The alias rules cannot be written to {path} ({reason}).") from error


def read_rules_file(path: Path) -> list[AliasRule]:
    """The rules of the file at `path`, in its order. Raises AliasFileError (one line)."""
    try:
        with open(path, "rb") as source:
            data = source.read(MAX_BYTES + 1)
    except OSError as error:
        reason = (error.strerror or str(error)).rstrip(".")
        raise AliasFileError(f"{path} cannot be read ({reason}).") from error
    if len(data) > MAX_BYTES:
        raise _refused(path, f"it is larger than {MAX_BYTES // 1_000_000} MB")
    return parse_rules(data, path)


def parse_rules(data: bytes, path: Path) -> list[AliasRule]:
    """The rules of a file's bytes (`path` names it in messages). Raises AliasFileError."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise _refused(path, "it is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise _refused(path, f"it is not JSON ({error.msg}, line {error.lineno})") from error
    except RecursionError as error:
        raise _refused(path, "it is nested too deeply") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _refused(path, f'it does not say "format": "{FORMAT}"')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refused(path, "its version is not a whole number")
    if version > VERSION:
        raise _refused(path, f"it is version {version}; this Reader reads up to {VERSION}")
    rules = document.get("rules")
    if not isinstance(rules, list):
        raise _refused(path, 'it has no "rules" list')
    if len(rules) > MAX_RULES:
        raise _refused(path, f"it has more than {MAX_RULES} rules")
    parsed = []
    for number, rule in enumerate(rules, 1):
        try:
            parsed.append(AliasRule.from_dict(rule))
        except AliasRuleError as error:
            raise _refused(path, f"rule {number}: {str(error).rstrip('.')}") from error
    return parsed


def _refused(path: Path, reason: str) -> AliasFileError:
    return AliasFileError(f"{path.name} is not a Reader alias rule file: {reason}.")
