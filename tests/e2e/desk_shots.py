#!/usr/bin/env python3
"""The desk screens the SOP walks (desk_sop.py, desk_email.py,
desk_slip.py) do not reach, for docs/screenshots: a break, a call out of
order, a transfer, an incomplete dossier and the documents brought back
(helpdesk); a rejection (Admin PPE). Real windows, real X input; each
screen is checked to be the one named before it is taken. Run by
tests/e2e/screenshots.py (`make screenshots`), not by `make test`: the
steps themselves are tested through the API (DeskSop.*) and the model."""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from desk_sop import press, reach, state, tick  # noqa: E402
from lpse_e2e import System, desk_sign_in, http_post, need_display, staff_session, wait_until  # noqa: E402

W, H = 1180, 1150


def shot(shots, name, x=0):
    os.makedirs(shots, exist_ok=True)
    time.sleep(0.35)
    path = os.path.join(shots, name)
    subprocess.run(["import", "-window", "root", "-crop", f"{W}x{H}+{x}+0", "+repage", path], check=True)
    print("wrote", path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shots", required=True)
    args = ap.parse_args()
    need_display()
    with System(args, "lpse-shots-desk-") as s:
        pin = s.add_staff("siti", "helpdesk")
        s.add_staff("agus", "helpdesk")
        s.add_staff("rina", "admin_ppe")
        other = staff_session(s.base, "agus")
        visit = {"service": "reset", "name": "Siti Nur'aini", "role": "ppk", "agency": "Dinas PU",
                 "phone": "081234567890", "spse_user_id": "siti.ppk", "consent": True,
                 "documents": ["request_form"]}
        first = http_post(s.base + "/api/tickets", visit, s.token())["case"]["id"]
        second = http_post(s.base + "/api/tickets", dict(visit, name="Budi Santoso"), s.token())["case"]["id"]
        admin_cfg = s.config_copy("admin.toml", 'counter = "Loket 1"', 'counter = "Admin PPE 1"')
        helpdesk = s.desk(f"{W}x{H}", "0,0", name="helpdesk")
        admin = s.window("lpse-desk", "admin", f"{W}x{H}", f"{W + 20},0", cfg=admin_cfg)
        desk_sign_in(helpdesk, "siti", pin)
        desk_sign_in(admin, "rina", pin)

        # A break, with its reason and timer: no "next" meanwhile.
        wait_until("helpdesk can call", lambda: (helpdesk.item("call_next") or {}).get("enabled"))
        helpdesk.click("break")
        helpdesk.click(wait_until("break reasons", lambda: helpdesk.item("break_prayer"))["id"])
        wait_until("on break", lambda: helpdesk.note("break") == "prayer")
        assert not helpdesk.item("call_next")["enabled"]
        shot(args.shots, "desk-helpdesk-break.png")
        helpdesk.click("break")
        wait_until("break over", lambda: helpdesk.note("break") is None)

        # The second ticket called out of order, with a reason from the list.
        helpdesk.click(wait_until("the queue", lambda: helpdesk.item(f"work_{second}"))["id"])
        state(helpdesk, "waiting")
        tick(helpdesk, "ooo_priority_visitor", lambda: (helpdesk.any_item("call_this") or {}).get("enabled"))
        shot(args.shots, "desk-helpdesk-out-of-order.png")
        press(helpdesk, "call_this")
        state(helpdesk, "called")
        assert helpdesk.note("case_id") == str(second)

        # The transfer's choices.
        press(helpdesk, "transfer_open")
        wait_until("transfer reasons", lambda: helpdesk.any_item("transfer_wrong_service"))
        tick(helpdesk, "transfer_wrong_service", lambda: helpdesk.any_item("transfer_wrong_service").get("enabled"))
        shot(args.shots, "desk-helpdesk-transfer.png")
        press(helpdesk, "transfer_open")

        # Incomplete (step 5 -> 6), then the documents brought back (step 7).
        press(helpdesk, "start_check")
        state(helpdesk, "checking")
        tick(helpdesk, "doc_request_form", lambda: "request_form" in (helpdesk.note("ticked") or ""))
        press(helpdesk, "mark_incomplete")
        state(helpdesk, "incomplete")
        wait_until("missing shown", lambda: helpdesk.any_item("missing"))
        shot(args.shots, "desk-helpdesk-incomplete.png")
        press(helpdesk, "request_completion")
        state(helpdesk, "awaiting_documents")
        tick(helpdesk, "returned_sk_penunjukan", lambda: (helpdesk.any_item("return_documents") or {}).get("enabled"))
        shot(args.shots, "desk-helpdesk-returned.png")

        # Admin PPE: a dossier not valid, the reason from the list.
        http_post(s.base + "/api/queues/helpdesk/next", {"counter": "Loket 2"}, other)
        for action in ("start_check", "forward_to_admin"):
            http_post(f"{s.base}/api/cases/{first}/actions", {"action": action}, other)
        wait_until("admin can take the dossier", lambda: (admin.item("call_next") or {}).get("enabled"))
        admin.click("call_next")
        state(admin, "verifying")
        tick(admin, "reject_sk_invalid", lambda: (admin.any_item("mark_invalid") or {}).get("enabled"))
        reach(admin, "mark_invalid")
        shot(args.shots, "desk-admin-reject.png", W + 20)
        press(admin, "mark_invalid")
        state(admin, "invalid")
        shot(args.shots, "desk-admin-rejection-notice.png", W + 20)
        for w in s.windows:
            assert w.alive(), f"{w.name} exited"
        return 0


if __name__ == "__main__":
    sys.exit(main())
