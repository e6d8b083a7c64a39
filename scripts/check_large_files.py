"""Fail if a file is larger than 5 MB (the repository keeps data small)."""

import os
import sys

LIMIT = 5 * 1024 * 1024
big = [p for p in sys.argv[1:] if os.path.getsize(p) > LIMIT]
for p in big:
    print(f"fichier trop gros (> 5 Mo) : {p}")
sys.exit(1 if big else 0)
