#!/usr/bin/python3
"""A real SMTP server on loopback for the reminder tests: every message received is written to a maildir.

    /usr/bin/python3 scripts/smtp-for-tests.py PORT MAILDIR

Needs Debian's python3-aiosmtpd (for /usr/bin/python3, not a pyenv or venv python). Prints "listening 127.0.0.1:PORT" once it accepts connections and runs until
stdin closes or it is killed (the test fixture owns it).
"""
import sys

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Mailbox
except ImportError:
    print("python3-aiosmtpd is missing: sudo apt-get install -y python3-aiosmtpd", file=sys.stderr)
    sys.exit(3)

port, maildir = int(sys.argv[1]), sys.argv[2]
controller = Controller(Mailbox(maildir), hostname="127.0.0.1", port=port)
controller.start()
print(f"listening 127.0.0.1:{port}", flush=True)
try:
    sys.stdin.read()
finally:
    controller.stop()
