#!/usr/bin/env python3
"""Issue #12, the printed result slip (SOP step 14) through a real
`lpse-desk` window with real X input (xdotool). The print system is faked
at the edge of the machine only: `lp` on the desk's PATH is a script that
records its arguments and, on cue, fails like CUPS with an unknown queue or
hangs. Everything else is real: the server, the desk, the PDF it writes
(read back with pdftotext).

- A failing printer: the desk says what is wrong in Indonesian, the slip
  stays saved, and the desk carries on.
- A hung print system: lp is stopped at desk.slip_print_timeout_s; while
  it hangs the desk still calls the visitor back.
- A working printer: lp gets the queue, title, paper and file; the PDF
  holds the ticket, the visitor, the user ID, the staff member and the
  SOP's instruction, and no password.
--shots DIR keeps screenshots (and the slip rendered as slip-a5.png)."""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from desk_sop import press, reach, state  # noqa: E402
from lpse_e2e import System, desk_sign_in, http_json, http_post, need_display, staff_session, wait_until  # noqa: E402

W, H = 1180, 1150

FAKE_LP = """#!/bin/sh
# A print system at the edge of the machine: records its arguments; fails
# or hangs on cue.
printf '%s\\n' "$@" > "{tmp}/lp-args"
if [ -e "{tmp}/lp-fail" ]; then echo "lp: The printer or class does not exist." >&2; exit 1; fi
if [ -e "{tmp}/lp-hang" ]; then sleep 60; fi
echo "request id is Loket1_A5-1 (1 file(s))"
"""


def shot(shots, name):
    if not shots:
        return
    os.makedirs(shots, exist_ok=True)
    time.sleep(0.35)
    path = os.path.join(shots, name)
    subprocess.run(["import", "-window", "root", "-crop", f"{W}x{H}+0+0", "+repage", path], check=True)
    assert os.path.getsize(path) > 10000, path


def slip_outcome(desk, previous):
    """The slip's new outcome: (file, printed, error code)."""
    def changed():
        f = desk.note("slip_file")
        status = (desk.any_item("slip_status") or {}).get("text")
        key = (f, desk.note("slip_printed"), desk.note("slip_error"), status)
        return key if f and key != previous else None
    return wait_until("slip outcome", changed, timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shots", default="")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    need_display()

    system = System(args, "lpse-e2e-desk-slip-", keep=args.keep)
    tmp = system.tmp
    system.edit_config('slip_printer = ""', 'slip_printer = "Loket1_A5"')
    system.edit_config("slip_print_timeout_s = 20", "slip_print_timeout_s = 2")
    os.makedirs(os.path.join(tmp, "bin"))
    lp = os.path.join(tmp, "bin", "lp")
    with open(lp, "w") as f:
        f.write(FAKE_LP.replace("{tmp}", tmp))
    os.chmod(lp, 0o755)
    os.environ["PATH"] = os.path.join(tmp, "bin") + os.pathsep + os.environ.get("PATH", "")
    with system as s:
        pin = s.add_staff("dewi", "helpdesk")
        s.add_staff("rina", "admin_ppe")
        helpdesk_token = staff_session(s.base, "dewi")
        admin_token = staff_session(s.base, "rina")
        visit = {"service": "reset", "name": "Siti Nur'aini", "role": "ppk", "agency": "Dinas PU",
                 "phone": "081234567890", "spse_user_id": "siti.ppk", "consent": True,
                 "documents": ["request_form", "sk_penunjukan"]}
        case_id = http_post(s.base + "/api/tickets", visit, s.token())["case"]["id"]
        # Steps 4-12 by API (the windows carry them in e2e_desk_sop).
        act = lambda body, token: http_post(f"{s.base}/api/cases/{case_id}/actions", body, token)  # noqa: E731
        http_post(s.base + "/api/queues/helpdesk/next", {"counter": "Loket 1"}, helpdesk_token)
        act({"action": "start_check"}, helpdesk_token)
        act({"action": "forward_to_admin"}, helpdesk_token)
        http_post(s.base + "/api/queues/admin/next", {"counter": "Admin PPE 1"}, admin_token)
        act({"action": "mark_valid", "basis": "spse_data"}, admin_token)
        act({"action": "record_result", "outcome": "password_reset"}, admin_token)
        act({"action": "notify_result"}, admin_token)

        desk = s.desk(f"{W}x{H}", "0,0", name="helpdesk")
        desk_sign_in(desk, "dewi", pin)
        desk.click(wait_until("the result waits for this desk", lambda: desk.item(f"work_{case_id}"))["id"])
        state(desk, "notified")
        reach(desk, "slip_print")
        assert desk.any_item("slip_print")["text"] == "Cetak slip"

        # The printer's queue is wrong: said in words, the slip kept.
        open(os.path.join(tmp, "lp-fail"), "w").close()
        press(desk, "slip_print")
        outcome = slip_outcome(desk, None)
        path, printed, error, text = outcome
        assert (printed, error) == ("0", "slip_print_failed"), outcome
        assert text.startswith("Printer 'Loket1_A5' tidak dapat mencetak slip: lp: The printer or class does not exist.")
        assert "Slip tetap tersimpan: " + path in text, text
        assert os.path.exists(path), path
        shot(args.shots, "desk-helpdesk-slip-error.png")

        # The print system hangs: stopped after 2 s; meanwhile the desk works.
        os.remove(os.path.join(tmp, "lp-fail"))
        open(os.path.join(tmp, "lp-hang"), "w").close()
        press(desk, "slip_print")
        wait_until("slip being made", lambda: (desk.any_item("slip_print") or {}).get("text") == "Membuat slip...")
        press(desk, "callback")
        board = wait_until("call-back on the board while lp hangs",
                           lambda: (http_json(s.base + "/api/board", s.token()) or {}).get("recent"))
        assert board[0]["ticket"] == "R-001", board
        outcome = slip_outcome(desk, outcome)
        assert outcome[2] == "slip_print_timeout", outcome
        assert "tidak menjawab dalam 2 detik" in outcome[3], outcome

        # The printer works.
        os.remove(os.path.join(tmp, "lp-hang"))
        press(desk, "slip_print")
        outcome = slip_outcome(desk, outcome)
        path, printed, error, text = outcome
        assert printed == "1" and error is None, outcome
        assert text.startswith("Slip dikirim ke printer Loket1_A5."), text
        with open(os.path.join(tmp, "lp-args")) as f:
            assert f.read().split("\n")[:-1] == ["-d", "Loket1_A5", "-t", "Slip R-001", "-o", "media=A5", path]
        shot(args.shots, "desk-helpdesk-slip-printed.png")
        pdf = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True).stdout
        for want in ("R-001", "Loket 1", "Siti Nur'aini", "siti.ppk", "Dewi", "Password direset",
                     "Segera login ke SPSE dan wajib mengganti password ini", "LPSE Kabupaten Contoh"):
            assert want in pdf, (want, pdf)
        blank = pdf.index("never stored by this system)") + len("never stored by this system)")
        assert pdf[blank:pdf.index("PENTING / IMPORTANT")].strip() == "", "text inside the password blank"
        if args.shots:
            subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", path,
                            os.path.join(args.shots, "slip-a5")], check=True)

        press(desk, "deliver")
        state(desk, "handed_back")
        detail = http_json(f"{s.base}/api/cases/{case_id}", helpdesk_token)
        kinds = [h["kind"] for h in detail["history"]]
        assert kinds[-2:] == ["callback", "deliver"], kinds
        assert desk.alive()
        print("e2e desk slip (printed, printer failing, print system hung): ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
