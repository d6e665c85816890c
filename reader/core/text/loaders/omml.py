"""Office Math (OMML, the `m:` equations of a .docx) as one line of linear text.

The linear form is close to Word's own linear format (UnicodeMath): a fraction "(a+b)/c", a
power "x^2", an index "x_i", a root "√(x)" (with a degree "√(3&x)"), a big operator with its
limits "∑_(i=1)^n i", brackets with their own characters, a matrix "■(a&b@c&d)". An argument of
more than one letter or digit is put in parentheses. What the converter does not know (an
accent, a bar, a box) gives its base's text. Nesting deeper than MAX_DEPTH gives the plain text
of the rest, so a hostile file cannot exhaust the stack.
"""

from __future__ import annotations

from lxml import etree

__all__ = ["MATH_NAMESPACES", "MAX_DEPTH", "linear_math"]

MATH_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://purl.oclc.org/ooxml/officeDocument/math",
    }
)
MAX_DEPTH = 40
# Elements whose children are the arguments, named by role.
_SCRIPTS = {"sSup": "^", "sSub": "_"}
_LIMITS = {"limLow": "_", "limUpp": "^"}


def math_name(element: etree._Element) -> str:
    """The local name of an OMML element ("oMath", "f"); "" for other namespaces."""
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    namespace, _, name = tag[1:].partition("}")
    return name if namespace in MATH_NAMESPACES else ""


def linear_math(element: etree._Element) -> str:
    """An `m:oMath` or `m:oMathPara` element as linear text ("" when it holds no text); the
    equations of an `m:oMathPara` one per line."""
    if not any(text.strip() for text in _texts(element)):
        return ""
    if math_name(element) == "oMathPara":
        lines = (_linear(child, 0) for child in element if math_name(child) == "oMath")
        return "\n".join(line for line in lines if line)
    return _linear(element, 0).strip()


def _linear(element: etree._Element, depth: int) -> str:
    """Each element's text made once from its children's (no element is read twice)."""
    name = math_name(element)
    if depth > MAX_DEPTH:
        return "".join(_texts(element))
    if name == "t":
        return element.text or ""
    if name.endswith("Pr"):  # properties: no text
        return ""
    children = [(math_name(child), _linear(child, depth + 1)) for child in element]
    children = [(child, text) for child, text in children if child]
    args: dict[str, str] = {}
    for child, text in children:
        args.setdefault(child, text)
    if name == "f":
        return f"{_grouped(args.get('num', ''))}/{_grouped(args.get('den', ''))}"
    if name in _SCRIPTS:
        script = args.get("sup" if name == "sSup" else "sub", "")
        return f"{_grouped(args.get('e', ''))}{_SCRIPTS[name]}{_grouped(script)}"
    if name == "sSubSup":
        base, sub, sup = args.get("e", ""), args.get("sub", ""), args.get("sup", "")
        return f"{_grouped(base)}_{_grouped(sub)}^{_grouped(sup)}"
    if name == "sPre":
        pre = f"_{_grouped(args.get('sub', ''))}^{_grouped(args.get('sup', ''))}"
        return f"{pre}{_grouped(args.get('e', ''))}"
    if name == "rad":
        degree = args.get("deg", "")
        return f"√({degree}&{args.get('e', '')})" if degree else f"√({args.get('e', '')})"
    if name == "nary":
        sign = _property(element, "naryPr", "chr") or "∫"
        sub, sup = args.get("sub", ""), args.get("sup", "")
        limits = (f"_{_grouped(sub)}" if sub else "") + (f"^{_grouped(sup)}" if sup else "")
        return f"{sign}{limits} {args.get('e', '')}"
    if name in _LIMITS:
        return f"{args.get('e', '')}{_LIMITS[name]}{_grouped(args.get('lim', ''))}"
    if name == "func":
        argument = args.get("e", "")
        separator = "" if argument.startswith(("(", "[", "{")) else " "
        return f"{args.get('fName', '')}{separator}{argument}"
    cells = [text for child, text in children if child == "e"]
    if name == "d":  # brackets and separator: Word's defaults "(", ")", "|"
        opening, closing, separator = (
            _property(element, "dPr", key) for key in ("begChr", "endChr", "sepChr")
        )
        inner = ("|" if separator is None else separator).join(cells)
        return f"{'(' if opening is None else opening}{inner}{')' if closing is None else closing}"
    if name == "mr":  # a matrix row
        return "&".join(cells)
    if name == "m":
        return f"■({'@'.join(text for child, text in children if child == 'mr')})"
    if name == "eqArr":
        return f"█({'@'.join(cells)})"
    return "".join(text for _, text in children)


def _property(element: etree._Element, holder: str, name: str) -> str | None:
    """An OMML property's `m:val` (None when not set; "" when set empty, as Word allows)."""
    for properties in element:
        if math_name(properties) == holder:
            for setting in properties:
                if math_name(setting) == name:
                    return next(
                        (value for key, value in setting.attrib.items() if key.endswith("}val")),
                        None,
                    )
    return None


def _grouped(text: str) -> str:
    """An argument as it stands in linear form: a single letter, a number or a group already
    bracketed as is; anything else in parentheses."""
    if len(text) <= 1 or text.isalnum() or text.replace(".", "", 1).isdigit():
        return text
    if text[0] in "([{" and _balanced_group(text):
        return text
    return f"({text})"


def _balanced_group(text: str) -> bool:
    """Whether the text's first bracket closes at its last character."""
    depth = 0
    for position, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth == 0:
            return position == len(text) - 1
    return False


def _texts(element: etree._Element) -> list[str]:
    return [node.text or "" for node in element.iter() if math_name(node) == "t"]
