"""The web client reaches httpcore through public API only (no private httpx attributes)."""

from __future__ import annotations

import ast
import ssl
from pathlib import Path

import httpx
import pytest

import reader.core.web as web
from reader.core.web.transport import PoolTransport, direct_transport, proxied_transport


def test_no_module_of_the_web_room_sets_a_private_attribute_of_httpx() -> None:
    for path in Path(web.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                owner = node.value
                mine = isinstance(owner, ast.Name) and owner.id == "self"
                assert mine or not node.attr.startswith("_"), f"{path.name}: sets .{node.attr}"


def test_an_httpcore_error_becomes_the_matching_httpx_error() -> None:
    transport = direct_transport(ssl.create_default_context())
    with httpx.Client(transport=transport) as client, pytest.raises(httpx.ConnectError):
        client.get("http://127.0.0.1:9/")  # the discard port: nothing listens there


def test_proxied_and_direct_transports_are_pool_transports() -> None:
    context = ssl.create_default_context()
    proxied = proxied_transport(httpx.URL("http://user:pw@127.0.0.1:9"), context)
    assert isinstance(proxied, PoolTransport)
    assert isinstance(direct_transport(context), PoolTransport)
