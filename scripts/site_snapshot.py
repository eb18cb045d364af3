"""Records what the site shows from a fixed database, to prove that a restructure changed nothing.

    python scripts/site_snapshot.py build-db PATH            # fixed SpatiaLite database
    python scripts/site_snapshot.py record DB_PATH OUT_DIR   # every page and API answer, normalised
    python scripts/site_snapshot.py compare DIR_A DIR_B [--strict]

build-db and record run in the code tree to record (cwd) with that tree's python; they reach the
project only through its settings (config.settings if config/settings.py exists, else atlas.settings),
the app registry, management commands and the URL resolver. The parts live in scripts/sitesnap/.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv=None):
    if os.environ.get("PYTHONHASHSEED") != "0":
        # The same order of sets and dicts of strings in every run: restart with a fixed hash seed.
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})  # noqa: S606
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build-db", help="build the fixed SpatiaLite database at PATH")
    build.add_argument("path", type=Path)
    record = commands.add_parser("record", help="record every page and API answer from a copy of DB_PATH")
    record.add_argument("db_path", type=Path)
    record.add_argument("out_dir", type=Path)
    record.add_argument("--only", default="", help="record only URLs containing this text (for debugging)")
    compare = commands.add_parser("compare", help="compare two recordings")
    compare.add_argument("dir_a", type=Path)
    compare.add_argument("dir_b", type=Path)
    compare.add_argument("--strict", action="store_true", help="count changed script/style URLs as differences")
    compare.add_argument("--max-lines", type=int, default=60, help="diff lines shown per file")
    args = parser.parse_args(argv)
    if args.command == "build-db":
        from sitesnap import builddb

        builddb.build(args.path)
        return 0
    if args.command == "record":
        from sitesnap import record as recorder

        return recorder.record(args.db_path, args.out_dir, only=args.only)
    from sitesnap import compare as comparer

    return comparer.compare(args.dir_a, args.dir_b, strict=args.strict, max_lines=args.max_lines)


if __name__ == "__main__":
    sys.exit(main())
