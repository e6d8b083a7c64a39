"""Fail if a YAML or JSON file does not parse."""

import json
import sys

import yaml

bad = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as fh:
            json.load(fh) if path.endswith(".json") else yaml.safe_load(fh)
    except Exception as err:  # noqa: BLE001
        print(f"{path} : {err}")
        bad += 1
sys.exit(1 if bad else 0)
