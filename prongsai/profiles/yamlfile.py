"""Read a profile file and report every problem with its file, line and column, Thai and English.

PyYAML's composed node tree keeps the start mark of every key and value; a problem's path
(from pydantic or from ``schema.check_references``) is walked down that tree to its mark.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from .schema import Profile, check_references


@dataclass(frozen=True)
class ProfileError:
    file: str
    line: int
    column: int
    message_th: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message_th} / {self.message_en}"


class ProfileInvalid(Exception):
    def __init__(self, errors: list[ProfileError]):
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


THAI = {
    "extra_forbidden": "ไม่รู้จักคีย์ “{key}”",
    "missing": "ต้องระบุ “{key}”",
    "literal_error": "ค่าไม่อยู่ในรายการที่ใช้ได้",
    "greater_than_equal": "ต้องมีค่าตั้งแต่ 1 ขึ้นไป",
    "less_than_equal": "ค่ามากเกินไป",
    "string_pattern_mismatch": "รูปแบบไม่ถูกต้อง (ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และขีด)",
    "string_too_short": "ต้องไม่เว้นว่าง",
    "string_too_long": "ยาวเกินไป",
    "int_type": "ต้องเป็นจำนวนเต็ม",
    "string_type": "ต้องเป็นข้อความ",
    "list_type": "ต้องเป็นรายการ",
    "dict_type": "ต้องเป็นชุดคีย์และค่า",
    "model_type": "ต้องเป็นชุดคีย์และค่า",
    "bool_type": "ต้องเป็น true หรือ false",
}


def _node_at(root, path) -> tuple[yaml.Node, bool]:
    """The node at ``path`` (or the deepest existing one); True when the whole path exists."""
    node = root
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next(
                ((key, value) for key, value in node.value if key.value == str(step)), None
            )
            if match is None:
                return node, False
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                return node, False
            node = node.value[step]
        else:
            return node, False
    return node, True


def _key_node(root, path):
    parent, _found = _node_at(root, path[:-1])
    if isinstance(parent, yaml.MappingNode):
        for key, _value in parent.value:
            if key.value == str(path[-1]):
                return key
    return parent


def _error(file, node, th, en) -> ProfileError:
    mark = node.start_mark
    return ProfileError(file, mark.line + 1, mark.column + 1, th, en)


def _duplicate_keys(root, file) -> list[ProfileError]:
    errors, stack = [], [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                if key.value in seen:
                    errors.append(
                        _error(file, key, f"คีย์ “{key.value}” ซ้ำ", f"duplicate key “{key.value}”")
                    )
                seen.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return errors


def read_profile(path: str | Path) -> Profile:
    """The validated profile in ``path``; raises ProfileInvalid listing every problem."""
    path = Path(path)
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileInvalid(
            [ProfileError(file, 0, 0, "อ่านไฟล์ไม่ได้", f"cannot read the file ({exc})")]
        ) from exc
    return parse_profile(text, file)


def parse_profile(text: str, file: str = "<profile>") -> Profile:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise ProfileInvalid(
            [
                ProfileError(
                    file, line, column, "รูปแบบ YAML ไม่ถูกต้อง", f"malformed YAML: {exc.problem}"
                )
            ]
        ) from exc
    if root is None or not isinstance(data, dict):
        raise ProfileInvalid(
            [ProfileError(file, 1, 1, "ไฟล์ต้องเป็นชุดคีย์และค่า", "the file must be a mapping")]
        )
    errors = _duplicate_keys(root, file)
    if errors:
        raise ProfileInvalid(errors)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        for problem in exc.errors():
            loc = tuple(problem["loc"])
            kind = problem["type"]
            key = loc[-1] if loc else ""
            if kind == "extra_forbidden":
                node = _key_node(root, loc)
            else:
                node, _found = _node_at(root, loc)
            th = THAI.get(kind, "ค่าไม่ถูกต้อง").format(key=key)
            if kind == "literal_error":
                th += f" ({problem['ctx'].get('expected', '')})"
            errors.append(_error(file, node, f"{'.'.join(map(str, loc))}: {th}", problem["msg"]))
        raise ProfileInvalid(errors) from exc
    for loc, th, en in check_references(profile):
        node, _found = _node_at(root, loc)
        errors.append(_error(file, node, f"{'.'.join(map(str, loc))}: {th}", en))
    if errors:
        raise ProfileInvalid(errors)
    return profile
