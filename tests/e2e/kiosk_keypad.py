#!/usr/bin/env python3
"""A visitor who does not use the touchscreen: a USB numeric keypad only
(xdotool key input, no pointer at all) from the attract screen to a printed
ticket. 8/2/4/6 move the focus ring, 5 activates, 0 repeats the speech. The
name, agency and phone are typed by moving over the on-screen keyboard's
keys. Along the way: keys that repeat (held down) and keys the kiosk does
not know change nothing, and the final ticket is read aloud (the sentence
the speech device gets is in the UI map)."""
import argparse
import array
import glob
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lpse_e2e import System, need_display, wait_until  # noqa: E402

MOVES = {"up": "KP_8", "down": "KP_2", "left": "KP_4", "right": "KP_6"}
NAMES = {" ": "space", "'": "apostrophe", ".": "dot", "-": "dash"}


def press(key, hold=0.15):
    """One key, down and up as a finger does (a press and a release in the
    same frame would be one ImGui never sees)."""
    subprocess.run(["xdotool", "keydown", key], check=True)
    time.sleep(hold)
    subprocess.run(["xdotool", "keyup", key], check=True)
    time.sleep(0.15)


def centre(it):
    r = it["rect"]
    return r["x"] + r["w"] / 2, r["y"] + r["h"] / 2


def focus_on(kiosk, target, limit=40):
    """Moves the focus ring to `target` the way a visitor listening to the
    kiosk would: towards it, one key at a time."""
    for _ in range(limit):
        focused = kiosk.note("focus") or ""
        if focused == target:
            return
        here, there = kiosk.any_item(focused) if focused else None, kiosk.any_item(target)
        if not here or not there:
            press("KP_2")
            continue
        (fx, fy), (tx, ty) = centre(here), centre(there)
        dx, dy = tx - fx, ty - fy
        if abs(dy) > 8 and (abs(dy) >= abs(dx) * 0.5 or abs(dx) < 8):
            press(MOVES["down" if dy > 0 else "up"])
        else:
            press(MOVES["right" if dx > 0 else "left"])
        # Like a listener, wait to hear where the focus went before the next key
        # (a slow frame must not make us press twice).
        try:
            wait_until("focus moved", lambda: (kiosk.note("focus") or "") != focused, timeout=3, step=0.05)
        except AssertionError:
            press("KP_2")  # nothing further that way: go round
    raise AssertionError(f"focus never reached {target} (at {kiosk.note('focus')})")


def activate(kiosk, target):
    focus_on(kiosk, target)
    press("KP_5")


def type_text(kiosk, field, text):
    activate(kiosk, "field_" + field)
    wait_until(f"keyboard for {field}", lambda: kiosk.note("keyboard") == field)
    for ch in text:
        before = len((kiosk.any_item("field_" + field) or {}).get("text", ""))
        activate(kiosk, "key_" + NAMES.get(ch, ch.lower()))
        wait_until(f"'{ch}' typed", lambda: len((kiosk.any_item("field_" + field) or {}).get("text", "")) == before + 1)
    activate(kiosk, "key_done")
    wait_until("keyboard closed", lambda: not kiosk.note("keyboard"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    need_display()
    with System(args, "lpse-e2e-keypad-") as s:
        # The kiosk's voice goes to SDL's disk driver: a file this test reads.
        speech_file = os.path.join(s.tmp, "speech.raw")
        os.environ["SDL_AUDIODRIVER"] = "disk"
        os.environ["SDL_DISKAUDIOFILE"] = speech_file
        kiosk = s.kiosk("1366x768")
        wait_until("kiosk online", lambda: (kiosk.item("start") or {}).get("enabled"))
        kiosk.focus()  # the window has the keyboard, as on a kiosk with no window manager
        t0 = time.time()

        # Keys it does not know, and a held key that repeats: nothing happens.
        for key in ("KP_Multiply", "KP_Divide", "F7", "KP_Decimal", "KP_Add"):
            press(key)
        assert kiosk.note("step") == "attract", kiosk.note("step")
        press("KP_5")  # the first 5 shows where the focus is
        assert kiosk.note("focus") == "start", kiosk.note("focus")
        press("KP_6", hold=1.2)  # held: auto-repeat moves, never activates
        assert kiosk.note("step") == "attract"
        focus_on(kiosk, "start")
        spoken = int(kiosk.note("speech_count") or 0)
        press("KP_0")  # repeat what was said
        wait_until("speech repeated", lambda: int(kiosk.note("speech_count") or 0) == spoken + 1)

        press("KP_5")
        kiosk.wait_step("service")
        assert "Pilih layanan" in kiosk.note("speech"), kiosk.note("speech")
        activate(kiosk, "service_reset")
        kiosk.wait_step("scan")
        activate(kiosk, "type_instead")
        kiosk.wait_step("role")
        activate(kiosk, "role_ppk")
        wait_until("role chosen", lambda: (kiosk.any_item("doc_sk_penunjukan") or {}).get("id"))
        activate(kiosk, "doc_sk_penunjukan")
        wait_until("SK ticked", lambda: (kiosk.any_item("doc_sk_penunjukan") or {}).get("label") == "checked")
        activate(kiosk, "next")
        kiosk.wait_step("details")
        type_text(kiosk, "name", "Ani")
        type_text(kiosk, "agency", "Dinas Pu")
        activate(kiosk, "next")
        kiosk.wait_step("contact")
        type_text(kiosk, "phone", "0812345678")
        activate(kiosk, "next")
        kiosk.wait_step("confirm")
        assert kiosk.item("value_name")["text"] == "Ani", kiosk.item("value_name")
        activate(kiosk, "consent")
        wait_until("consent ticked", lambda: (kiosk.any_item("consent") or {}).get("label") == "checked")
        activate(kiosk, "take_number")
        ticket = wait_until("ticket", lambda: kiosk.note("ticket"))
        assert ticket == "R-001", ticket
        pngs = wait_until("printed ticket", lambda: glob.glob(os.path.join(s.tmp, "tickets", "*.png")))
        assert len(pngs) == 1, pngs
        speech = kiosk.note("speech") or ""
        assert "R, nol, nol, satu" in speech, speech
        assert "speech" in (kiosk.note("access") or ""), "the keypad did not turn the spoken guidance on"
        # Spoken through the sound device: the disk driver's file grows with
        # the ticket's sentence (a few seconds of 16-bit audio).
        def loud_since(offset):
            with open(speech_file, "rb") as f:
                f.seek(offset)
                data = f.read()
            samples = array.array("h", data[: len(data) // 2 * 2])
            return max((abs(x) for x in samples), default=0) > 2000
        wait_until("speech file", lambda: os.path.exists(speech_file))
        start = max(0, os.path.getsize(speech_file) - 44100)  # the last second before now, and on
        assert wait_until("ticket read aloud", lambda: loud_since(start), timeout=30)
        print(f"keypad only: attract -> printed ticket in {time.time() - t0:.1f} s of key presses")
        assert kiosk.alive()
        print("e2e kiosk keypad: ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
