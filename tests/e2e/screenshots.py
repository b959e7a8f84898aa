#!/usr/bin/env python3
"""Takes the screenshots in docs/screenshots: the real programs under X,
driven through their screens with real input (as in the e2e tests).
Every kiosk screen in Indonesian and English, landscape 1920x1080 and
portrait 1080x1920 (the scan page also with a live camera preview: a drawn
visitor holding up a form); the wall display once; the desk's sign-in, and
every desk screen of both roles from the desk's e2e walks (--shots).
Run by `make screenshots` (inside an Xvfb of at least 3840x2160)."""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import (System, desk_sign_in, http_json, http_post, need_display, staff_session,  # noqa: E402
                      unplugged_printer, wait_until)

ORIENTATIONS = {"landscape": (1920, 1080), "portrait": (1080, 1920)}


def shoot(out, w, h, x=0, y=0):
    time.sleep(0.35)  # the frame after the last input has been drawn
    subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+{x}+{y}", "+repage", out], check=True)
    print("wrote", out)


def kiosk_flow(s, out, lang, orient, only=None):
    """One visitor through every kiosk screen; a screenshot of each."""
    w, h = ORIENTATIONS[orient]
    kiosk = s.kiosk(f"{w}x{h}", "0,0", name=f"kiosk-{lang}-{orient}")
    name = lambda screen: os.path.join(out, f"kiosk-{screen}-{lang}-{orient}.png")  # noqa: E731
    want = lambda screen: only is None or screen in only  # noqa: E731
    try:
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        if lang == "en":
            kiosk.click("language")
            wait_until("English", lambda: (kiosk.item("start") or {}).get("text") == "Touch to start")
        if want("attract"):
            shoot(name("attract"), w, h)
        kiosk.click("start")
        kiosk.wait_step("service")
        if want("service"):
            shoot(name("service"), w, h)
        kiosk.click("service_reset")
        kiosk.wait_step("scan")
        if want("scan"):
            shoot(name("scan"), w, h)
        kiosk.click("type_instead")
        kiosk.wait_step("role")
        kiosk.click("role_ppk")
        if want("role"):
            shoot(name("role"), w, h)
        kiosk.click("next")
        kiosk.wait_step("details")
        kiosk.type_into("field_name", "Siti Nur'aini, S.Kom.")
        kiosk.type_into("field_nip", "19850330201012100")  # one digit short: shows the message
        kiosk.type_into("field_agency", "Dinas Pekerjaan Umum")
        if want("details"):
            shoot(name("details"), w, h)
        kiosk.click("field_nip")  # a tap opens the on-screen number pad
        kiosk.click("key_2")      # the 18th digit, by touch
        if want("keyboard"):
            shoot(name("keyboard"), w, h)
        kiosk.click("key_done")
        kiosk.click("field_name")  # the letters keyboard
        if want("keyboard-text"):
            shoot(name("keyboard-text"), w, h)
        kiosk.click("key_done")
        kiosk.click("next")
        kiosk.wait_step("contact")
        kiosk.click("field_phone")
        kiosk.tap_keys("081234567890")
        kiosk.click("key_done")
        kiosk.type_into("field_purpose", "Lupa password akun PPK")
        if want("contact"):
            shoot(name("contact"), w, h)
        kiosk.click("next")
        kiosk.wait_step("confirm")
        kiosk.click("consent")
        if want("confirm"):
            shoot(name("confirm"), w, h)
        kiosk.click("take_number")
        wait_until("ticket", lambda: kiosk.note("ticket"))
        wait_until("printed", lambda: (kiosk.item("print_state") or {}).get("text", "").startswith(("Ambil", "Take")))
        token = kiosk.note("ticket_token")
        if want("ticket"):
            shoot(name("ticket"), w, h)
        kiosk.click("done")
        kiosk.wait_step("attract")
        kiosk.click("have_ticket")
        kiosk.wait_step("ticket_scan")
        if want("ticket-scan"):
            shoot(name("ticket-scan"), w, h)
        kiosk.wedge_scan(token)
        wait_until("ticket status", lambda: kiosk.note("status_state"))
        if want("ticket-status"):
            shoot(name("ticket-status"), w, h)
        kiosk.click("status_done")
        kiosk.wait_step("attract")
        # Called and not there: the ticket is finished, and scanning it again
        # offers a new number with the same details.
        if want("ticket-status-done") or want("service-recalled"):
            helpdesk = staff_session(s.base, "petugas")
            case_id = http_json(f"{s.base}/api/tickets/{token}", helpdesk)["case_id"]
            for action in ({"action": "call", "counter": "Loket 1", "reason": "missed_call"}, {"action": "no_show", "reason": "not_present"}):
                http_post(f"{s.base}/api/cases/{case_id}/actions", action, helpdesk)
            kiosk.wedge_scan(token)
            wait_until("finished ticket", lambda: kiosk.note("status_state") == "no_show")
            wait_until("register again", lambda: kiosk.item("register_again"))
            if want("ticket-status-done"):
                shoot(name("ticket-status-done"), w, h)
            kiosk.click("register_again")
            kiosk.wait_step("service")
            wait_until("entry recalled", lambda: kiosk.item("recalled"))
            if want("service-recalled"):
                shoot(name("service-recalled"), w, h)
            kiosk.click("cancel")
            kiosk.wait_step("attract")
        # The idle warning: a page left alone (idle_timeout_s is 20 here).
        kiosk.click("start")
        kiosk.wait_step("service")
        if want("idle-warning"):
            wait_until("idle warning", lambda: kiosk.item("idle_warning"), timeout=15)
            shoot(name("idle-warning"), w, h)
        return token
    finally:
        kiosk.stop()


def camera_scene(s):
    """A camera frame of a visitor holding up the filled request form with
    its QR still out of the picture (drawn with ImageMagick; the form is the
    real one from `lpse form`): the scan page then shows the live preview and
    its target box, and stays on the scan step."""
    form = os.path.join(s.tmp, "scene-form")
    subprocess.run([os.path.join(s.bin, "lpse"), "form", "--out", form + ".pdf", "--service", "reset", "--role", "ppk",
                    "--name", "Siti Nur'aini, S.Kom.", "--nip", "198503302010122002", "--agency",
                    "Dinas Pekerjaan Umum", "--phone", "081234567890"], check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", form + ".pdf", form], check=True)
    scene = os.path.join(s.tmp, "scene.png")
    skin = "#c58f6a"
    subprocess.run([
        "convert", "-size", "1280x960", "gradient:#d9d3c5-#a59e8d",        # wall
        "-fill", "#8c857a", "-draw", "rectangle 0,700 1280,960",         # counter
        "-fill", "#6d2f26", "-draw", "polygon 170,960 220,560 350,490 630,490 760,560 810,960",  # body
        "-fill", "#2e4d6b", "-draw", "ellipse 490,300 165,190 0,360",     # hijab
        "-draw", "polygon 350,380 630,380 720,560 490,620 260,560",
        "-fill", skin, "-draw", "ellipse 490,300 90,115 0,360",            # face
        "-fill", "#2a1d17", "-draw", "ellipse 457,282 10,6 0,360", "-draw", "ellipse 523,282 10,6 0,360",
        "-stroke", "#8d4b3c", "-strokewidth", "5", "-fill", "none", "-draw", "arc 460,320 520,365 25,155",
        "-stroke", "none",
        # The form's left part only, running off the right edge: its QR
        # (top right of the page) is outside the frame.
        "(", form + ".png", "-crop", "570x800+0+0", "+repage", "-bordercolor", "#bbbbbb", "-border", "1",
        "-background", "none", "-rotate", "-7", ")", "-geometry", "+720+430", "-composite",
        "-fill", skin, "-draw", "roundrectangle 708,630 780,750 34,34",   # the hand holding it
        "-draw", "roundrectangle 748,640 808,680 20,20", "-draw", "roundrectangle 748,680 812,720 20,20",
        "-blur", "0x0.7", "-depth", "8", scene], check=True)  # a webcam's soft focus
    # No code in the frame, or the kiosk would leave the scan page.
    read = subprocess.run([os.path.join(s.bin, "lpse"), "scan", scene], capture_output=True, text=True)
    assert read.stdout == "\n", f"the camera scene must hold no readable code: {read.stdout!r}"
    return scene


def scan_live(s, out, cfg, lang, orient):
    """The scan page with a camera: the live preview and the target box."""
    w, h = ORIENTATIONS[orient]
    kiosk = s.kiosk(f"{w}x{h}", "0,0", name=f"kiosk-cam-{lang}-{orient}", cfg=cfg)
    try:
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        if lang == "en":
            kiosk.click("language")
            wait_until("English", lambda: (kiosk.item("start") or {}).get("text") == "Touch to start")
        kiosk.click("start")
        kiosk.wait_step("service")
        kiosk.click("service_reset")
        kiosk.wait_step("scan")
        wait_until("camera preview", lambda: kiosk.note("preview"))
        shoot(os.path.join(out, f"kiosk-scan-live-{lang}-{orient}.png"), w, h)
        assert kiosk.note("step") == "scan", kiosk.note("step")
    finally:
        kiosk.stop()


def printer_down_ticket(s, out, cfg, lang, orient):
    """The ticket screen when the printer is gone: the number stays large."""
    w, h = ORIENTATIONS[orient]
    kiosk = s.kiosk(f"{w}x{h}", "0,0", name=f"kiosk-pd-{lang}-{orient}", cfg=cfg)
    try:
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        if lang == "en":
            kiosk.click("language")
        kiosk.click("start")
        kiosk.click("service_userid")
        kiosk.click("type_instead")
        kiosk.click("role_auditor")
        kiosk.click("next")
        kiosk.type_into("field_name", "Budi Santoso")
        kiosk.type_into("field_agency", "Inspektorat Provinsi")
        kiosk.click("next")
        kiosk.type_into("field_phone", "081298765432")
        kiosk.click("next")
        kiosk.wait_step("confirm")
        kiosk.click("consent")
        shoot(os.path.join(out, f"kiosk-confirm-printer-down-{lang}-{orient}.png"), w, h)
        kiosk.click("take_number")
        wait_until("print failure", lambda: kiosk.item("reprint"))
        shoot(os.path.join(out, f"kiosk-ticket-printer-down-{lang}-{orient}.png"), w, h)
    finally:
        kiosk.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--kiosk-only", action="store_true", help="skip the display and desk")
    ap.add_argument("--orient", choices=list(ORIENTATIONS), help="only this orientation")
    ap.add_argument("--lang", choices=["id", "en"], help="only this language")
    args = ap.parse_args()
    need_display()
    os.makedirs(args.out, exist_ok=True)
    system = System(args, "lpse-shots-")
    system.edit_config("idle_timeout_s = 60", "idle_timeout_s = 20")
    # A second config whose printer is unplugged (a device file that is not there).
    down_cfg = system.config_copy("printer-down.toml", *unplugged_printer(system.tmp))
    with system as s:
        pin = s.add_staff("petugas")  # the helpdesk: closes a ticket for the kiosk, signs in at the desk
        # A third whose camera sees a visitor holding up a form.
        cam_cfg = s.config_copy("camera.toml", 'camera = "none"', f'camera = "{camera_scene(s)}"')
        for orient in [args.orient] if args.orient else ORIENTATIONS:
            for lang in [args.lang] if args.lang else ("id", "en"):
                kiosk_flow(s, args.out, lang, orient)
                scan_live(s, args.out, cam_cfg, lang, orient)
                printer_down_ticket(s, args.out, down_cfg, lang, orient)
        shutil.copy(sorted(glob.glob(os.path.join(s.tmp, "tickets", "*.png")))[0],
                    os.path.join(args.out, "ticket-80mm.png"))
        if args.kiosk_only:
            return 0

        display = s.display("1920x1080", "0,0")
        desk = s.desk("1280x1000", "1930,0")
        wait_until("desk sign-in", lambda: desk.item("username"))
        time.sleep(0.5)
        shoot(os.path.join(args.out, "desk-sign-in-id.png"), 1280, 1000, 1930, 0)
        desk_sign_in(desk, "petugas", pin)
        wait_until("desk can call", lambda: (desk.item("call_next") or {}).get("enabled"))
        desk.click("call_next")
        wait_until("desk case", lambda: desk.note("case_ticket"))
        desk.click("start_check")
        wait_until("display call", lambda: display.note("called_number"))
        time.sleep(9)  # past the blinking of a fresh call
        shoot(os.path.join(args.out, "display-id.png"), 1920, 1080)
    # Every desk screen of both roles: the desk's e2e tests walk through
    # them with a helpdesk and an Admin PPE window (desk-helpdesk-*.png,
    # desk-admin-*.png, the printed slip as slip-a5.png).
    here = os.path.dirname(os.path.abspath(__file__))
    for script in ("desk_sop.py", "desk_email.py", "desk_slip.py", "desk_shots.py", "desk_board.py"):
        subprocess.run([sys.executable, os.path.join(here, script), "--bin", args.bin, "--source", args.source,
                        "--shots", args.out], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
