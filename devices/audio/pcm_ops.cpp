#include "devices/audio/pcm_ops.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace lpse::audio {

Pcm resample(const Pcm& in, int rate) {
  if (in.rate == rate || in.samples.empty() || in.rate <= 0) return {rate, in.samples};
  Pcm out{rate, {}};
  const double step = static_cast<double>(in.rate) / rate;
  const std::size_t n = static_cast<std::size_t>(std::floor((in.samples.size() - 1) / step)) + 1;
  out.samples.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double pos = i * step;
    const std::size_t a = static_cast<std::size_t>(pos);
    const std::size_t b = std::min(a + 1, in.samples.size() - 1);
    const double t = pos - a;
    out.samples[i] = static_cast<std::int16_t>(std::lround(in.samples[a] * (1 - t) + in.samples[b] * t));
  }
  return out;
}

void levelClip(Pcm& pcm, double targetRms, double ceiling) {
  if (pcm.samples.empty()) return;
  // Loudness of the voiced part only: 20 ms windows above -40 dBFS, so the
  // pauses inside a clip do not count.
  const std::size_t win = static_cast<std::size_t>(pcm.rate / 50);
  double sum = 0;
  std::size_t voiced = 0;
  int peak = 0;
  for (std::size_t at = 0; at < pcm.samples.size(); at += win) {
    const std::size_t end = std::min(pcm.samples.size(), at + win);
    double w = 0;
    for (std::size_t i = at; i < end; ++i) {
      w += static_cast<double>(pcm.samples[i]) * pcm.samples[i];
      peak = std::max(peak, std::abs(static_cast<int>(pcm.samples[i])));
    }
    if (std::sqrt(w / (end - at)) / 32768.0 > 0.01) {
      sum += w;
      voiced += end - at;
    }
  }
  if (voiced == 0 || peak == 0) return;
  const double rms = std::sqrt(sum / voiced) / 32768.0;
  double gain = std::min(targetRms / rms, 8.0);
  gain = std::min(gain, ceiling * 32767.0 / peak);
  for (auto& s : pcm.samples) s = static_cast<std::int16_t>(std::clamp(std::lround(s * gain), -32768L, 32767L));
}

void trimSilence(Pcm& pcm, int threshold, int keepMs) {
  auto& v = pcm.samples;
  auto loud = [threshold](std::int16_t s) { return std::abs(static_cast<int>(s)) > threshold; };
  auto first = std::find_if(v.begin(), v.end(), loud);
  if (first == v.end()) return;  // all quiet: keep as is (a pause clip)
  auto last = std::find_if(v.rbegin(), v.rend(), loud).base();
  const std::ptrdiff_t keep = static_cast<std::ptrdiff_t>(keepMs) * pcm.rate / 1000;
  first = (first - v.begin() > keep) ? first - keep : v.begin();
  last = (v.end() - last > keep) ? last + keep : v.end();
  v = std::vector<std::int16_t>(first, last);
}

Limiter::Limiter(double ceiling, int rate) : m_ceiling(ceiling), m_release(1.0 / (0.05 * rate)) {}

void Limiter::process(std::span<std::int16_t> samples, double gain) {
  const double limit = m_ceiling * 32767.0;
  for (auto& s : samples) {
    const double x = s * gain;
    const double need = std::abs(x) > limit ? limit / std::abs(x) : 1.0;
    m_env = std::min(1.0, m_env + m_release);  // release: slowly back to unity
    if (need < m_env) m_env = need;            // attack: at once
    s = static_cast<std::int16_t>(std::clamp(std::lround(x * m_env), -32767L, 32767L));
  }
}

Pcm silence(int ms, int rate) { return {rate, std::vector<std::int16_t>(static_cast<std::size_t>(ms) * rate / 1000, 0)}; }

Pcm builtinChime(int rate) {
  Pcm out{rate, {}};
  const double tones[] = {1318.5, 1046.5};  // E6, C6
  for (double f : tones) {
    const std::size_t n = static_cast<std::size_t>(0.45 * rate);
    for (std::size_t i = 0; i < n; ++i) {
      const double t = static_cast<double>(i) / rate;
      const double env = std::min(1.0, t / 0.005) * std::exp(-t * 6.0);
      const double v = env * (std::sin(2 * std::numbers::pi * f * t) + 0.3 * std::sin(4 * std::numbers::pi * f * t));
      out.samples.push_back(static_cast<std::int16_t>(std::lround(v * 0.35 * 32767)));
    }
  }
  return out;
}

void append(Pcm& out, const Pcm& part) { out.samples.insert(out.samples.end(), part.samples.begin(), part.samples.end()); }

std::vector<Span> soundSpans(std::span<const std::int16_t> samples, int rate, int gapMs, int threshold) {
  std::vector<Span> spans;
  const std::size_t gap = static_cast<std::size_t>(gapMs) * rate / 1000;
  std::size_t quiet = 0;
  bool in = false;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    if (std::abs(static_cast<int>(samples[i])) > threshold) {
      if (!in) spans.push_back({i, i + 1});
      in = true;
      quiet = 0;
      spans.back().end = i + 1;
    } else if (in && ++quiet >= gap) {
      in = false;
    }
  }
  return spans;
}

}  // namespace lpse::audio
