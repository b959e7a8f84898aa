#!/usr/bin/env python3
"""A returning visitor at the kiosk. Their old ticket, shown on the scan page
(a keyboard-wedge scanner types its QR), fills the guest book with their last
entry (NIP, phone and e-mail shown masked); the typing pages are skipped,
consent is asked again, and the data
notice quotes the server's retention period. A finished ticket scanned on the
attract screen offers "a new number with the same details". After the
retention purge (`lpse db purge`) the same ticket brings nothing back, the
kiosk says why, and the entry is empty in the database; the hash chain's
head (`lpse db anchor`) still verifies, a forged one does not."""
import argparse
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import System, http_post, kiosk_guest_book, need_display, staff_session, wait_until  # noqa: E402

NAME = "Siti Nur'aini"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    need_display()
    with System(args, "lpse-e2e-return-") as s:
        kiosk = s.kiosk()
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        kiosk_guest_book(kiosk, NAME, "Dinas Pekerjaan Umum", "081234567890", nip="198503302010122001")
        kiosk.click("consent")
        kiosk.click("take_number")
        assert wait_until("first ticket", lambda: kiosk.note("ticket")) == "R-001"
        token = kiosk.note("ticket_token")
        kiosk.click("done")
        kiosk.wait_step("attract")

        # Back another day for the other service, old ticket in hand.
        kiosk.click("start")
        kiosk.wait_step("service")
        kiosk.click("service_userid")
        kiosk.wait_step("scan")
        kiosk.wedge_scan(token)
        kiosk.wait_step("role")
        kiosk.click("next")
        kiosk.wait_step("confirm")  # the entry is valid: no typing pages
        assert kiosk.item("value_name")["text"] == NAME, kiosk.item("value_name")
        # Contact data of a recalled entry are masked: the ticket may have
        # been found by someone else. The server still gets them whole.
        assert kiosk.item("value_phone")["text"] == "0812\u2022\u2022\u2022\u2022\u2022890", kiosk.item("value_phone")
        assert "0201012" not in kiosk.item("value_nip")["text"], kiosk.item("value_nip")
        notice = kiosk.item("consent_text")["text"]
        assert "365 hari" in notice, notice
        # Consent is never carried over from the last visit.
        kiosk.click("take_number")
        wait_until("consent asked again", lambda: kiosk.item("consent_error"))
        kiosk.click("consent")
        kiosk.click("take_number")
        assert wait_until("second ticket", lambda: kiosk.note("ticket")) == "U-001"
        kiosk.click("done")
        kiosk.wait_step("attract")
        db = sqlite3.connect(os.path.join(s.tmp, "lpse.db"))
        rows = db.execute("SELECT v.name, v.nip, v.phone, c.service FROM visits v JOIN cases c ON c.visit_id = v.id"
                          " ORDER BY v.id").fetchall()
        assert rows == [(NAME, "198503302010122001", "081234567890", "reset"),
                        (NAME, "198503302010122001", "081234567890", "userid")], rows

        # R-001 is withdrawn by a supervisor; its visit is made 400 days old.
        s.add_staff("spv", "supervisor")
        session = staff_session(s.base, "spv")
        case_id = db.execute("SELECT id FROM cases WHERE ticket='R-001'").fetchone()[0]
        http_post(f"{s.base}/api/cases/{case_id}/actions", {"action": "cancel", "reason": "withdrawn"}, session)

        # A finished ticket on the attract screen: a new number, same details.
        kiosk.wedge_scan(token)
        assert wait_until("status", lambda: kiosk.note("status_state")) == "cancelled"
        kiosk.click("register_again")
        kiosk.wait_step("service")
        wait_until("recalled", lambda: kiosk.item("recalled"))
        kiosk.click("cancel")
        kiosk.wait_step("attract")

        db.execute("UPDATE visits SET created_ms = created_ms - 400*86400000"
                   " WHERE id = (SELECT visit_id FROM cases WHERE ticket='R-001')")
        db.commit()
        out = s.lpse("db", "purge", capture_output=True, text=True, check=True).stdout
        assert "1 guest-book entries" in out, out
        row = db.execute("SELECT name, nip, phone, email, purged_ms > 0 FROM visits v JOIN cases c"
                         " ON c.visit_id = v.id WHERE c.ticket='R-001'").fetchone()
        assert row == ("", "", "", "", 1), row
        kept = db.execute("SELECT name FROM visits v JOIN cases c ON c.visit_id = v.id"
                          " WHERE c.ticket='U-001'").fetchone()
        assert kept == (NAME,), kept
        db.close()

        # The purged ticket brings nothing back, and the kiosk says why.
        kiosk.wedge_scan(token)
        assert wait_until("status", lambda: kiosk.note("status_state")) == "cancelled"
        kiosk.click("register_again")
        kiosk.wait_step("service")
        err = wait_until("recall refused", lambda: kiosk.item("recall_error"))
        assert "dihapus" in err["text"], err
        kiosk.click("service_reset")
        kiosk.wait_step("scan")  # nothing filled: the visitor types or scans a form
        assert kiosk.alive()

        # The purge left the hash chain whole; its head, written down (the
        # server logs it hourly), proves later that nothing was cut or redone.
        anchor = s.lpse("db", "anchor", capture_output=True, text=True, check=True).stdout.strip()
        assert re.fullmatch(r"\d+:[0-9a-f]{64}", anchor), anchor
        ok = s.lpse("db", "verify", "--anchor", anchor, capture_output=True, text=True)
        assert ok.returncode == 0 and "matches the anchor" in ok.stdout, (ok.stdout, ok.stderr)
        forged = s.lpse("db", "verify", "--anchor", anchor.split(":")[0] + ":" + "0" * 64,
                        capture_output=True, text=True)
        assert forged.returncode == 1 and "rewritten" in forged.stderr, (forged.stdout, forged.stderr)
        with open(os.path.join(s.tmp, "server.log"), encoding="utf-8") as f:
            assert 'msg="chain head" anchor=' in f.read(), "the server did not log the chain head"
        print("e2e kiosk returning visitor: ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
