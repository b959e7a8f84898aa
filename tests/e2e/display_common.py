"""What the display's end-to-end tests share: tickets issued as a kiosk
does, calls made as desks do (over HTTP), the display's voice log read back."""
import json
import re
import urllib.request

from lpse_e2e import http_post, staff_session

GUEST = {"name": "Budi Santoso", "role": "ppk", "agency": "Dinas PU", "phone": "081234567890",
         "consent": True, "documents": ["request_form", "sk_penunjukan"]}


def issue(s, n, service="reset"):
    """n tickets from the kiosk's account; their numbers."""
    return [http_post(s.base + "/api/tickets", dict(GUEST, service=service), s.token("kiosk-1"))["case"]["ticket"]
            for _ in range(n)]


def desks(s, n):
    """n signed-in helpdesk staff (one per desk): their bearer tokens."""
    tokens = []
    for i in range(n):
        s.add_staff(f"petugas{i + 1}")
        tokens.append(staff_session(s.base, f"petugas{i + 1}"))
    return tokens


def call_next(base, token, counter):
    """A desk's "next": the called ticket (None when nobody waits)."""
    case = http_post(base + "/api/queues/helpdesk/next", {"counter": counter}, token)["case"]
    return case["ticket"] if case else None


def action(base, token, case_id, name, **extra):
    return http_post(f"{base}/api/cases/{case_id}/actions", dict(extra, action=name), token)


VOICE = re.compile(r"voice: (said|not said) (\S+) (\S+) samples=(\d+) first_sample_ms=(\d+) parts=(\S*)")


def voice_log(path):
    """The display's announcements, in order: dicts of spoken, ticket, kind,
    samples, first_sample_ms and parts [(name, samples)]."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = VOICE.search(line)
            if not m:
                continue
            parts = [(p.rsplit(":", 1)[0].replace("_", " "), int(p.rsplit(":", 1)[1]))
                     for p in m.group(6).split(",") if p]
            out.append({"spoken": m.group(1) == "said", "ticket": m.group(2), "kind": m.group(3),
                        "samples": int(m.group(4)), "first_sample_ms": int(m.group(5)), "parts": parts})
    return out


def drawn_log(path):
    """(ticket, frame_ms) for each number the display drew for the first time."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.search(r"drawn (\S+) frame_ms=(\d+)", line)
            if m:
                out.append((m.group(1), int(m.group(2))))
    return out


def quiet_display_config(s, repeat=1):
    """Voice settings for tests: said once, no lunch-time volume, no
    recordings folder, the build's clips."""
    s.edit_config('repeat = 2 ', f'repeat = {repeat} ')
    s.edit_config('volume_schedule = ["12:00-13:00=50"]', 'volume_schedule = []')
    s.edit_config('recordings_dir = "var/voice"', f'recordings_dir = "{s.tmp}/voice"')
