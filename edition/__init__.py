"""edition: plain-text transcriptions into TEI P5 digital editions.

The pipeline, one stage per module, data flowing one way:
read text (source) → find blocks (blocks) → recognise structure (recognise/*, adding
spans) → build TEI (tei) → validate (validate) → transform (publish/*).
"""

from pathlib import Path

__version__ = "0.1.0"

#: The project folder that holds xslt/ and schemas/ (the package is installed editable).
PROJECT_DIR = Path(__file__).resolve().parent.parent
XSLT_DIR = PROJECT_DIR / "xslt"
SCHEMA_DIR = PROJECT_DIR / "schemas"
