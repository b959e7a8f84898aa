#!/usr/bin/env python3
"""Issue #12, the e-mail channel end to end through two real `lpse-desk`
windows with real X input (xdotool): Dovecot and an aiosmtpd sink run on
loopback (tests/mail/mail_servers.py), request e-mails are delivered into
the helpdesk mailbox, and lpse-server reads them over IMAP ([email] on).

- An e-mail that arrived minutes ago is in the helpdesk's "waiting for me"
  with its time left; one from eight days ago is overdue, in red (no fixed
  clock needed: a request eight days old is past its same-working-day
  deadline whatever the time now).
- Bad input: a message with no sender opens no case (the server logs why);
  one with raw Latin-1 bytes in its subject and 300 attachments becomes a
  case the desk opens and shows; a step on a case another desk has just
  moved is refused with a sentence in Indonesian, nothing is written, and
  the desk carries on.
- The helpdesk opens the e-mail (step 4), checks the documents (5) and
  forwards it (8); Admin PPE verifies (9), records the reset (10) and passes
  the result on (12); the helpdesk sends the reply (14): it arrives at the
  SMTP sink addressed to the sender, with the very text the desk showed;
  Admin PPE archives (13). The event log holds every step and the reply.
--shots DIR keeps screenshots of the e-mail screens."""
import argparse
import os
import re
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "mail"))
import mail_servers  # noqa: E402
from desk_sop import press, reach, state, tick, type_in  # noqa: E402
from lpse_e2e import SKIP, System, desk_sign_in, http_json, http_post, need_display, staff_session, wait_until  # noqa: E402,E501

W, H = 1180, 1150


def shot(shots, name, x):
    if not shots:
        return
    os.makedirs(shots, exist_ok=True)
    time.sleep(0.35)  # the frame after the last input
    path = os.path.join(shots, name)
    subprocess.run(["import", "-window", "root", "-crop", f"{W}x{H}+{x}+0", "+repage", path], check=True)
    assert os.path.getsize(path) > 10000, path


def email_config(s, dovecot, sink, mail_dir):
    """[email] turned on against the loopback servers (the keys the example
    config leaves commented out are filled in where they stand)."""
    password = os.path.join(mail_dir, "imap.password")
    with open(password, "w", encoding="utf-8") as f:
        f.write(mail_servers.PASSWORD + "\n")
    keys = {"enabled": "true", "imap_host": '"127.0.0.1"', "imap_port": str(dovecot.port), "imap_tls": '"none"',
            "imap_user": f'"{mail_servers.USER}"', "imap_password_file": f'"{password}"', "poll_seconds": "10",
            "smtp_host": '"127.0.0.1"', "smtp_port": str(sink.port), "smtp_tls": '"none"',
            "smtp_from": '"helpdesk@lpse.example.go.id"'}
    with open(s.cfg, encoding="utf-8") as f:
        text = f.read()
    head, section = text.split("\n[email]\n", 1)
    end = re.search(r"^\[", section, re.M)
    body, tail = (section[:end.start()], section[end.start():]) if end else (section, "")
    for key, value in keys.items():
        body, n = re.subn(rf"^(# )?{key} = .*$", f"{key} = {value}", body, count=1, flags=re.M)
        assert n == 1, f"email.{key} not in the example config"
    with open(s.cfg, "w", encoding="utf-8") as f:
        f.write(head + "\n[email]\n" + body + tail)


def message(sender, subject, body="Mohon diproses.", attachments=("SK Penunjukan.pdf",), msgid=None):
    """A raw request e-mail (bytes): multipart with PDF attachments."""
    head = (f"{sender}To: helpdesk@lpse.example.go.id\r\n".encode() + b"Subject: " + subject + b"\r\n" +
            f"Message-ID: <{msgid or time.time_ns()}@example.go.id>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n".encode())
    parts = f"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    for name in attachments:
        parts += (f"--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n"
                  "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n")
    return head + (parts + "--b--\r\n").encode()


def cases_by_sender(s, token):
    """Open e-mail cases: sender address -> case detail."""
    out = {}
    for c in (http_json(s.base + "/api/cases", token) or {}).get("cases", []):
        d = http_json(f"{s.base}/api/cases/{c['id']}", token)
        if d and d["visit"] and d["visit"].get("channel") == "email":
            out[d["visit"]["email"]] = d
    return out


def open_case(desk, case_id, want):
    """Opens a case from the lists and waits until the desk shows it, read
    from the server, in state `want` (the previous case may be in the same state)."""
    desk.click(f"work_{case_id}")
    wait_until(f"{desk.name} shows case {case_id}", lambda: desk.note("case_id") == str(case_id))
    state(desk, want)


def step(desk, item_id, want):
    """Presses a step's button until the desk shows the state it leads to:
    a click that lands while the panel still scrolls from the drag that
    brought the button into view is lost. Pressing again is safe: the SOP
    refuses a step the case has already taken."""
    for attempt in range(3):
        press(desk, item_id)
        try:
            return state(desk, want, timeout=8)
        except AssertionError:
            if attempt == 2:
                raise


def history(s, case_id, token):
    d = http_json(f"{s.base}/api/cases/{case_id}", token)
    return [h["kind"] for h in d["history"]], d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shots", default="")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    need_display()
    why = mail_servers.missing()
    if why:
        print("SKIP:", why)
        return SKIP

    mail_dir = mail_servers.MailDir()
    dovecot = sink = None
    try:
        dovecot = mail_servers.Dovecot(mail_dir.path)
        sink = mail_servers.SmtpSink(mail_dir.path)
        now = time.time()
        dovecot.deliver(message("From: Budi Santoso <budi@dinas.example.go.id>\r\n", b"Lupa user ID PPK",
                                msgid="budi"), now - 8 * 86400)
        dovecot.deliver(message("From: \"Siti Rahmawati\" <siti@pokja.example.go.id>\r\n",
                                b"=?UTF-8?Q?Permohonan_reset_password_=E2=80=93_Pokja?=", msgid="siti"), now - 300)
        # Bad input: no sender at all; raw Latin-1 bytes and 300 attachments.
        dovecot.deliver(message("", b"tolong reset", msgid="nobody"), now - 200)
        dovecot.deliver(message("From: Agus <agus@pu.example.go.id>\r\n", b"reset caf\xe9 \xff",
                                attachments=[f"lampiran-{i}.pdf" for i in range(300)], msgid="many"), now - 100)

        system = System(args, "lpse-e2e-desk-email-", keep=args.keep)
        email_config(system, dovecot, sink, mail_dir.path)
        with system as s:
            pin = s.add_staff("siti", "helpdesk")
            s.add_staff("agus", "helpdesk")
            s.add_staff("rina", "admin_ppe")
            token = staff_session(s.base, "siti")
            other = staff_session(s.base, "agus")  # a second helpdesk, at its own desk (by API)
            mails = wait_until("three e-mail cases from the mailbox",
                               lambda: (lambda m: m if len(m) == 3 else None)(cases_by_sender(s, token)), timeout=40)
            siti, budi, agus = (mails[a]["case"]["id"] for a in
                                ("siti@pokja.example.go.id", "budi@dinas.example.go.id", "agus@pu.example.go.id"))
            with open(os.path.join(s.tmp, "server.log"), encoding="utf-8", errors="replace") as f:
                log = f.read()
            assert 'msg="mail skipped" reason=no_sender' in log, log[-2000:]
            assert mails["siti@pokja.example.go.id"]["visit"]["name"] == "Siti Rahmawati"
            assert mails["siti@pokja.example.go.id"]["case"]["state"] == "email_received"

            admin_cfg = s.config_copy("admin.toml", 'counter = "Loket 1"', 'counter = "Admin PPE 1"')
            helpdesk = s.desk(f"{W}x{H}", "0,0", name="helpdesk")
            admin = s.window("lpse-desk", "admin", f"{W}x{H}", f"{W + 20},0", cfg=admin_cfg)
            desk_sign_in(helpdesk, "siti", pin)
            desk_sign_in(admin, "rina", pin)

            # Step 4's list: each e-mail with its deadline; the old one overdue.
            item = wait_until("the e-mails in the list", lambda: helpdesk.item(f"work_{siti}"))
            assert "sisa " in item["text"], item
            assert wait_until("overdue in red", lambda: helpdesk.note(f"overdue_{budi}")) == "1"
            assert "TERLAMBAT " in helpdesk.item(f"work_{budi}")["text"]
            assert helpdesk.note(f"overdue_{siti}") is None
            assert helpdesk.item("waiting_for_me")["text"] == "Menunggu saya (3)", helpdesk.item("waiting_for_me")
            shot(args.shots, "desk-helpdesk-email-inbox.png", 0)

            # The malformed one opens and shows (its subject decoded as far as
            # it goes, the attachment list cut to fit).
            open_case(helpdesk, agus, "email_received")
            purpose = wait_until("purpose", lambda: (helpdesk.item("visit_purpose") or {}).get("text"))
            assert purpose.startswith("reset caf\u00e9") and "Lampiran/Attachments (300)" in purpose, purpose

            # A case another desk has just moved: the overdue e-mail is open
            # here and the staff member's finger is on "Open e-mail" when the
            # other helpdesk opens it first. (The desk is paused while that
            # happens, so the release lands before this desk has read the
            # news: the server must refuse the step.)
            open_case(helpdesk, budi, "email_received")
            assert "TERLAMBAT" in wait_until("deadline shown", lambda: (helpdesk.item("email_due") or {}).get("text"))
            reach(helpdesk, "open_email")
            x, y = helpdesk.center("open_email")
            subprocess.run(["xdotool", "mousemove", str(x), str(y)], check=True)
            time.sleep(0.05)
            subprocess.run(["xdotool", "mousedown", "1"], check=True)
            time.sleep(0.4)
            os.kill(helpdesk.proc.pid, signal.SIGSTOP)
            try:
                http_post(f"{s.base}/api/cases/{budi}/actions", {"action": "open_email"}, other)
                before, _ = history(s, budi, token)
                subprocess.run(["xdotool", "mouseup", "1"], check=True)
            finally:
                os.kill(helpdesk.proc.pid, signal.SIGCONT)
            assert wait_until("refused", lambda: helpdesk.note("error")) == "invalid_transition"
            refusal = helpdesk.item("message")["text"]
            assert refusal.startswith("Permohonan ini baru saja diproses di meja lain"), refusal
            assert history(s, budi, token)[0] == before, "nothing written"
            state(helpdesk, "checking")  # the case read again: opened at the other desk
            shot(args.shots, "desk-helpdesk-moved-elsewhere.png", 0)

            # The desk carries on: the on-time e-mail, steps 4, 5, 8.
            open_case(helpdesk, siti, "email_received")
            assert "sisa " in wait_until("time left", lambda: (helpdesk.item("email_due") or {}).get("text"))
            shot(args.shots, "desk-helpdesk-email-open.png", 0)
            step(helpdesk, "open_email", "checking")
            tick(helpdesk, "doc_request_form", lambda: "request_form" in (helpdesk.note("ticked") or ""))
            tick(helpdesk, "doc_sk_penunjukan", lambda: "sk_penunjukan" in (helpdesk.note("ticked") or ""))
            wait_until("forward enabled", lambda: helpdesk.item("forward_to_admin")["enabled"])
            step(helpdesk, "forward_to_admin", "at_admin_queue")

            # Admin PPE, steps 9, 10, 12.
            wait_until("admin can take the dossier", lambda: (admin.item("call_next") or {}).get("enabled"))
            shot(args.shots, "desk-admin-lists.png", W + 20)
            admin.click("call_next")
            state(admin, "verifying")
            assert admin.note("case_id") == str(siti)
            tick(admin, "basis_spse_data", lambda: (admin.any_item("mark_valid") or {}).get("enabled"))
            step(admin, "mark_valid", "valid")
            tick(admin, "outcome_password_reset", lambda: (admin.any_item("record_result") or {}).get("enabled"))
            step(admin, "record_result", "result_ready")
            step(admin, "notify_result", "notified")

            # Step 14 by e-mail: the desk shows the reply the server will send.
            open_case(helpdesk, siti, "notified")
            assert helpdesk.item("reply_auto"), "the server mails the reply: the desk says so"
            assert helpdesk.note("reply_to") == "siti@pokja.example.go.id"
            shown = wait_until("reply text", lambda: helpdesk.note("reply_body"))
            assert "Yth. Siti Rahmawati" in shown and "(E-%d)" % siti in shown, shown
            assert not helpdesk.item("callback") and not helpdesk.item("slip_print")
            assert sink.messages() == []
            shot(args.shots, "desk-helpdesk-email-send.png", 0)
            step(helpdesk, "deliver", "handed_back")
            mail = wait_until("the reply at the SMTP sink", lambda: sink.messages(), timeout=30)
            assert len(mail) == 1, mail
            m = mail[0]
            assert m["rcpt_tos"] == ["siti@pokja.example.go.id"], m
            assert "Siti Rahmawati" in m["to"] and "(E-%d)" % siti in m["subject"], m
            assert m["body"].replace("\r\n", "\n").strip() == shown.strip(), (m["body"], shown)
            assert "Kata sandi sementara tidak dicantumkan" in m["body"]

            # Step 13 after the reply, with the archive reference.
            open_case(admin, siti, "handed_back")
            wait_until("the reply on the case", lambda: any(
                "terkirim" in (it.get("text") or "") for it in admin.ui()["widgets"] if it["id"].startswith("hist_")))
            type_in(admin, "archive_ref", "ARS/2026/12/0007")
            step(admin, "archive", "delivered")
            kinds, detail = history(s, siti, token)
            assert kinds == ["email_received", "open_email", "forward_to_admin", "start_verify", "mark_valid",
                             "record_result", "notify_result", "deliver", "mail_reply", "archive"], kinds
            codes = {h["kind"]: h["code"] for h in detail["history"]}
            assert codes["mail_reply"] == "sent" and codes["archive"] == "ARS/2026/12/0007", codes
            assert detail["visit"]["channel"] == "email"

            verify = s.lpse("db", "verify", capture_output=True, text=True)
            assert verify.returncode == 0, verify.stderr
            for w in s.windows:
                assert w.alive(), f"{w.name} exited"
            print("e2e desk e-mail (IMAP -> helpdesk -> Admin PPE -> SMTP reply): ok")
            return 0
    finally:
        for server in (sink, dovecot):
            if server:
                server.stop()
        if dovecot and not args.keep:
            mail_dir.remove()


if __name__ == "__main__":
    sys.exit(main())
