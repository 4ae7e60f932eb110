"""Turns a rendered project tree into a cookiecutter template that renders back to the same tree.

The project name becomes `{{cookiecutter.project_name}}` in paths and file contents; text that Jinja would read
as its own syntax (`{{`, `{%`, `{#`) is kept literal with `{% raw %}` blocks. Binary files (as cookiecutter itself
detects them) are copied unchanged, since cookiecutter copies them without rendering.

usage: python bench/cookiecutter_template.py SOURCE_TREE PROJECT_NAME TEMPLATE_DIR
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from binaryornot.check import is_binary

VARIABLE = "{{cookiecutter.project_name}}"
JINJA_OPENERS = ("{{", "{%", "{#")
RAW_END = "{% endraw %}"


class TemplateError(Exception):
    """The tree holds something this conversion cannot express for cookiecutter."""


def template_text(text: str, name: str) -> str:
    """`text` as a Jinja template that renders back to `text` when project_name is `name`."""
    literals = text.split(name)
    # A literal ending in '{' right before the variable would fuse with its '{{' into Jinja syntax too.
    needs_raw = any(opener in text for opener in JINJA_OPENERS) or any(
        literal.endswith("{") for literal in literals[:-1]
    )
    if needs_raw and RAW_END in text:
        raise TemplateError(f"text contains '{RAW_END}', which no raw block can hold")
    if needs_raw:
        literals = [f"{{% raw %}}{literal}{RAW_END}" if literal else "" for literal in literals]
    return VARIABLE.join(literals)


def template_path_part(part: str, name: str) -> str:
    if any(opener in part for opener in JINJA_OPENERS) or "}}" in part:
        raise TemplateError(f"path component '{part}' contains Jinja syntax")
    return part.replace(name, VARIABLE)


def build_template(source: Path, name: str, template: Path) -> int:
    """Writes the template for `source` into `template` (which must not exist); returns the number of files."""
    root = template / VARIABLE
    root.mkdir(parents=True)
    (template / "cookiecutter.json").write_text(json.dumps({"project_name": name}, indent=2) + "\n")
    files = 0
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        target = root.joinpath(*(template_path_part(part, name) for part in relative.parts))
        if path.is_symlink():
            raise TemplateError(f"'{relative}' is a symlink; cookiecutter would copy its target")
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if is_binary(str(path)):
            shutil.copyfile(path, target)
        else:
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError as error:
                raise TemplateError(f"'{relative}' is neither UTF-8 text nor binary to cookiecutter") from error
            # newline="" keeps the file's own line endings; cookiecutter detects and reproduces them.
            with target.open("w", encoding="utf-8", newline="") as handle:
                handle.write(template_text(text, name))
        shutil.copymode(path, target)
        files += 1
    return files


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    source, name, template = Path(argv[0]), argv[1], Path(argv[2])
    try:
        files = build_template(source, name, template)
    except TemplateError as error:
        print(f"cookiecutter_template: error: {error}", file=sys.stderr)
        return 1
    print(f"wrote a cookiecutter template of {files} files to {template}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
