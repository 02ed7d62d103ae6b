"""A small Chrome DevTools protocol client on the standard library only (no pip package):
starts headless Chromium, opens a page, evaluates JavaScript in it and collects what the page
logged. Used by the browser tests of `interlock serve` (scripts/check-serve-in-browser.py)."""

import base64
import json
import os
import re
import select
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request


class DevToolsError(Exception):
    """The browser or the protocol failed."""


class WebSocket:
    """A client WebSocket (RFC 6455): text frames only, which is all DevTools speaks."""

    def __init__(self, url):
        match = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        if not match:
            raise DevToolsError(f"not a ws:// address: {url}")
        host, port, path = match.group(1), int(match.group(2)), match.group(3)
        self.sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise DevToolsError("the browser closed the connection during the handshake")
            response += chunk
        head, _, self.buffer = response.partition(b"\r\n\r\n")
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise DevToolsError(f"handshake refused: {head[:200]!r}")

    def send(self, text):
        payload = text.encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        length = len(payload)
        if length < 126:
            header += bytes([0x80 | length])
        elif length < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", length)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", length)
        masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise DevToolsError("the browser closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self, timeout):
        """The next text message, or None when none comes within `timeout` seconds."""
        if not self.buffer:
            ready, _, _ = select.select([self.sock], [], [], timeout)
            if not ready:
                return None
        message = b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(length)
            opcode = first & 0x0F
            if opcode == 8:
                raise DevToolsError("the browser closed the page's connection")
            if opcode in (0, 1, 2):
                message += payload
            if first & 0x80 and opcode in (0, 1, 2):
                return message.decode()


class Browser:
    """Headless Chromium with one page driven over DevTools."""

    def __init__(self, chromium, width=1400, height=1000):
        self.profile = tempfile.mkdtemp(prefix="interlock-chromium-")
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             f"--window-size={width},{height}", "--remote-debugging-port=0", f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = self._devtools_port()
        deadline = time.time() + 30
        page = None
        while page is None and time.time() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
                page = next((target for target in json.load(answer) if target.get("type") == "page"), None)
            if page is None:
                time.sleep(0.2)
        if page is None:
            raise DevToolsError("Chromium opened no page")
        self.socket = WebSocket(page["webSocketDebuggerUrl"])
        self.next_id = 0
        self.log = []
        self.call("Runtime.enable")
        self.call("Log.enable")
        self.call("Page.enable")

    def _devtools_port(self):
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            match = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if match:
                return int(match.group(1))
        raise DevToolsError("Chromium did not start its DevTools server")

    def call(self, method, timeout=60, **params):
        self.next_id += 1
        ident = self.next_id
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.time() + timeout
        while time.time() < deadline:
            message = self.socket.receive(max(0.05, deadline - time.time()))
            if message is None:
                continue
            data = json.loads(message)
            if data.get("id") == ident:
                if "error" in data:
                    raise DevToolsError(f"{method}: {data['error']}")
                return data.get("result", {})
            self._note(data)
        raise DevToolsError(f"{method} got no answer in {timeout} s")

    def _note(self, event):
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.log.append("exception: " + str(details.get("exception", {}).get("description") or details.get("text")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning"):
            self.log.append("console: " + " ".join(str(arg.get("value", arg.get("description"))) for arg in params.get("args", [])))
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            if entry.get("level") in ("error", "warning"):
                self.log.append(f"log ({entry.get('source')}): {entry.get('text')}")

    def navigate(self, url):
        """Opens `url` and waits until its document has loaded (a script evaluated before that
        would see the previous page, or none)."""
        self.call("Page.navigate", url=url)
        self.wait_for(f"location.href === {json.dumps(url)} && document.readyState === 'complete'", what=f"{url} to load")

    def evaluate(self, expression, timeout=60):
        """The value of a JavaScript expression (awaited when it is a promise)."""
        result = self.call("Runtime.evaluate", timeout=timeout, expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise DevToolsError(f"{expression[:80]}: {result['exceptionDetails'].get('exception', {}).get('description')}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=20, what=None):
        """Evaluates `expression` until it is truthy; fails naming `what` after `timeout` seconds."""
        deadline = time.time() + timeout
        failure = None
        while time.time() < deadline:
            try:
                value = self.evaluate(expression)
            except DevToolsError as error:
                # The page may be between two documents, or still building what is asked for.
                failure, value = error, None
            if value:
                return value
            time.sleep(0.1)
        raise DevToolsError(f"timed out after {timeout} s waiting for {what or expression}" + (f" (last error: {failure})" if failure else ""))

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))

    def close(self):
        try:
            self.process.terminate()
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
