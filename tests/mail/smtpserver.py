#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real SMTP server for RentDesk's integration tests, and the tools around it.

Run with Debian's Python, which has python3-aiosmtpd and python3-cryptography:

    /usr/bin/python3 tests/mail/smtpserver.py make-certs DIR
    /usr/bin/python3 tests/mail/smtpserver.py serve --mode starttls|implicit|plain --cert F --key F
        [--user U --password P] [--refuse-rcpt ADDRESS ...] [--quiet] [--lifetime SECONDS]
    /usr/bin/python3 tests/mail/smtpserver.py send-smtplib --port N --dir DIR

`serve` speaks one JSON object per line on stdout (see emit()); it stops when stdin
reaches EOF, on SIGTERM or SIGINT, or after --lifetime seconds, so that a test that
dies cannot leave it behind.
"""

import argparse
import asyncio
import base64
import datetime
import email
import email.policy
import email.utils
import json
import logging
import os
import re
import signal
import socket
import ssl
import sys
import threading
import time
import warnings

PROG = "smtpserver.py"

# Exit codes that the C++ wrapper turns into its error messages.
EXIT_FAILURE = 1
EXIT_MISSING_MODULE = 3


def fail(message, code=EXIT_FAILURE):
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


def require(module, package):
    """Imports a module that Debian packages separately, naming the package when it is missing."""
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as error:
        fail(f"the Python module {module} is missing for {sys.executable} ({error}); "
             f"install the Debian package {package} (apt-get install {package})", EXIT_MISSING_MODULE)


# ---------------------------------------------------------------------------------------
# make-certs


def make_certs(directory):
    x509 = require("cryptography.x509", "python3-cryptography")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    import ipaddress

    now = datetime.datetime.now(datetime.timezone.utc)
    day = datetime.timedelta(days=1)

    def name(common_name):
        return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "RentDesk tests"),
                          x509.NameAttribute(NameOID.COMMON_NAME, common_name)])

    def write(filename, data, private=False):
        path = os.path.join(directory, filename)
        # Keys are created unreadable to others from the start rather than chmod-ed later.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
        with os.fdopen(fd, "wb") as file:
            file.write(data)

    def make_ca(common_name):
        key = ec.generate_private_key(ec.SECP256R1())
        public = key.public_key()
        cert = (x509.CertificateBuilder()
                .subject_name(name(common_name)).issuer_name(name(common_name))
                .public_key(public).serial_number(x509.random_serial_number())
                .not_valid_before(now - day).not_valid_after(now + 30 * day)
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                             key_encipherment=False, data_encipherment=False,
                                             key_agreement=False, key_cert_sign=True, crl_sign=True,
                                             encipher_only=False, decipher_only=False), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
                .sign(key, hashes.SHA256()))
        return key, cert

    def make_leaf(ca_key, ca_cert, common_name, sans, not_before, not_after):
        key = ec.generate_private_key(ec.SECP256R1())
        public = key.public_key()
        ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        cert = (x509.CertificateBuilder()
                .subject_name(name(common_name)).issuer_name(ca_cert.subject)
                .public_key(public).serial_number(x509.random_serial_number())
                .not_valid_before(not_before).not_valid_after(not_after)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                             key_encipherment=False, data_encipherment=False,
                                             key_agreement=False, key_cert_sign=False, crl_sign=False,
                                             encipher_only=False, decipher_only=False), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
                .add_extension(x509.SubjectAlternativeName(sans), critical=False)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
                .sign(ca_key, hashes.SHA256()))
        return key, cert

    def pem(cert):
        return cert.public_bytes(serialization.Encoding.PEM)

    def key_pem(key):
        return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())

    os.makedirs(directory, exist_ok=True)
    ca_key, ca_cert = make_ca("RentDesk Test CA")
    _, other_ca_cert = make_ca("RentDesk Unrelated CA")
    localhost = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    leaves = {
        "server": ("localhost", localhost, now - day, now + 30 * day),
        "wrong-host": ("wrong.example", [x509.DNSName("wrong.example")], now - day, now + 30 * day),
        # Right name, right CA, but over: only the validity period is wrong.
        "expired": ("localhost", localhost, now - 60 * day, now - 30 * day),
    }
    write("ca.pem", pem(ca_cert))
    write("other-ca.pem", pem(other_ca_cert))
    for stem, (common_name, sans, not_before, not_after) in leaves.items():
        key, cert = make_leaf(ca_key, ca_cert, common_name, sans, not_before, not_after)
        write(f"{stem}.pem", pem(cert))
        write(f"{stem}.key", key_pem(key), private=True)


# ---------------------------------------------------------------------------------------
# serve


class Output:
    """One JSON object per line, flushed at once: the test reads each line as it arrives."""

    def __init__(self, on_broken_pipe):
        self.on_broken_pipe = on_broken_pipe
        self.broken = False

    def emit(self, event):
        if self.broken:
            return
        try:
            # ASCII with \u escapes, so that the output does not depend on the locale's encoding.
            sys.stdout.write(json.dumps(event) + "\n")
            sys.stdout.flush()
        except (BrokenPipeError, OSError):
            # The reader is gone, so nobody can be waiting for this server any more.
            self.broken = True
            self.on_broken_pipe()


def header_text(message, header):
    """The header as written (unfolded), not as the email package re-renders it."""
    for key, value in message.raw_items():
        if key.lower() == header.lower():
            return re.sub(r"\r?\n(?=[ \t])", "", str(value)).strip()
    return None


def defect_text(defect):
    text = str(defect)
    return f"{type(defect).__name__}: {text}" if text else type(defect).__name__


def collect_defects(part, prefix=""):
    defects = [prefix + defect_text(d) for d in part.defects]
    for key in part.keys():
        try:
            header = part[key]
        except Exception as error:  # A header that cannot be parsed at all is a defect too.
            defects.append(f"{prefix}{key}: {type(error).__name__}: {error}")
            continue
        defects.extend(f"{prefix}{key}: {defect_text(d)}" for d in getattr(header, "defects", ()))
    return defects


def first_address(message, header):
    try:
        value = message[header]
        addresses = getattr(value, "addresses", ()) if value is not None else ()
    except Exception:
        addresses = ()
    if not addresses:
        return None, None
    return addresses[0].display_name, addresses[0].addr_spec


def describe_part(part, index, defects):
    transfer_encoding = part.get("Content-Transfer-Encoding")
    described = {
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "transfer_encoding": str(transfer_encoding).strip().lower() if transfer_encoding is not None else None,
        "filename": part.get_filename(),
        "content": None,
    }
    try:
        content = part.get_content()
        if isinstance(content, str):
            described["content"] = content
        elif isinstance(content, bytes):
            described["content_b64"] = base64.b64encode(content).decode("ascii")
        else:
            described["content"] = str(content)
    except Exception as error:
        defects.append(f"part {index}: get_content failed: {type(error).__name__}: {error}")
    return described


def describe_message(raw):
    """What a strict reader would make of the bytes: the headers, every leaf part, every defect."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    defects = collect_defects(message)
    parts = []
    leaves = [p for p in message.walk() if not p.is_multipart()] if message.is_multipart() else [message]
    for index, part in enumerate(leaves):
        if part is not message:
            defects.extend(collect_defects(part, f"part {index}: "))
        parts.append(describe_part(part, index, defects))
    # Multipart containers can carry defects (missing boundary, bad preamble) of their own.
    for part in message.walk():
        if part is not message and part.is_multipart():
            defects.extend(collect_defects(part, "container: "))

    date = header_text(message, "Date")
    date_valid = False
    if date is not None:
        try:
            date_valid = email.utils.parsedate_to_datetime(date).tzinfo is not None
        except (TypeError, ValueError, IndexError):
            date_valid = False
    from_name, from_address = first_address(message, "From")
    to_name, to_address = first_address(message, "To")
    try:
        subject = message["Subject"]
        subject = str(subject) if subject is not None else None
    except Exception as error:
        subject = None
        defects.append(f"Subject: {type(error).__name__}: {error}")
    lines = re.split(rb"\r\n|\n|\r", raw)
    return {
        "subject": subject,
        "from_name": from_name,
        "from_address": from_address,
        "to_name": to_name,
        "to_address": to_address,
        "message_id": header_text(message, "Message-ID"),
        "date": date,
        "date_valid": date_valid,
        "mime_version": header_text(message, "MIME-Version"),
        "content_type": message.get_content_type(),
        "parts": parts,
        "defects": defects,
        "max_line_octets": max(len(line) for line in lines),
        "bare_lf": re.search(rb"(?<!\r)\n", raw) is not None,
        "bare_cr": re.search(rb"\r(?!\n)", raw) is not None,
    }


class Handler:
    def __init__(self, output, refused, quiet):
        self.output = output
        self.refused = {address.casefold() for address in refused}
        self.quiet = quiet
        self.messages = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.casefold() in self.refused:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        if self.quiet:
            return "250 OK"
        # original_content: the bytes as received, after aiosmtpd removed the dot-stuffing.
        raw = bytes(envelope.original_content)
        event = {
            "event": "message",
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "mail_options": list(envelope.mail_options),
            "tls": server.transport is not None and server.transport.get_extra_info("ssl_object") is not None,
            "authenticated_user": session.auth_data if session.authenticated else None,
            "raw_b64": base64.b64encode(raw).decode("ascii"),
        }
        try:
            event.update(describe_message(raw))
        except Exception as error:
            # The message was accepted; a parser failure is a finding for the test, not a 451.
            event["defects"] = [f"parse failed: {type(error).__name__}: {error}"]
        self.output.emit(event)
        return "250 OK"


def make_authenticator(output, user, password):
    from aiosmtpd.smtp import AuthResult

    expected = (user.encode("utf-8"), password.encode("utf-8"))

    def authenticate(server, session, envelope, mechanism, auth_data):
        login, secret = bytes(auth_data.login), bytes(auth_data.password)
        ok = (login, secret) == expected
        output.emit({"event": "auth", "mechanism": mechanism, "user": login.decode("utf-8", "replace"), "ok": ok})
        if ok:
            return AuthResult(success=True, auth_data=user)
        return AuthResult(success=False, handled=False)

    return authenticate


def server_context(cert, key):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as error:
        fail(f"cannot load the certificate {cert} with the key {key}: {error}")
    return context


def serve(args):
    smtp = require("aiosmtpd.smtp", "python3-aiosmtpd")
    tls = args.mode in ("starttls", "implicit")
    if tls and not (args.cert and args.key):
        fail(f"--mode {args.mode} needs --cert and --key")
    if tls and (args.user is None or args.password is None):
        fail(f"--mode {args.mode} needs --user and --password")
    context = server_context(args.cert, args.key) if tls else None

    # Session.login_data's deprecation notice on every AUTH and the "AUTH without TLS"
    # warning for implicit mode (where TLS is there, but not from STARTTLS) are noise on
    # stderr, which the wrapper reports as the script's error output; errors still show.
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")

    async def run():
        loop = asyncio.get_running_loop()
        stopping = asyncio.Event()
        reasons = []

        def stop(reason):
            reasons.append(reason)
            stopping.set()

        output = Output(lambda: loop.call_soon_threadsafe(stop, "stdout closed"))
        handler = Handler(output, args.refuse_rcpt, args.quiet)

        options = {"hostname": "localhost"}  # socket.getfqdn() can stall for long without a network.
        if args.mode == "starttls":
            options.update(tls_context=context, require_starttls=True, auth_required=True,
                           authenticator=make_authenticator(output, args.user, args.password))
        elif args.mode == "implicit":
            # aiosmtpd only counts TLS it negotiated itself through STARTTLS: with
            # auth_require_tls it would never offer AUTH on an implicit-TLS connection.
            # Every byte here is encrypted, so not requiring it again is safe.
            options.update(auth_required=True, auth_require_tls=False,
                           authenticator=make_authenticator(output, args.user, args.password))

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))  # Port 0: the kernel picks a free port, so tests never collide.
        sock.setblocking(False)
        server = await loop.create_server(lambda: smtp.SMTP(handler, loop=loop, **options), sock=sock,
                                          ssl=context if args.mode == "implicit" else None)
        port = sock.getsockname()[1]

        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop, signal.Signals(signum).name)
        loop.call_later(args.lifetime, stop, "lifetime")

        def watch_stdin():
            # EOF means the test closed the pipe or died; either way the server has no reader.
            try:
                while os.read(0, 65536):
                    pass
            except OSError:
                pass
            loop.call_soon_threadsafe(stop, "stdin")

        threading.Thread(target=watch_stdin, daemon=True).start()
        output.emit({"event": "ready", "port": port})
        await stopping.wait()
        server.close()
        output.emit({"event": "stopped", "messages": handler.messages, "reason": reasons[0]})

    asyncio.run(run())


# ---------------------------------------------------------------------------------------
# send-smtplib


def send_smtplib(args):
    import smtplib

    with open(os.path.join(args.dir, "manifest.json"), encoding="utf-8") as file:
        manifest = json.load(file)
    messages = []
    for entry in manifest:
        with open(os.path.join(args.dir, entry["file"]), "rb") as file:
            messages.append((entry["from"], entry["to"], file.read()))
    # Read before the clock starts: the benchmark measures SMTP, not the disk.
    start = time.perf_counter()
    client = smtplib.SMTP("127.0.0.1", args.port)
    client.ehlo()
    for sender, recipients, data in messages:
        refused = client.sendmail(sender, recipients, data)
        if refused:
            fail(f"recipients refused: {refused}")
    client.quit()
    seconds = time.perf_counter() - start
    print(json.dumps({"event": "sent", "messages": len(messages), "seconds": seconds}), flush=True)


# ---------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    certs = commands.add_parser("make-certs", help="write a throw-away CA and server certificates")
    certs.add_argument("dir")

    server = commands.add_parser("serve", help="run an SMTP server on 127.0.0.1 on a free port")
    server.add_argument("--mode", choices=("starttls", "implicit", "plain"), required=True)
    server.add_argument("--cert")
    server.add_argument("--key")
    server.add_argument("--user")
    server.add_argument("--password")
    server.add_argument("--refuse-rcpt", action="append", default=[], metavar="ADDRESS")
    server.add_argument("--quiet", action="store_true", help="no message events; only the count at exit")
    server.add_argument("--lifetime", type=float, default=600.0, metavar="SECONDS")

    sender = commands.add_parser("send-smtplib", help="send a folder of messages with smtplib (benchmark)")
    sender.add_argument("--port", type=int, required=True)
    sender.add_argument("--dir", required=True)

    args = parser.parse_args()
    try:
        if args.command == "make-certs":
            make_certs(args.dir)
        elif args.command == "serve":
            serve(args)
        else:
            send_smtplib(args)
    except KeyboardInterrupt:
        pass
    except (OSError, ValueError, KeyError) as error:
        fail(f"{args.command}: {type(error).__name__}: {error}")


if __name__ == "__main__":
    main()
