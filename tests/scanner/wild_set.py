#!/usr/bin/python3
"""The "wild" QR evaluation set: camera shots and phone photos of QR codes,
made by tools that share no code with the decoder under test nor with its
own degraded set (tests/scanner/degraded_set.cpp): qrencode draws the
symbol, PIL and numpy (Debian python3-pil, python3-numpy) lay it on a form,
a ticket or a phone screen and photograph it through a simulated camera.

Deterministic: a sample depends only on (seed, split, kind, index), so a
quick test can make the first two of each kind and get exactly the frames
the benchmark reads. Two splits with unrelated random streams: "tune" (the
decoder's passes may be chosen on it) and "heldout" (never tuned on: the
figure to believe).

    wild_set.py OUT_DIR [--seed N] [--per-kind N] [--splits tune,heldout]
                [--kinds a,b,...] [--first N]

writes OUT_DIR/*.png|jpg and OUT_DIR/manifest.tsv: split, kind, file,
width, height, payload (empty for a frame with no code) per line.
"""
import argparse
import io
import os
import subprocess
import sys
import zlib

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

# The kinds of damage, each pushed hard on top of a mild baseline (a little
# rotation, tilt, defocus and sensor noise). "none" has no code.
KINDS = [
    "clean", "inverted", "screen", "screen_dark", "motion", "perspective", "rotation", "tiny_modules",
    "occlusion", "low_contrast", "noise", "jpeg", "uneven_light", "glare", "far", "combined", "none",
]
SPLITS = {"tune": 1, "heldout": 2}

FONT_DIR = "/usr/share/fonts/truetype/noto"
_fonts = {}


def font(size):
    size = max(6, int(size))
    if size not in _fonts:
        try:
            _fonts[size] = ImageFont.truetype(os.path.join(FONT_DIR, "NotoSans-Regular.ttf"), size)
        except OSError:
            _fonts[size] = ImageFont.load_default()
    return _fonts[size]


# ---------------------------------------------------------------- payloads
NAMES = ["Siti Nur'aini", "Budi Santoso", "Dr. Ir. Hj. Ratna Dewi, M.T.", "Agus Setiawan, S.Kom.",
         "Made Wirawan", "Yohanes Kurniawan", "Dra. Endang Lestari", "Rahmat Hidayat, S.E., M.Si."]
AGENCIES = ["Dinas Pekerjaan Umum Kabupaten Sleman", "Inspektorat Provinsi Jawa Barat",
            "Badan Pengadaan Barang/Jasa Kota Surabaya", "Sekretariat Daerah Kabupaten Gianyar",
            "Dinas Kesehatan Kota Makassar"]
WORDS = ("antrian layanan loket formulir berkas tiket nomor kantor pengadaan reset password "
         "informasi pengguna tanggal nama instansi jabatan http www lpse go id").split()


def crc_hex(text, digits):
    return format(zlib.crc32(text.encode()) & ((1 << (4 * digits)) - 1), "0%dX" % digits)


def payload(rng):
    """A form (LPSE-F1), a ticket (LPSE-T1) or free text, as docs/FORM-QR.md spells them."""
    kind = rng.choice(["form", "ticket", "text"], p=[0.4, 0.35, 0.25])
    if kind == "ticket":
        body = "LPSE-T1:" + "".join(rng.choice(list("0123456789ABCDEF"), 24))
        return body + ":" + crc_hex(body, 4)
    if kind == "form":
        name = str(rng.choice(NAMES))
        nip = "%08d%06d%d%03d" % (19700101 + int(rng.integers(0, 30)) * 10000 + int(rng.integers(0, 28)),
                                 200001 + int(rng.integers(0, 20)) * 100, int(rng.integers(1, 3)),
                                 int(rng.integers(1, 999))) if rng.random() < 0.7 else ""
        phone = "08" + "".join(rng.choice(list("0123456789"), int(rng.integers(8, 12))))
        user = name.split()[-1].lower().strip(".,") + str(int(rng.integers(1, 99)))
        email = user + "@" + str(rng.choice(["gmail.com", "slemankab.go.id", "jabarprov.go.id"])) \
            if rng.random() < 0.6 else ""
        fields = ["LPSE-F1", str(rng.choice(["R", "U"])), str(rng.choice(["ADM", "HD", "VER", "PPK", "PAN", "AUD"])),
                  name, nip, str(rng.choice(AGENCIES)), phone, email, user if rng.random() < 0.5 else "",
                  "2026%02d%02d" % (int(rng.integers(1, 13)), int(rng.integers(1, 29)))]
        body = ":".join(fields)
        return body + ":" + crc_hex(body, 8)
    if rng.random() < 0.5:
        n = int(rng.integers(2, 14))
        return " ".join(str(w) for w in rng.choice(WORDS, n))
    n = int(rng.integers(8, 120))
    return "".join(chr(int(c)) for c in rng.integers(0x21, 0x7F, n))


def qr_matrix(text, rng):
    """qrencode's symbol, one pixel per module, no margin: True = dark."""
    level = str(rng.choice(["L", "M", "M", "Q", "H"]))
    out = subprocess.run(["qrencode", "-l", level, "-m", "0", "-s", "1", "-t", "PNG", "-o", "-"],
                         input=text.encode(), capture_output=True, check=True).stdout
    return np.asarray(Image.open(io.BytesIO(out)).convert("RGBA").convert("L")) < 128


# ---------------------------------------------------------------- surfaces
def code_image(mat, spm, quiet=4, dark=20, light=235, inverted=False):
    """The symbol with its quiet zone at spm surface pixels per module."""
    n = mat.shape[0] + 2 * quiet
    img = np.full((n, n), light, np.uint8)
    img[quiet:quiet + mat.shape[0], quiet:quiet + mat.shape[0]][mat] = dark
    if inverted:
        img = (dark + light) - img
    return np.kron(img, np.ones((spm, spm), np.uint8))


def text_lines(draw, rng, box, size, ink, avoid=None):
    x0, y0, x1, y1 = box
    y = y0
    while y + size < y1:
        x = x0 + int(rng.integers(0, size * 2))
        line = " ".join(str(w) for w in rng.choice(WORDS, int(rng.integers(3, 12))))
        if avoid is None or not (avoid[1] - size < y < avoid[3] and x < avoid[2]):
            draw.text((x, y), line, fill=int(ink), font=font(size))
        y += int(size * rng.uniform(1.4, 2.6))
        if rng.random() < 0.15:  # a table rule or a row of boxes
            draw.line((x0, y, x1, y), fill=int(ink), width=max(1, size // 8))
            y += size // 2


def form_page(mat, spm, rng, inverted=False):
    """A printed A4-like form or ticket with the code on it, in surface pixels.
    Returns the page (uint8) and the code's centre on it."""
    code = code_image(mat, spm, inverted=inverted)
    cs = code.shape[0]
    paper = int(rng.integers(215, 250))
    ink = int(rng.integers(10, 45))
    if rng.random() < 0.3:  # a ticket: a narrow strip of thermal paper
        w, h = int(cs * 1.4), int(cs * 2.6)
        cx, cy = w // 2, int(h * 0.6)
    else:  # a form with the code in a corner or the middle
        w, h = int(cs * rng.uniform(2.6, 3.6)), 0
        h = int(w * 1.414)
        cx = int(w - cs * 0.75) if rng.random() < 0.6 else w // 2
        cy = int(cs * 0.75) if rng.random() < 0.5 else int(h * rng.uniform(0.3, 0.7))
    page = Image.new("L", (w, h), paper)
    d = ImageDraw.Draw(page)
    size = max(8, spm * 2)
    text_lines(d, rng, (size, size, w - size, h - size), size, ink)
    d.rectangle((2, 2, w - 3, h - 3), outline=ink, width=max(1, spm // 2))
    arr = np.asarray(page).copy()
    x0, y0 = cx - cs // 2, cy - cs // 2  # the layouts above keep the code inside the page
    arr[y0:y0 + cs, x0:x0 + cs] = code
    if inverted and rng.random() < 0.5:  # a dark panel wider than the quiet zone
        pad = cs // 6
        panel = arr[max(0, y0 - pad):y0 + cs + pad, max(0, x0 - pad):x0 + cs + pad]
        keep = code.copy()
        panel[:] = 20
        arr[y0:y0 + cs, x0:x0 + cs] = keep
    return arr, (cx, cy)


def screen_page(mat, spm_screen, rng, dark_mode):
    """A phone screen showing the code: sub-pixel stripes and the gaps
    between pixels drawn at 6 surface pixels per screen pixel, a bezel
    around. Returns the surface and the code centre."""
    quiet = 4
    n = mat.shape[0] + 2 * quiet
    sw = int(n * spm_screen / rng.uniform(0.7, 0.92))
    sh = int(sw * rng.uniform(1.7, 2.1))
    bg = 0 if dark_mode else 255
    fg = 235 if dark_mode else 0
    screen = np.full((sh, sw), bg, np.uint8)
    code = code_image(mat, spm_screen, quiet, dark=0, light=255, inverted=dark_mode)
    if dark_mode:
        code = np.where(code > 128, fg, bg).astype(np.uint8)
    y0, x0 = int(sh * rng.uniform(0.3, 0.45)) - code.shape[0] // 2, (sw - code.shape[0]) // 2
    screen[y0:y0 + code.shape[0], x0:x0 + code.shape[1]] = code
    sim = Image.fromarray(screen)
    d = ImageDraw.Draw(sim)
    fs = max(6, spm_screen * 2)
    d.text((sw // 10, fs // 2), "09:41   LPSE", fill=fg, font=font(fs))
    d.text((sw // 10, y0 + code.shape[0] + fs), "Tiket antrian  R-023", fill=fg, font=font(fs * 1.3))
    screen = np.asarray(sim).astype(np.float32)
    # Each screen pixel: three vertical sub-pixel stripes of R, G, B luminance
    # and a dark gap row/column.
    k = 6
    cell = np.zeros((k, k), np.float32)
    fill = rng.uniform(0.75, 0.95)
    for i, lum in enumerate((0.30, 0.59, 0.11)):
        cell[:, 2 * i:2 * i + 2] = 0.35 + 1.95 * lum
    cell[int(k * fill):, :] *= 0.25
    surface = np.kron(screen, np.ones((k, k), np.float32)) * np.tile(cell, (sh, sw))
    bez = int(sw * k * 0.06)
    out = np.full((sh * k + 2 * bez, sw * k + 2 * bez), 12, np.float32)
    out[bez:bez + sh * k, bez:bez + sw * k] = surface
    return np.clip(out, 0, 255).astype(np.uint8), (bez + (x0 + code.shape[1] / 2) * k, bez + (y0 + code.shape[0] / 2) * k)


# ---------------------------------------------------------------- camera
def rot(ax, ay, az):
    cx, sx, cy, sy, cz, sz = np.cos(ax), np.sin(ax), np.cos(ay), np.sin(ay), np.cos(az), np.sin(az)
    rx = np.array([[1, 0, 0], [0, cx, -sx], [0, sx, cx]])
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rz = np.array([[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]])
    return ry @ rx @ rz


def homography(src, dst):
    """The 8 coefficients mapping dst points to src points (PIL's PERSPECTIVE)."""
    a = []
    b = []
    for (x, y), (u, v) in zip(dst, src):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return np.linalg.solve(np.array(a, float), np.array(b, float))


def photograph(surface, centre, scale, frame_w, frame_h, at, tilt, spin, rng, bg=None, ss=2, focal=1.0):
    """The surface seen by a camera: its point `centre` lands at `at` in the
    frame, `scale` frame pixels per surface pixel there, turned by `spin`
    and tilted by (ax, ay) radians; supersampled ss x then box-reduced."""
    f = focal * frame_w * ss
    r = rot(tilt[0], tilt[1], spin)
    src, dst = [], []
    for du, dv in ((-50, -50), (50, -50), (50, 50), (-50, 50)):
        p = r @ np.array([du * scale * ss, dv * scale * ss, 0.0])
        dst.append((at[0] * ss + f * p[0] / (f + p[2]), at[1] * ss + f * p[1] / (f + p[2])))
        src.append((centre[0] + du, centre[1] + dv))
    coeffs = homography(src, dst)
    size = (frame_w * ss, frame_h * ss)
    img = Image.fromarray(surface).transform(size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR,
                                             fillcolor=0)
    mask = Image.new("L", surface.shape[::-1], 255).transform(size, Image.Transform.PERSPECTIVE, coeffs,
                                                               Image.Resampling.BILINEAR, fillcolor=0)
    if bg is None:
        bg = desk(frame_w * ss, frame_h * ss, rng)
    return Image.composite(img, bg, mask).reduce(ss)


def desk(w, h, rng):
    """A desk or a room behind: low-frequency texture."""
    small = rng.uniform(40, 170) + rng.normal(0, 25, (6, 9))
    img = Image.fromarray(np.clip(small, 0, 255).astype(np.uint8)).resize((w, h), Image.Resampling.BICUBIC)
    return img


def motion_blur(img, length, angle):
    """Averages copies shifted along a line: the code moved during exposure."""
    steps = max(2, int(np.ceil(length * 2)))
    acc = np.zeros(img.size[::-1], np.float32)
    for i in range(steps):
        t = (i / (steps - 1) - 0.5) * length
        dx, dy = t * np.cos(angle), t * np.sin(angle)
        acc += np.asarray(img.transform(img.size, Image.Transform.AFFINE, (1, 0, dx, 0, 1, dy),
                                        Image.Resampling.BILINEAR), np.float32)
    return Image.fromarray(np.clip(acc / steps, 0, 255).astype(np.uint8))


def light_field(w, h, rng, strength, hard_edge=False):
    """Multiplicative illumination: a gradient, sometimes a hard shadow."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = rng.uniform(0, 2 * np.pi)
    g = (xx * np.cos(a) + yy * np.sin(a))
    g = (g - g.min()) / (g.max() - g.min() + 1e-6)
    field = 1.0 - strength * g
    if hard_edge:
        b = rng.uniform(0, 2 * np.pi)
        edge = (xx - w / 2) * np.cos(b) + (yy - h / 2) * np.sin(b) > rng.uniform(-80, 80)
        field = np.where(edge, field * rng.uniform(0.35, 0.6), field)
    return field


def glare_spot(w, h, rng, at, radius, peak):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = at[0] + rng.normal(0, radius * 0.4), at[1] + rng.normal(0, radius * 0.4)
    rx, ry = radius * rng.uniform(0.6, 1.4), radius * rng.uniform(0.4, 1.0)
    d2 = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2
    return peak * np.exp(-d2)


def thumb(img_arr, rng, code_at, code_px, spin):
    """A thumb over one edge of the code: a shaded ellipse from outside in."""
    h, w = img_arr.shape
    side = rng.uniform(0, 2 * np.pi)
    depth = rng.uniform(0.08, 0.25) * code_px  # how far past the symbol's edge it reaches
    a, b = code_px * 0.6, code_px * rng.uniform(0.18, 0.26)
    reach = code_px * 0.4 - depth + a
    cx, cy = code_at[0] + np.cos(side) * reach, code_at[1] + np.sin(side) * reach
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    u = (xx - cx) * np.cos(side) + (yy - cy) * np.sin(side)
    v = -(xx - cx) * np.sin(side) + (yy - cy) * np.cos(side)
    d = (u / a) ** 2 + (v / b) ** 2
    skin = rng.uniform(120, 190) * (1.0 - 0.25 * np.clip(u / a, -1, 1))
    out = np.where(d < 1, skin, img_arr)
    return out


# ---------------------------------------------------------------- samples
def sample(seed, split, kind, index):
    """One frame: (PIL image, payload, extension)."""
    rng = np.random.default_rng([seed, SPLITS[split], KINDS.index(kind), index])
    W, H = 1280, 720
    text = payload(rng)
    mat = qr_matrix(text, rng)
    n = mat.shape[0] + 8
    module = rng.uniform(3.0, 6.0)  # frame pixels per module
    spin = np.radians(rng.uniform(-10, 10))
    tilt = np.radians(rng.uniform(-12, 12, 2))
    at = (W / 2 + rng.uniform(-0.15, 0.15) * W, H / 2 + rng.uniform(-0.12, 0.12) * H)
    blur = rng.uniform(0.4, 0.9)
    noise = rng.uniform(2, 5)
    focal = 1.0
    inverted = kind == "inverted"
    ext = "png"
    k = kind
    if kind == "combined":
        k = "combined"
        blur = rng.uniform(0.9, 1.4)
        noise = rng.uniform(8, 16)
        spin = np.radians(rng.uniform(0, 360))
        tilt = np.radians(rng.uniform(-30, 30, 2))
        module = rng.uniform(2.5, 4.0)
    if kind == "rotation":
        spin = np.radians(rng.uniform(0, 360))
    if kind == "perspective":
        focal = rng.uniform(0.6, 1.0)
        ang = rng.uniform(40, 58)
        axis = rng.uniform(0, 2 * np.pi)
        tilt = np.radians([ang * np.cos(axis), ang * np.sin(axis)])
        module = rng.uniform(4.0, 7.0)
    if kind == "tiny_modules":
        module = rng.uniform(1.5, 2.0)
        blur = rng.uniform(0.3, 0.6)
    if kind == "far":
        W, H = 1920, 1080
        module = rng.uniform(2.2, 3.2)
        at = (rng.uniform(0.15, 0.85) * W, rng.uniform(0.2, 0.8) * H)
    if kind == "noise":
        noise = rng.uniform(15, 35)
    if kind == "motion":
        blur = rng.uniform(0.3, 0.6)
    if kind in ("screen", "screen_dark"):
        module = rng.uniform(3.0, 6.0)
        spm_screen = int(rng.integers(3, 9))
        surface, centre = screen_page(mat, spm_screen, rng, kind == "screen_dark")
        scale = module / (spm_screen * 6)
        spin = np.radians(rng.uniform(-25, 25))
        tilt = np.radians(rng.uniform(-25, 25, 2))
        img = photograph(surface, centre, scale, W, H, at, tilt, spin, rng, ss=1, focal=focal)
    else:
        spm = int(np.clip(round(module * 2), 3, 12))
        page, centre = form_page(mat, spm, rng, inverted=inverted)
        if kind == "low_contrast":
            lo, hi = float(page.min()), float(page.max())
            c = rng.uniform(0.08, 0.2)
            page = (page.astype(np.float32) - lo) / max(1, hi - lo)
            page = (hi - (1 - page) * (hi - lo) * c).astype(np.uint8)
        img = photograph(page, centre, module / spm, W, H, at, tilt, spin, rng, focal=focal)
    code_px = n * module
    if kind == "motion" or (kind == "combined" and rng.random() < 0.5):
        img = motion_blur(img, rng.uniform(0.8, 2.0) * module if kind == "motion" else module * 0.7,
                          rng.uniform(0, np.pi))
    img = img.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(img).astype(np.float32)
    if kind == "occlusion":
        arr = thumb(arr, rng, at, code_px, spin)
    if kind in ("screen", "screen_dark"):
        # Exposure for the bright screen, veiling glare, a window's reflection.
        arr = arr * rng.uniform(0.8, 1.1) + rng.uniform(0, 35)
        arr += glare_spot(W, H, rng, at, code_px * 0.35, rng.uniform(40, 140))
    if kind == "glare":
        arr += glare_spot(W, H, rng, at, code_px * 0.3, rng.uniform(150, 260))
    if kind == "uneven_light":
        arr *= light_field(W, H, rng, rng.uniform(0.5, 0.8), hard_edge=rng.random() < 0.5)
    if kind == "combined":
        arr *= light_field(W, H, rng, rng.uniform(0.2, 0.5))
    arr += rng.normal(0, noise, arr.shape)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if kind == "jpeg" or kind == "combined":
        ext = "jpg"
    return img, text, ext, (rng.integers(5, 20) if kind == "jpeg" else rng.integers(30, 60))


def none_sample(seed, split, index):
    """A frame with no code: a form, a screen, a dark room."""
    rng = np.random.default_rng([seed, SPLITS[split], KINDS.index("none"), index])
    W, H = 1280, 720
    what = index % 3
    if what == 0:
        page = Image.new("L", (900, 1270), int(rng.integers(215, 250)))
        text_lines(ImageDraw.Draw(page), rng, (30, 30, 870, 1240), 20, int(rng.integers(10, 45)))
        img = photograph(np.asarray(page), (450, 400), rng.uniform(0.5, 1.2), W, H, (W / 2, H / 2),
                         np.radians(rng.uniform(-15, 15, 2)), np.radians(rng.uniform(-10, 10)), rng)
    elif what == 1:
        img = Image.fromarray(np.clip(rng.normal(128, 50, (H // 8, W // 8)), 0, 255).astype(np.uint8)).resize(
            (W, H), Image.Resampling.NEAREST)
    else:
        img = desk(W, H, rng).point(lambda v: v // 4)
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    arr = np.asarray(img).astype(np.float32) + rng.normal(0, 4, (H, W))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)), "", "png", 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261204)
    ap.add_argument("--per-kind", type=int, default=12)
    ap.add_argument("--splits", default="tune,heldout")
    ap.add_argument("--kinds", default=",".join(KINDS))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rows = []
    for split in args.splits.split(","):
        for kind in args.kinds.split(","):
            if kind not in KINDS:
                sys.exit("unknown kind: " + kind)
            for i in range(args.per_kind):
                if kind == "none":
                    img, text, ext, q = none_sample(args.seed, split, i)
                else:
                    img, text, ext, q = sample(args.seed, split, kind, i)
                name = "%s-%s-%02d.%s" % (split, kind, i, ext)
                path = os.path.join(args.out, name)
                if ext == "jpg":
                    img.save(path, quality=int(q))
                else:
                    img.save(path, compress_level=1)
                rows.append("\t".join([split, kind, name, str(img.size[0]), str(img.size[1]), text]))
    with open(os.path.join(args.out, "manifest.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
