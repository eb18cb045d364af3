"""compare: two recordings file by file; the script/style URL section of each file is compared apart
(moving JS/CSS files changes it on purpose) and counts as a difference only with --strict."""

import difflib
from pathlib import Path

ASSETS_MARKER = "=== assets (script/style URLs) ==="
NOT_COMPARED = {"_meta.json"}


def files_of(directory):
    directory = Path(directory)
    return {str(path.relative_to(directory)) for path in directory.rglob("*")
            if path.is_file() and path.name not in NOT_COMPARED}


def split(text):
    main, _, assets = text.partition(ASSETS_MARKER)
    return main, assets


def show_diff(name, a, b, label, max_lines):
    lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), f"A/{name}{label}", f"B/{name}{label}",
                                      lineterm="", n=2))
    for line in lines[:max_lines]:
        print(line)
    if len(lines) > max_lines:
        print(f"... {len(lines) - max_lines} more diff lines")


def compare(dir_a, dir_b, strict=False, max_lines=60):
    dir_a, dir_b = Path(dir_a), Path(dir_b)
    for directory in (dir_a, dir_b):
        if not (directory / "index.tsv").exists():
            raise SystemExit(f"{directory} holds no recording (no index.tsv)")
    files_a, files_b = files_of(dir_a), files_of(dir_b)
    equal, differ, assets_only = 0, [], []
    for name in sorted(files_a & files_b):
        text_a = (dir_a / name).read_text(errors="replace")
        text_b = (dir_b / name).read_text(errors="replace")
        if text_a == text_b:
            equal += 1
            continue
        main_a, assets_a = split(text_a)
        main_b, assets_b = split(text_b)
        if main_a != main_b:
            differ.append(name)
            print(f"\n##### differs: {name}")
            show_diff(name, main_a, main_b, "", max_lines)
        if assets_a != assets_b:
            if main_a == main_b:
                assets_only.append(name)
            if not strict:
                continue
            print(f"\n##### script/style URLs differ: {name}")
            show_diff(name, assets_a, assets_b, " (assets)", max_lines)
    only_a, only_b = sorted(files_a - files_b), sorted(files_b - files_a)
    for label, names in (("only in A", only_a), ("only in B", only_b)):
        if names:
            print(f"\n##### {len(names)} files {label}:")
            for name in names[:200]:
                print(f"  {name}")
            if len(names) > 200:
                print(f"  ... {len(names) - 200} more")
    if assets_only and not strict:
        print(f"\n##### {len(assets_only)} files differ only in script/style URLs (not counted; --strict counts"
              " and shows them):")
        for name in assets_only[:50]:
            print(f"  {name}")
        if len(assets_only) > 50:
            print(f"  ... {len(assets_only) - 50} more")
    counted = differ + (assets_only if strict else [])
    equal += 0 if strict else len(assets_only)
    print(f"\n{equal} files equal, {len(counted)} differ, {len(only_a)} only in A, {len(only_b)} only in B"
          + ("" if strict else f" ({len(assets_only)} of the equal differ only in script/style URLs)"))
    return 1 if counted or only_a or only_b else 0
