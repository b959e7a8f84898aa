#!/usr/bin/env python3
"""The wall display's voice, end to end: the real server, desks calling over
HTTP, lpse-display under Xvfb with SDL's disk audio driver (the sound goes
to a file, which is checked).

  --case order     two desks call at the same instant: the file holds two
                   complete announcements, in event order, silence between
  --case restart   the server SIGKILLed and restarted in the middle of 20
                   calls: all 20 shown, each said exactly once
  --case nodevice  no sound device: every call still shown, "suara mati"
                   shown and logged once"""
import argparse
import array
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from display_common import call_next, desks, drawn_log, issue, quiet_display_config, voice_log  # noqa: E402
from lpse_e2e import System, http_json, need_display, staff_session, wait_until  # noqa: E402


def start_display(s, env):
    for k, v in env.items():
        os.environ[k] = v
    display = s.display("1280x720", "0,0")
    wait_until("display has the board", lambda: display.item("no_queue") or display.note("called_number"), timeout=60)
    return display


def check_announcement(samples, start, parts, label):
    """Every clip of the announcement is sound where the queue says it
    played it, every pause is silence: the announcement is whole."""
    at = start
    for name, n in parts:
        window = samples[at:at + n]
        assert len(window) == n, f"{label}: file ends inside {name}"
        if name == "(pause)":
            assert not any(window), f"{label}: sound inside a pause at {at}"
        elif n > 0:
            assert max(abs(v) for v in window) > 1000, f"{label}: {name} is silent at {at}"
        at += n
    return at


def case_order(s):
    raw = os.path.join(s.tmp, "audio.raw")
    tokens = desks(s, 2)
    issue(s, 2)
    # 5 ms per 512-sample buffer: the device pulls ~4.6x faster than it
    # would play, the samples are the same.
    display = start_display(s, {"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": raw, "SDL_DISKAUDIODELAY": "5"})
    # Two desks press "next" at the same instant.
    barrier = threading.Barrier(2)
    called = [None, None]

    def desk(i):
        barrier.wait()
        called[i] = call_next(s.base, tokens[i], f"Loket {i + 1}")

    threads = [threading.Thread(target=desk, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(called), called
    log = os.path.join(s.tmp, "display.log")
    said = wait_until("two announcements", lambda: len(voice_log(log)) >= 2 and voice_log(log), timeout=90)
    time.sleep(0.5)  # the device's last buffer
    display.stop()
    said = voice_log(log)
    assert len(said) == 2 and all(a["spoken"] for a in said), said
    # Event order: the board lists the newer call first.
    board = http_json(s.base + "/api/board", s.token("display-1"))
    order = [c["ticket"] for c in board["recent"]][:2][::-1]
    assert [a["ticket"] for a in said] == order, (said, order)

    data = array.array("h")
    with open(raw, "rb") as f:
        data.frombytes(f.read())
    first = next(i for i, v in enumerate(data) if v != 0)
    a1 = first - 1  # the built-in chime's sample 0 is 0, sample 1 is not
    end1 = check_announcement(data, a1, said[0]["parts"], said[0]["ticket"])
    assert end1 - a1 == said[0]["samples"]
    second = next(i for i in range(end1, len(data)) if data[i] != 0)
    a2 = second - 1
    assert a2 >= end1, "the second announcement cut into the first"
    gap_ms = (a2 - end1) * 1000 / 22050
    trailing = said[0]["parts"][-1][1] * 1000 / 22050 if said[0]["parts"][-1][0] == "(pause)" else 0
    end2 = check_announcement(data, a2, said[1]["parts"], said[1]["ticket"])
    assert not any(data[end2:]), "sound after the second announcement"
    print(f"two announcements: {said[0]['ticket']} {said[0]['samples'] / 22050:.2f} s, silence "
          f"{trailing + gap_ms:.0f} ms, {said[1]['ticket']} {said[1]['samples'] / 22050:.2f} s; "
          f"desks called {called}")


def case_restart(s):
    tokens = desks(s, 1)
    tickets = issue(s, 20)
    # Fast: the disk driver waits 2 ms per buffer instead of its length.
    display = start_display(s, {"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": "/dev/null",
                                "SDL_DISKAUDIODELAY": "2"})
    called = []
    for i in range(20):
        if i == 10:
            s.server.kill()  # SIGKILL: no goodbye to the stream
            s.server.wait()
            time.sleep(1.0)
            s.start_server()
            tokens = [staff_session(s.base, "petugas1")]
        called.append(call_next(s.base, tokens[0], "Loket 1"))
        time.sleep(0.15)
    assert called == tickets, (called, tickets)
    log = os.path.join(s.tmp, "display.log")
    wait_until("20 announcements", lambda: len(voice_log(log)) >= 20, timeout=180, step=0.5)
    time.sleep(2.0)  # anything said twice would show up now
    said = [a["ticket"] for a in voice_log(log)]
    assert said == tickets, said
    assert all(a["spoken"] for a in voice_log(log))
    drawn = {t for t, _ in drawn_log(log)}
    assert set(tickets) <= drawn, set(tickets) - drawn
    assert display.alive()
    print(f"20 calls across a server SIGKILL: all shown, each said once")


def case_nodevice(s):
    tokens = desks(s, 1)
    tickets = issue(s, 3)
    display = start_display(s, {"SDL_AUDIODRIVER": "no-such-driver"})
    for _ in range(3):
        call_next(s.base, tokens[0], "Loket 1")
    wait_until("last call shown", lambda: display.note("called_number") == tickets[-1], timeout=30)
    wait_until("suara mati", lambda: display.note("sound_off"), timeout=10)
    log = os.path.join(s.tmp, "display.log")
    wait_until("3 calls through the queue", lambda: len(voice_log(log)) >= 3, timeout=30)
    said = voice_log(log)
    assert [a["ticket"] for a in said] == tickets and not any(a["spoken"] for a in said), said
    with open(log, encoding="utf-8", errors="replace") as f:
        text = f.read()
    assert text.count("suara mati / no sound") == 1, text
    assert {t for t, _ in drawn_log(log)} >= set(tickets)
    print("no sound device: every call shown, 'suara mati' logged once")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--case", choices=["order", "restart", "nodevice"], required=True)
    args = ap.parse_args()
    need_display()
    system = System(args, f"lpse-e2e-voice-{args.case}-")
    quiet_display_config(system)
    with system as s:
        {"order": case_order, "restart": case_restart, "nodevice": case_nodevice}[args.case](s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
