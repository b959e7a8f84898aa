#!/usr/bin/env python3
"""The scan path end to end: the request form is made with `lpse form`,
printed to an image (pdftoppm), and shown to the kiosk's camera (an
image-file frame source: the same capture thread, decoder and flow as a
USB camera). The kiosk reads the QR, fills the guest book, and the visitor
only picks documents, gives consent and takes a number; the visit in the
server holds exactly what the form carried."""
import argparse
import glob
import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import System, need_display, wait_until  # noqa: E402

NAME = "Dr. Ir. Hj. Siti Nur'aini, S.T., M.Eng."


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    need_display()
    with System(args, "lpse-e2e-scan-") as s:
        # The form, as the applicant brings it: filled PDF -> printed page.
        subprocess.run([os.path.join(args.bin, "lpse"), "form", "--out", os.path.join(s.tmp, "form.pdf"),
                        "--service", "reset", "--role", "ppk", "--name", NAME, "--nip", "198503302010122001",
                        "--agency", "Dinas Pekerjaan Umum", "--phone", "081234567890",
                        "--email", "siti@example.go.id"], check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", os.path.join(s.tmp, "form.pdf"),
                        os.path.join(s.tmp, "form")], check=True)
        s.edit_config('camera = "none"', f'camera = "{os.path.join(s.tmp, "form.png")}"')
        kiosk = s.kiosk()
        t0 = time.time()
        # Shown on the attract screen, the form starts the visit by itself
        # and carries the service: the next page is the role.
        kiosk.wait_step("role", timeout=30)
        print(f"scan path: form read and guest book filled {time.time() - t0:.1f} s after start")
        assert kiosk.note("step") == "role"
        kiosk.click("doc_sk_penunjukan")
        kiosk.click("next")
        # Everything else came from the form: straight to the summary.
        kiosk.wait_step("confirm")
        assert kiosk.item("value_name")["text"] == NAME, kiosk.item("value_name")
        assert kiosk.item("value_nip")["text"] == "198503302010122001"
        assert kiosk.item("value_phone")["text"] == "081234567890"
        kiosk.click("consent")
        kiosk.click("take_number")
        ticket = wait_until("ticket on the kiosk screen", lambda: kiosk.note("ticket"))
        assert ticket == "R-001", ticket
        pngs = wait_until("printed ticket PNG", lambda: glob.glob(os.path.join(s.tmp, "tickets", "*.png")))
        assert len(pngs) == 1, pngs
        db = sqlite3.connect(os.path.join(s.tmp, "lpse.db"))
        rows = db.execute("SELECT name, nip, role, agency, phone, email, consent FROM visits").fetchall()
        db.close()
        assert rows == [(NAME, "198503302010122001", "ppk", "Dinas Pekerjaan Umum", "081234567890",
                         "siti@example.go.id", 1)], rows
        print(f"scan path: start -> ticket in {time.time() - t0:.1f} s")
        # The printed ticket's QR reads back (same decoder) to its LPSE-T1 payload.
        out = subprocess.run([os.path.join(args.bin, "lpse"), "scan", pngs[0]], capture_output=True, text=True)
        assert out.stdout.startswith("LPSE-T1:"), out.stdout
        assert kiosk.alive()
        print("e2e kiosk scan path: ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
