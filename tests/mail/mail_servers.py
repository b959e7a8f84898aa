"""Real mail servers for the Python end-to-end tests, the twin of
tests/support/mail_servers.hpp (the C++ tests): Dovecot (Debian
dovecot-imapd) serving one user's Maildir over plain IMAP on a loopback
port, configured from the same template (tests/mail/dovecot.conf.in), and
the aiosmtpd sink (tests/mail/smtp_sink.py) that stores each message it
accepts as JSON. Both live in a throwaway folder and stop with stop()."""
import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DOVECOT = "/usr/sbin/dovecot"
PYTHON = "/usr/bin/python3"  # Debian's, where python3-aiosmtpd lives
USER = "helpdesk"
PASSWORD = "kata-sandi-uji"


def missing():
    """Empty when both servers can run here; else what is missing."""
    if not os.access(DOVECOT, os.X_OK):
        return "dovecot (Debian dovecot-imapd) is not installed"
    if subprocess.run([PYTHON, "-c", "import aiosmtpd"], capture_output=True).returncode != 0:
        return "python3-aiosmtpd is not installed"
    return ""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_port(port, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        if port_open(port):
            return True
        time.sleep(0.05)
    return False


class MailDir:
    """A temp folder every user can reach: when the tests run as root,
    Dovecot's mail processes run as nobody."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="lpse-mail-")
        os.chmod(self.path, 0o777)

    def remove(self):
        shutil.rmtree(self.path, ignore_errors=True)


class Dovecot:
    def __init__(self, directory):
        self.dir = directory
        self.port = free_port()
        self.seq = 0
        os.makedirs(os.path.join(directory, "base"), exist_ok=True)
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(self.maildir(), sub), exist_ok=True)
        for root, dirs, _ in os.walk(os.path.join(directory, "mail")):
            os.chmod(root, 0o777)
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o777)
        root = os.geteuid() == 0
        uid = "65534" if root else str(os.geteuid())
        gid = "65534" if root else str(os.getegid())
        user = ""
        if not root:
            name = pwd.getpwuid(os.geteuid()).pw_name
            user = (f"default_internal_user = {name}\ndefault_login_user = {name}\n"
                    f"default_internal_group = {os.getegid()}\n")
        with open(os.path.join(HERE, "dovecot.conf.in"), encoding="utf-8") as f:
            conf = f.read()
        for key, value in (("@DIR@", directory), ("@PORT@", str(self.port)), ("@TLS_PORT@", "0"),
                           ("@UID@", uid), ("@GID@", gid), ("@SSL@", "ssl = no"), ("@USER@", user)):
            conf = conf.replace(key, value)
        with open(os.path.join(directory, "dovecot.conf"), "w", encoding="utf-8") as f:
            f.write(conf)
        with open(os.path.join(directory, "passwd"), "w", encoding="utf-8") as f:
            f.write(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        self.proc = subprocess.Popen([DOVECOT, "-F", "-c", os.path.join(directory, "dovecot.conf")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        if not wait_port(self.port):
            self.stop()
            raise AssertionError("dovecot did not start: " + self.log())

    def maildir(self):
        return os.path.join(self.dir, "mail", USER)

    def log(self):
        try:
            with open(os.path.join(self.dir, "dovecot.log"), encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def deliver(self, raw, received_s):
        """Delivers a raw message (bytes) as an MTA does (Maildir tmp -> new);
        its file time becomes the INTERNALDATE Dovecot reports."""
        self.seq += 1
        name = f"{int(received_s)}.M{self.seq}P{os.getpid()}.lpse-test"
        tmp = os.path.join(self.maildir(), "tmp", name)
        with open(tmp, "wb") as f:
            f.write(raw)
        os.chmod(tmp, 0o666)
        os.utime(tmp, (received_s, received_s))
        os.rename(tmp, os.path.join(self.maildir(), "new", name))

    def stop(self):
        # SIGKILL: Dovecot's helpers exit when their master goes.
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class SmtpSink:
    def __init__(self, directory):
        self.dir = os.path.join(directory, "smtp")
        os.makedirs(self.dir, exist_ok=True)
        self.port = free_port()
        self.proc = subprocess.Popen([PYTHON, os.path.join(HERE, "smtp_sink.py"), "--port", str(self.port),
                                      "--dir", self.dir], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        ready = self.proc.stdout.readline()
        if "ready" not in ready or not wait_port(self.port):
            self.stop()
            raise AssertionError("the SMTP sink did not start: " + ready)

    def messages(self):
        out = []
        for path in sorted(glob.glob(os.path.join(self.dir, "*.json"))):
            with open(path, encoding="utf-8") as f:
                out.append(json.load(f))
        return out

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
