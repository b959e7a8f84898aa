#!/usr/bin/env python3
"""The walking skeleton end to end: a visitor registers at the kiosk with
real X input, the ticket prints (virtual printer PNG), the desk presses
"next", the wall display shows the number."""
import argparse
import glob
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import System, desk_sign_in, http_json, kiosk_guest_book, need_display, wait_until  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    need_display()

    with System(args, "lpse-e2e-", keep=args.keep) as s:
        kiosk = s.kiosk("1280x1000", "0,0")
        display = s.display("1200x700", "1290,0")
        desk = s.desk("1200x700", "2500,0")
        desk_sign_in(desk, "petugas", s.add_staff("petugas"))

        # The kiosk: touch to start, fill the guest book, take a number.
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        kiosk_guest_book(kiosk, "Siti Nur'aini", "Dinas Pekerjaan Umum", "081234567890")
        kiosk.click("consent")
        kiosk.click("take_number")
        ticket = wait_until("ticket on the kiosk screen", lambda: kiosk.note("ticket"))
        assert ticket == "R-001", ticket
        pngs = wait_until("printed ticket PNG", lambda: glob.glob(os.path.join(s.tmp, "tickets", "*.png")))
        assert len(pngs) == 1, pngs

        # The visit is in the server, with what was typed.
        board = http_json(s.base + "/api/board", s.token())
        assert board["waiting"]["reset"] == 1, board

        # The desk calls next; the display shows the number.
        wait_until("desk can call", lambda: (desk.item("call_next") or {}).get("enabled"))
        desk.click("call_next")
        assert wait_until("desk shows the case", lambda: desk.note("case_ticket")) == "R-001"
        t0 = time.time()
        called = wait_until("display shows the call", lambda: display.note("called_number"), timeout=5, step=0.05)
        print(f"display showed {called} {time.time() - t0:.2f}s after the desk showed it")
        assert called == "R-001", called
        assert display.note("called_counter") == "Loket 1"

        shot = os.path.join(s.tmp, "display-after-call.png")
        subprocess.run(["import", "-window", "root", "-crop", "1200x700+1290+0", shot], check=True)
        assert os.path.getsize(shot) > 10000

        # The event log is intact after all of it.
        verify = s.lpse("db", "verify", capture_output=True, text=True)
        assert verify.returncode == 0, verify.stderr
        # lpse doctor sees the same healthy system (config, db, server, printer).
        doctor = s.lpse("doctor", capture_output=True, text=True)
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr
        assert doctor.stdout.count(" ok ") == 6, doctor.stdout  # config, database, server, kiosk, display, printer
        for w in s.windows:
            assert w.alive(), f"{w.name} exited"
        print("e2e walking skeleton: ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
