#!/usr/bin/env python3
"""Issue #13 end to end: the supervisor board in a real `lpse-desk` window,
live while a helpdesk desk (a second real window) works, with real X input
(xdotool). The board's figures change as the desk signs in, calls, takes a
break; the supervisor closes the day and exports the day's register.
--shots DIR keeps screenshots of the board."""
import argparse
import csv
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from desk_sop import reach  # noqa: E402
from lpse_e2e import System, desk_sign_in, http_post, need_display, wait_until  # noqa: E402

BW, BH = 1500, 1150  # the board
DW, DH = 1180, 1150  # the helpdesk desk


def shot(shots, name):
    if not shots:
        return
    os.makedirs(shots, exist_ok=True)
    path = os.path.join(shots, name)
    subprocess.run(["import", "-window", "root", "-crop", f"{BW}x{BH}+0+0", "+repage", path], check=True)
    assert os.path.getsize(path) > 10000, path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shots")
    args = ap.parse_args()
    need_display()
    with System(args, "lpse-e2e-board-") as s:
        # The report folder defaults to ~/lpse-laporan: keep it in the test's dir.
        os.environ["HOME"] = s.tmp
        sup_pin = s.add_staff("kepala", "supervisor")
        pin = s.add_staff("siti", "helpdesk")
        visit = {"service": "reset", "name": "Siti Nur'aini", "role": "ppk", "agency": "Dinas PU",
                 "phone": "081234567890", "spse_user_id": "siti.ppk", "consent": True,
                 "documents": ["request_form"]}
        for name in ("Siti Nur'aini", "Budi Santoso", "Ani Wijaya"):
            http_post(s.base + "/api/tickets", dict(visit, name=name), s.token())

        board = s.desk(f"{BW}x{BH}", "0,0", name="board")
        desk_sign_in(board, "kepala", sup_pin)
        wait_until("board shows 3 waiting", lambda: board.note("board_waiting_reset") == "3", timeout=30)
        assert board.note("desk_role") == "supervisor"

        helpdesk = s.desk(f"{DW}x{DH}", f"{BW + 20},0", name="helpdesk")
        desk_sign_in(helpdesk, "siti", pin)
        wait_until("board sees Loket 1 idle", lambda: board.note("desk_state:Loket 1") == "idle", timeout=30)

        # The desk calls: one fewer waiting, Loket 1 serving, on the board.
        wait_until("helpdesk can call", lambda: (helpdesk.item("call_next") or {}).get("enabled"))
        helpdesk.click("call_next")
        wait_until("board shows 2 waiting", lambda: board.note("board_waiting_reset") == "2", timeout=30)
        wait_until("board sees Loket 1 serving", lambda: board.note("desk_state:Loket 1") == "serving", timeout=30)
        shot(args.shots, "desk-supervisor-board.png")

        # A break taken at the desk shows on the board with its state.
        helpdesk.click("break")
        helpdesk.click(wait_until("break reasons", lambda: helpdesk.item("break_prayer"))["id"])
        wait_until("desk on break", lambda: helpdesk.note("break") == "prayer")
        wait_until("board sees the break", lambda: board.note("desk_state:Loket 1") == "on_break", timeout=30)

        # Close the day from the board: the two waiting tickets are closed.
        board.click("close_day")
        board.click(wait_until("close-day question", lambda: board.item("close_day_confirm"))["id"])
        wait_until("day closed", lambda: board.note("day_closed") == "2", timeout=30)
        wait_until("board shows none waiting", lambda: board.note("board_waiting_reset") == "0", timeout=30)

        # Export today's register as CSV into the folder shown.
        board.click("reports")
        reach(board, "report_register")
        board.click("report_register")
        board.click("format_csv")
        wait_until("export offered", lambda: (board.item("report_export") or board.any_item("report_export") or {})
                   .get("enabled"))
        reach(board, "report_export")
        board.click("report_export")
        path = wait_until("report written", lambda: board.note("report_path"), timeout=30)
        assert path.startswith(os.path.join(s.tmp, "lpse-laporan")), path
        with open(path, encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        names = {cell for row in rows[1:] for cell in row}
        for name in ("Siti Nur'aini", "Budi Santoso", "Ani Wijaya"):
            assert name in names, (name, rows[:2])
        shot(args.shots, "desk-supervisor-board-closed.png")
        assert board.alive() and helpdesk.alive()
    print("e2e_desk_board: ok")


if __name__ == "__main__":
    main()
