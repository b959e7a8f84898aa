#!/usr/bin/env python3
"""Issue #14 end to end with real X input (xdotool) on a real lpse-kiosk and
two real lpse-desk windows: a visitor ticks "Prioritas" (elderly) on the
service page and takes a number; the ticket screen, the printed ticket's
PNG and the ticket-status view (the ticket scanned back) carry the mark; the
helpdesk's "next" calls it before an ordinary ticket that came first. Then
the visitor presses "Butuh bantuan petugas" twenty times: one alert, shown
on the signed-in helpdesk desk and on an Admin PPE desk that signs in
afterwards; the Admin PPE desk answers "Saya datang", the alert leaves both
desks, and the kiosk says someone is coming. --shots DIR keeps screenshots."""
import argparse
import glob
import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import System, desk_sign_in, http_post, need_display, wait_until  # noqa: E402

KW, KH = 1366, 768
DW, DH = 1200, 900


def shot(x, w, h, shots, name):
    if not shots:
        return
    os.makedirs(shots, exist_ok=True)
    path = os.path.join(shots, name)
    time.sleep(0.5)  # the frame after the last change
    subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+{x}+0", "+repage", path], check=True)
    assert os.path.getsize(path) > 10000, path


def events(s, kind):
    db = sqlite3.connect(os.path.join(s.tmp, "lpse.db"))
    try:
        return db.execute("SELECT COUNT(*) FROM events WHERE kind = ?", (kind,)).fetchone()[0]
    finally:
        db.close()


def help_ack_id(desk):
    for it in (desk.ui() or {}).get("widgets", []):
        if it.get("id", "").startswith("help_ack_"):
            return it["id"]
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shots", default="")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    need_display()

    with System(args, "lpse-e2e-priority-", keep=args.keep) as s:
        pin = s.add_staff("siti", "helpdesk")
        s.add_staff("rina", "admin_ppe")
        kiosk = s.kiosk(f"{KW}x{KH}", "0,0")
        helpdesk = s.desk(f"{DW}x{DH}", f"{KW + 10},0", name="helpdesk")
        desk_sign_in(helpdesk, "siti", pin)
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))

        # Someone came first, with an ordinary ticket.
        visit = {"service": "reset", "name": "Agus", "role": "ppk", "agency": "Dinas PU",
                 "phone": "081234567890", "consent": True, "documents": ["request_form", "sk_penunjukan"]}
        first = http_post(s.base + "/api/tickets", visit, s.token())
        assert first["case"]["ticket"] == "R-001", first

        # The priority visitor: Prioritas first, then the service.
        for attempt in range(3):
            kiosk.click("start")
            try:
                kiosk.wait_step("service", timeout=5)
                break
            except AssertionError:
                if attempt == 2:
                    raise
        kiosk.click("priority_elderly")
        wait_until("priority ticked", lambda: kiosk.note("priority") == "elderly")
        shot(0, KW, KH, args.shots, "kiosk-priority-service.png")
        kiosk.click("service_reset")
        kiosk.wait_step("scan")
        kiosk.click("type_instead")
        kiosk.wait_step("role")
        kiosk.click("role_ppk")
        kiosk.click("doc_sk_penunjukan")
        kiosk.click("next")
        kiosk.wait_step("details")
        kiosk.type_into("field_name", "Ibu Sumarni")
        kiosk.type_into("field_agency", "Dinas Sosial")
        kiosk.click("next")
        kiosk.wait_step("contact")
        kiosk.type_into("field_phone", "081298765432")
        kiosk.click("next")
        kiosk.wait_step("confirm")
        kiosk.click("consent")
        kiosk.click("take_number")
        ticket = wait_until("ticket on the kiosk screen", lambda: kiosk.note("ticket"))
        assert ticket == "R-002", ticket
        assert kiosk.note("ticket_priority") == "elderly", kiosk.note("ticket_priority")
        mark = kiosk.item("ticket_priority")["text"]
        assert mark.startswith("PRIORITAS") and "Lansia" in mark, mark
        # Called before R-001: nobody ahead.
        assert "0 orang" in kiosk.item("ahead")["text"], kiosk.item("ahead")
        pngs = wait_until("printed ticket PNG", lambda: glob.glob(os.path.join(s.tmp, "tickets", "*.png")))
        assert len(pngs) == 1, pngs
        db = sqlite3.connect(os.path.join(s.tmp, "lpse.db"))
        rows = db.execute("SELECT ticket, priority_category FROM cases ORDER BY id").fetchall()
        db.close()
        assert rows == [("R-001", ""), ("R-002", "elderly")], rows

        # The ticket scanned back: its status carries the mark.
        token = kiosk.note("ticket_token")
        kiosk.click("done")
        kiosk.wait_step("attract")
        kiosk.click("have_ticket")
        kiosk.wait_step("ticket_scan")
        kiosk.wedge_scan(token)
        assert wait_until("ticket status", lambda: kiosk.note("status_state")) == "waiting"
        assert kiosk.note("status_priority") == "elderly", kiosk.note("status_priority")
        kiosk.click("status_done")
        kiosk.wait_step("attract")

        # The helpdesk's "next": the priority ticket, though R-001 came first.
        wait_until("helpdesk can call", lambda: (helpdesk.item("call_next") or {}).get("enabled"))
        helpdesk.click("call_next")
        assert wait_until("called", lambda: helpdesk.note("case_ticket")) == "R-002"

        # The call for help: twenty presses, one alert.
        kiosk.click("start")
        kiosk.wait_step("service")
        x, y = kiosk.center("help")
        for _ in range(20):
            subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
            time.sleep(0.03)
        wait_until("help raised on the kiosk", lambda: kiosk.note("help") == "raised")
        text = wait_until("alert on the helpdesk", lambda: helpdesk.note("help_alert"))
        assert text.startswith("Kiosk 1: pengunjung meminta bantuan"), text
        assert events(s, "help_requested") == 1, events(s, "help_requested")
        # A desk signing in later sees it too.
        admin = s.desk(f"{DW}x{DH}", f"{KW + DW + 20},0", name="admin")
        desk_sign_in(admin, "rina", pin)
        wait_until("alert on the Admin PPE desk", lambda: admin.note("help_alert"))
        shot(KW + 10, DW, DH, args.shots, "desk-help-alert.png")
        assert kiosk.alive() and helpdesk.alive() and admin.alive()

        # Admin PPE answers; the alert leaves both desks; the kiosk is told.
        ack = wait_until("answer button", lambda: help_ack_id(admin))
        admin.click(ack)
        wait_until("alert gone from the Admin PPE desk", lambda: admin.note("help_alert") is None)
        wait_until("alert gone from the helpdesk", lambda: helpdesk.note("help_alert") is None)
        wait_until("kiosk: someone is coming", lambda: kiosk.note("help") == "coming")
        said = kiosk.item("help_text")["text"]
        assert "menuju" in said, said
        shot(0, KW, KH, args.shots, "kiosk-help-coming.png")
        assert events(s, "help_acknowledged") == 1
        # The same visitor pressing again: no second alert.
        kiosk.click("help_close")
        kiosk.click("help")
        time.sleep(0.5)
        assert kiosk.note("help") == "coming", kiosk.note("help")
        assert events(s, "help_requested") == 1
        print("e2e priority and help: ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
