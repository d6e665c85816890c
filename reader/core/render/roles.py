"""The role the article gives an entity ("the Secretary of State"), as the entity list, the
follow bar and the export's entity index show it: the first role the article states."""

from __future__ import annotations

from reader.core.model import Entity, Role


def entity_role(entity: Entity) -> Role | None:
    """The first stated role among the entity's mentions (in text order), or None."""
    return min(
        (mention.role for mention in entity.mentions if mention.role is not None),
        key=lambda role: role.start,
        default=None,
    )


def role_text(entity: Entity) -> str:
    """The first stated role on one line ("" when the article states none)."""
    role = entity_role(entity)
    return " ".join(role.text.split()) if role is not None else ""
