"""The proxies the environment names (`http_proxy`, `https_proxy`, `all_proxy`, `no_proxy`,
upper or lower case), as httpx mounts that keep the client's deadline sockets.

httpx reads these variables itself only when it builds its own transport; the client builds
one (for its deadline), so it reads them here, with the rules httpx and curl follow: a
`no_proxy` entry is a host (and its subdomains), an IP address, `localhost`, a `scheme://host`
pattern, or `*` for no proxy at all. Only http(s) proxies are supported; any other scheme is
a `ValueError` with one line for a user.
"""

from __future__ import annotations

import ipaddress
import os
import ssl
from collections.abc import Callable, Mapping

import httpx

from reader.core.web.transport import proxied_transport

PROXY_SCHEMES = frozenset({"http", "https"})


def _env(environ: Mapping[str, str], name: str) -> str:
    return (environ.get(name.lower()) or environ.get(name.upper()) or "").strip()


def environment_proxies(environ: Mapping[str, str] | None = None) -> dict[str, str | None]:
    """URL pattern → proxy address, or None for "no proxy" (as httpx's `mounts` patterns)."""
    env = os.environ if environ is None else environ
    found: dict[str, str | None] = {}
    every = _env(env, "all_proxy")
    for scheme in ("http", "https"):
        proxy = _env(env, f"{scheme}_proxy") or every
        if proxy:
            found[f"{scheme}://"] = proxy if "://" in proxy else f"http://{proxy}"
    if not found:
        return {}
    for entry in _env(env, "no_proxy").split(","):
        host = entry.strip()
        if host == "*":
            return {}
        if not host:
            continue
        if "://" in host:
            found[host] = None
        elif _is_ip(host):
            found[f"all://{host}" if ":" not in host else f"all://[{host}]"] = None
        elif host.lower() == "localhost":
            found[f"all://{host}"] = None
        else:
            found[f"all://*{host.lstrip('*')}"] = None  # the host and its subdomains
    return found


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def proxy_transport(proxy: str, ssl_context: ssl.SSLContext) -> httpx.BaseTransport:
    """A transport through `proxy` whose sockets keep the request deadline."""
    url = httpx.URL(proxy)
    if url.scheme not in PROXY_SCHEMES:
        raise ValueError(
            f"the proxy {proxy!r} is not an http or https proxy; Broadsheet supports only those"
        )
    return proxied_transport(url, ssl_context)


def environment_mounts(
    direct: httpx.BaseTransport,
    make_proxy: Callable[[str], httpx.BaseTransport],
    environ: Mapping[str, str] | None = None,
) -> dict[str, httpx.BaseTransport]:
    """httpx `mounts` for the environment's proxies: `direct` where `no_proxy` says so."""
    made: dict[str, httpx.BaseTransport] = {}
    mounts: dict[str, httpx.BaseTransport] = {}
    for pattern, proxy in environment_proxies(environ).items():
        if proxy is None:
            mounts[pattern] = direct
        else:
            if proxy not in made:
                made[proxy] = make_proxy(proxy)
            mounts[pattern] = made[proxy]
    return mounts
