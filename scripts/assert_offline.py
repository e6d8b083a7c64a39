"""Fail unless the network is unreachable (only loopback works)."""

import socket
import sys

for host, port in [("1.1.1.1", 443), ("8.8.8.8", 53)]:
    try:
        socket.create_connection((host, port), timeout=2).close()
    except OSError:
        continue
    sys.exit(f"[offline] {host}:{port} est joignable : l'isolation réseau ne fonctionne pas.")
try:
    socket.getaddrinfo("pypi.org", 443)
except OSError:
    pass
else:
    sys.exit("[offline] la résolution DNS fonctionne : l'isolation réseau ne fonctionne pas.")
with socket.socket() as server:  # loopback must work (Jupyter kernels use it)
    server.bind(("127.0.0.1", 0))
    server.listen()
    socket.create_connection(server.getsockname(), timeout=2).close()
print("[offline] réseau coupé (seule l'interface locale répond)", file=sys.stderr)
