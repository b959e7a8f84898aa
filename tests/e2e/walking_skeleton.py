#!/usr/bin/env python3
"""The walking skeleton end to end: a visitor registers at the kiosk with
real X input, the ticket prints (virtual printer PNG), the desk presses
"next", the wall display shows the number."""
import argparse
import glob
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import (Window, add_staff, desk_sign_in, device_token, free_port, http_json, kiosk_guest_book, need_display, register_devices,  # noqa: E402
                      wait_until, write_config)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    need_display()

    tmp = tempfile.mkdtemp(prefix="lpse-e2e-")
    port = free_port()
    cfg = write_config(args.source, tmp, port)
    base = f"http://127.0.0.1:{port}"
    env_cwd = args.source  # strings and fonts are found from the source tree
    server_log = open(os.path.join(tmp, "server.log"), "w")
    server = subprocess.Popen([os.path.join(args.bin, "lpse-server"), "--config", cfg], stdout=server_log,
                              stderr=subprocess.STDOUT, cwd=env_cwd)
    windows = []
    try:
        wait_until("server health", lambda: http_json(base + "/api/health"))
        register_devices(args.bin, cfg, tmp)
        prog = lambda n: [os.path.join(args.bin, n), "--config", cfg]  # noqa: E731
        kiosk = Window("kiosk", prog("lpse-kiosk") + ["--size", "1280x1000", "--pos", "0,0"],
                       os.path.join(tmp, "kiosk.json"), os.path.join(tmp, "kiosk.log"))
        display = Window("display", prog("lpse-display") + ["--size", "1200x700", "--pos", "1290,0"],
                         os.path.join(tmp, "display.json"), os.path.join(tmp, "display.log"))
        desk = Window("desk", prog("lpse-desk") + ["--size", "1200x700", "--pos", "2500,0"],
                      os.path.join(tmp, "desk.json"), os.path.join(tmp, "desk.log"))
        windows = [kiosk, display, desk]
        desk_sign_in(desk, "petugas", add_staff(args.bin, cfg, "petugas"))

        # The kiosk: touch to start, fill the guest book, take a number.
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        kiosk_guest_book(kiosk, "Siti Nur'aini", "Dinas Pekerjaan Umum", "081234567890")
        kiosk.click("consent")
        kiosk.click("take_number")
        ticket = wait_until("ticket on the kiosk screen", lambda: kiosk.note("ticket"))
        assert ticket == "R-001", ticket
        pngs = wait_until("printed ticket PNG", lambda: glob.glob(os.path.join(tmp, "tickets", "*.png")))
        assert len(pngs) == 1, pngs

        # The visit is in the server, with what was typed.
        board = http_json(base + "/api/board", device_token(tmp))
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

        shot = os.path.join(tmp, "display-after-call.png")
        subprocess.run(["import", "-window", "root", "-crop", "1200x700+1290+0", shot], check=True)
        assert os.path.getsize(shot) > 10000

        # The event log is intact after all of it.
        verify = subprocess.run([os.path.join(args.bin, "lpse"), "--config", cfg, "db", "verify"],
                                capture_output=True, text=True)
        assert verify.returncode == 0, verify.stderr
        # lpse doctor sees the same healthy system (config, db, server, printer).
        doctor = subprocess.run([os.path.join(args.bin, "lpse"), "--config", cfg, "doctor"],
                                capture_output=True, text=True)
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr
        assert doctor.stdout.count(" ok ") == 6, doctor.stdout  # config, database, server, kiosk, display, printer
        for w in windows:
            assert w.alive(), f"{w.name} exited"
        print("e2e walking skeleton: ok")
        return 0
    finally:
        for w in windows:
            w.stop()
        server.terminate()
        server.wait(10)
        server_log.close()
        if not args.keep and sys.exc_info()[0] is None:
            import shutil
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"logs kept in {tmp}")


if __name__ == "__main__":
    sys.exit(main())
