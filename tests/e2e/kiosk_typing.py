#!/usr/bin/env python3
"""The typing path end to end, as a visitor with no keyboard does it: touch
to start, service, "type my details" (no camera here), role and documents,
name and agency typed, NIP and phone tapped on the on-screen number pad,
confirm, consent, take a number. The ticket prints on the virtual printer,
the visit is in the server's database with what was entered, and scanning
the ticket (a keyboard-wedge scanner types its QR) shows its status."""
import argparse
import glob
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import System, http_json, kiosk_guest_book, need_display, wait_until  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    need_display()
    with System(args, "lpse-e2e-kiosk-") as s:
        kiosk = s.kiosk()
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        t0 = time.time()
        kiosk_guest_book(kiosk, "Siti Nur'aini", "Dinas Pekerjaan Umum", "081234567890",
                         nip="198503302010122001", by_touch=True)
        # The confirm page shows what will be recorded.
        assert kiosk.item("value_name")["text"] == "Siti Nur'aini", kiosk.item("value_name")
        assert kiosk.item("value_nip")["text"] == "198503302010122001"
        assert kiosk.item("value_phone")["text"] == "081234567890"
        assert kiosk.item("missing_docs") is None, "SK ticked, nothing should be missing"
        # No consent, no number: the consent page says so.
        kiosk.click("take_number")
        wait_until("consent error", lambda: kiosk.item("consent_error"))
        assert kiosk.note("ticket") is None
        kiosk.click("consent")
        kiosk.click("take_number")
        ticket = wait_until("ticket on the kiosk screen", lambda: kiosk.note("ticket"))
        assert ticket == "R-001", ticket
        print(f"typing path: touch to start -> ticket in {time.time() - t0:.1f} s of xdotool input")
        assert kiosk.item("ticket_qr") is not None, "no QR on the ticket screen"
        pngs = wait_until("printed ticket PNG", lambda: glob.glob(os.path.join(s.tmp, "tickets", "*.png")))
        assert len(pngs) == 1, pngs
        state = wait_until("printed", lambda: (kiosk.item("print_state") or {}).get("text"))
        assert state.startswith("Ambil"), state

        # The visit is in the server, as entered, with the consent recorded.
        board = http_json(s.base + "/api/board", s.token())
        assert board["waiting"]["reset"] == 1, board
        db = sqlite3.connect(os.path.join(s.tmp, "lpse.db"))
        rows = db.execute("SELECT name, nip, role, agency, phone, consent, documents, language FROM visits").fetchall()
        db.close()
        assert rows == [("Siti Nur'aini", "198503302010122001", "ppk", "Dinas Pekerjaan Umum", "081234567890", 1,
                         '["request_form","sk_penunjukan"]', "id")], rows

        # The same ticket, scanned at the kiosk: a wedge scanner types the QR.
        token = kiosk.note("ticket_token")
        assert token, "the ticket screen did not note its token"
        kiosk.click("done")
        kiosk.wait_step("attract")
        kiosk.click("have_ticket")
        kiosk.wait_step("ticket_scan")
        assert kiosk.item("camera_notice") is not None, "no camera: the page must say so"
        kiosk.wedge_scan(token)
        assert wait_until("ticket status", lambda: kiosk.note("status_state")) == "waiting"
        assert kiosk.item("status_number")["text"] == "R-001"
        assert "0 orang" in kiosk.item("status_text")["text"], kiosk.item("status_text")
        assert kiosk.alive()
        print("e2e kiosk typing path: ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
