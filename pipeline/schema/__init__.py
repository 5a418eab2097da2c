"""The published record schema and its validator."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..errors import RecordError

SCHEMA_PATH = Path(__file__).with_name("record.schema.json")


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate(rec: dict) -> None:
    """Raise :class:`RecordError` E103 naming the first schema violation."""
    err = next(iter(_validator().iter_errors(rec)), None)
    if err is not None:
        where = "/".join(str(p) for p in err.absolute_path) or "(record)"
        raise RecordError("E103", id=rec.get("id") if isinstance(rec, dict) else None, detail=f"at {where}: {err.message[:200]}")
