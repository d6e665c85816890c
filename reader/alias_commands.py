"""`reader aliases list|export FILE|import FILE|remove ID`: the library's alias rules on the
command line (`reader.core.store.alias_rules`, the file format of `reader.core.store.alias_file`).

Every fault is one line on stderr and exit status 1: a store that cannot be used, a file that
cannot be read or is not an alias rule file (nothing of it is imported), an id with no rule.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands import add_store_options
from reader.core.text.sources import display_path

if TYPE_CHECKING:  # the store is imported when the command runs, not when `reader` starts
    from reader.core.store.database import Store

EXIT_OK, EXIT_FAILED = 0, 1


def add_alias_command(sub: argparse._SubParsersAction) -> None:
    """The `aliases` command and its four actions."""
    aliases = sub.add_parser("aliases", help="list, export, import or remove the alias rules")
    actions = aliases.add_subparsers(
        dest="action", required=True, metavar="ACTION", help="one of these:"
    )
    add_store_options(actions.add_parser("list", help="print each rule: its id, aliases, entity"))
    for action, words in (("export", "write the rules to"), ("import", "add the rules of")):
        parser = actions.add_parser(action, help=f"{words} a JSON alias rule file")
        parser.add_argument("file", type=Path, metavar="FILE", help="the JSON alias rule file")
        add_store_options(parser)
    remove = actions.add_parser("remove", help="forget one rule (by the id `list` prints)")
    remove.add_argument("id", type=int, metavar="ID", help="the rule's id, as `list` prints it")
    add_store_options(remove)


def run_aliases(args: argparse.Namespace) -> int:
    """Run one action of `reader aliases`; the exit status."""
    from reader.core.store.alias_file import AliasFileError
    from reader.core.store.database import Store, StoreError

    if args.no_store:
        return _fail("the alias rules are kept in the store; --no-store leaves none to use.")
    try:
        with Store.open(args.store) as store:
            return _run(args, store)
    except (StoreError, AliasFileError) as error:
        return _fail(str(error))


def _run(args: argparse.Namespace, store: Store) -> int:
    from reader.core.store.alias_file import read_rules_file, write_rules_file
    from reader.core.store.alias_rules import drop_rule, keep_rules, read_rules

    if args.action == "list":
        rules = read_rules(store)
        for rule_id, rule in rules:
            print(f"{rule_id}\t{rule.describe()}")
        if not rules:  # stdout stays empty (it lists rules); the note goes where messages go
            _say(
                "no alias rules (Edit > Alias Rules... or `reader aliases import FILE` adds some)."
            )
        return EXIT_OK
    if args.action == "export":
        rules = [rule for _id, rule in read_rules(store)]
        write_rules_file(args.file, rules)
        _say(f"wrote {len(rules)} alias rules to {display_path(args.file)}")
        return EXIT_OK
    if args.action == "import":
        rules = read_rules_file(args.file)
        added = keep_rules(store, rules)
        _say(f"imported {len(added)} alias rules ({len(rules) - len(added)} already kept)")
        return EXIT_OK
    removed = drop_rule(store, args.id)
    if removed is None:
        return _fail(f"there is no alias rule {args.id} (`reader aliases list` shows them).")
    _say(f"removed {removed.describe()}")
    return EXIT_OK


def _say(message: str) -> None:
    print(f"reader: {message}", file=sys.stderr)


def _fail(message: str) -> int:
    _say(message)
    return EXIT_FAILED
