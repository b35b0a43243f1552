"""Where the project's folders and files are. Every stage finds them here."""

from __future__ import annotations

from pathlib import Path

#: The project folder: the one with mkdocs.yml, providers/ and data/.
ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
#: The profiles' folder, relative to a project root.
PROVIDERS_DIR = "providers"
SCHEMA_PATH = ROOT / "schema" / "provider.schema.json"
#: The vendored HSDS 3.0 (Open Referral) schemas and data package.
HSDS_DIR = ROOT / "schema" / "hsds-3.0"
#: What builds keep between runs to save work: never published, never committed.
CACHE_DIR = ROOT / ".cache" / "microcare"
