#include "devices/audio/wav.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

#include "devices/audio/pcm_ops.hpp"

namespace lpse::audio {
namespace {

core::Error bad(const std::string& name, const std::string& id, const std::string& en) {
  return core::makeError("wav_invalid", "Berkas suara " + name + " tidak dapat dipakai: " + id,
                         "Sound file " + name + " cannot be used: " + en, name);
}

std::uint32_t u32(const std::uint8_t* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t(p[3]) << 24); }
std::uint16_t u16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }

// One sample of any supported encoding as -1..1.
double sampleAt(const std::uint8_t* p, int bits, bool isFloat) {
  if (isFloat) {
    float f;
    std::memcpy(&f, p, 4);
    return std::isfinite(f) ? std::clamp(static_cast<double>(f), -1.0, 1.0) : 0.0;
  }
  switch (bits) {
    case 8: return (p[0] - 128) / 128.0;
    case 16: return static_cast<std::int16_t>(u16(p)) / 32768.0;
    case 24: return static_cast<std::int32_t>((p[0] << 8) | (p[1] << 16) | (std::uint32_t(p[2]) << 24)) / 2147483648.0;
    default: return static_cast<std::int32_t>(u32(p)) / 2147483648.0;
  }
}

}  // namespace

core::Result<Pcm> decodeWav(std::span<const std::uint8_t> b, const std::string& name, WavLimits limits) {
  if (b.empty()) return bad(name, "berkas kosong", "the file is empty");
  if (b.size() < 12 || std::memcmp(b.data(), "RIFF", 4) != 0 || std::memcmp(b.data() + 8, "WAVE", 4) != 0)
    return bad(name, "bukan berkas WAV (RIFF/WAVE)", "not a WAV (RIFF/WAVE) file");
  int format = 0, channels = 0, rate = 0, bits = 0, align = 0;
  const std::uint8_t* data = nullptr;
  std::size_t dataLen = 0;
  for (std::size_t at = 12; at + 8 <= b.size();) {
    const std::uint32_t len = u32(&b[at + 4]);
    const std::uint8_t* body = &b[at + 8];
    const std::size_t avail = b.size() - at - 8;
    if (std::memcmp(&b[at], "fmt ", 4) == 0) {
      if (len < 16 || avail < 16) return bad(name, "bagian fmt rusak", "broken fmt chunk");
      format = u16(body);
      channels = u16(body + 2);
      rate = static_cast<int>(u32(body + 4));
      align = u16(body + 12);
      bits = u16(body + 14);
      if (format == 0xFFFE && len >= 40 && avail >= 40) format = u16(body + 24);  // WAVE_FORMAT_EXTENSIBLE
    } else if (std::memcmp(&b[at], "data", 4) == 0) {
      data = body;
      dataLen = std::min<std::size_t>(len, avail);  // a recorder killed mid-write leaves a short file
      break;
    }
    at += 8 + len + (len & 1);
  }
  if (format == 0) return bad(name, "bagian fmt tidak ada", "no fmt chunk");
  const bool isFloat = format == 3;
  if (!(format == 1 || (isFloat && bits == 32)))
    return bad(name, "format sampel " + std::to_string(format) + "/" + std::to_string(bits) + " bit tidak didukung (pakai PCM 16 bit)",
               "sample format " + std::to_string(format) + "/" + std::to_string(bits) + " bit is not supported (use 16-bit PCM)");
  if (bits != 8 && bits != 16 && bits != 24 && bits != 32)
    return bad(name, std::to_string(bits) + " bit per sampel tidak didukung", std::to_string(bits) + " bits per sample is not supported");
  if (channels < 1 || channels > 8) return bad(name, "jumlah kanal salah", "wrong channel count");
  if (rate < 8000 || rate > 192000)
    return bad(name, "laju sampel " + std::to_string(rate) + " Hz tidak didukung", "sample rate " + std::to_string(rate) + " Hz is not supported");
  const int frameBytes = channels * bits / 8;
  if (align != frameBytes) return bad(name, "bagian fmt tidak konsisten", "inconsistent fmt chunk");
  if (!data || dataLen < static_cast<std::size_t>(frameBytes)) return bad(name, "tidak ada suara (data kosong)", "no sound (empty data)");
  const std::size_t frames = dataLen / frameBytes;
  const double seconds = static_cast<double>(frames) / rate;
  if (seconds > limits.maxSeconds) {
    const std::string s = std::to_string(static_cast<int>(seconds)), max = std::to_string(static_cast<int>(limits.maxSeconds));
    return bad(name, "terlalu panjang (" + s + " detik, paling lama " + max + ")", "too long (" + s + " s, at most " + max + ")");
  }
  Pcm in{rate, std::vector<std::int16_t>(frames)};
  for (std::size_t i = 0; i < frames; ++i) {
    double sum = 0;
    for (int c = 0; c < channels; ++c) sum += sampleAt(data + i * frameBytes + c * bits / 8, bits, isFloat);
    in.samples[i] = static_cast<std::int16_t>(std::clamp(std::lround(sum / channels * 32768.0), -32768L, 32767L));
  }
  return resample(in, kSampleRate);
}

core::Result<Pcm> readWav(const std::string& path, WavLimits limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return core::makeError("wav_missing", "Berkas suara tidak dapat dibaca: " + path, "Cannot read sound file: " + path, path);
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return decodeWav(bytes, path, limits);
}

std::vector<std::uint8_t> encodeWav(const Pcm& pcm) {
  std::vector<std::uint8_t> out;
  auto put32 = [&](std::uint32_t v) { for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i))); };
  auto put16 = [&](std::uint16_t v) { out.push_back(v & 0xff); out.push_back(v >> 8); };
  auto tag = [&](const char* t) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(t[i]));
  };
  const std::uint32_t dataLen = static_cast<std::uint32_t>(pcm.samples.size() * 2);
  out.reserve(44 + dataLen);
  tag("RIFF");
  put32(36 + dataLen);
  tag("WAVE");
  tag("fmt ");
  put32(16);
  put16(1);
  put16(1);
  put32(static_cast<std::uint32_t>(pcm.rate));
  put32(static_cast<std::uint32_t>(pcm.rate * 2));
  put16(2);
  put16(16);
  tag("data");
  put32(dataLen);
  for (auto s : pcm.samples) put16(static_cast<std::uint16_t>(s));
  return out;
}

core::Status writeWav(const std::string& path, const Pcm& pcm) {
  const auto bytes = encodeWav(pcm);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out)
    return core::makeError("wav_write", "Berkas suara tidak dapat ditulis: " + path, "Cannot write sound file: " + path, path);
  return core::Ok{};
}

}  // namespace lpse::audio
