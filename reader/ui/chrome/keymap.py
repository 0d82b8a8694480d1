"""User keymaps: `keymap.toml` in the user config dir, `[keys]` mapping binding ids to keys.

[keys]
side-by-side = "b"
toggle-star = "f,*"
"""

from __future__ import annotations

from pathlib import Path


class KeymapError(Exception):
    """The keymap file exists but cannot be used; the message is one line for the user."""


def default_keymap_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("broadsheet") / "keymap.toml"


def load_keymap(path: Path | None, known_ids: set[str]) -> dict[str, str]:
    """The `[keys]` table of `path` ({} if there is no file). Raises `KeymapError`."""
    if path is None or not path.is_file():
        return {}
    import tomllib  # (only when there is a file: start-up does not pay for the parser)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise KeymapError(f"{path}: {exc}") from exc
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        raise KeymapError(f'{path}: [keys] must be a table of binding id = "key"')
    bad = [k for k, v in keys.items() if not isinstance(v, str) or not v.strip()]
    unknown = sorted(set(keys) - known_ids)
    if bad:
        raise KeymapError(f"{path}: not a key string for {', '.join(sorted(bad))}")
    if unknown:
        raise KeymapError(f"{path}: unknown binding ids {', '.join(unknown)}")
    return {str(k): str(v).strip() for k, v in keys.items()}
