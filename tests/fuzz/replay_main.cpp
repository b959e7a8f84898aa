// A stand-in for libFuzzer's driver, for compilers without it (the GCC
// ASan build `make test` runs): every seed file, then a fixed number of
// seeded, deterministic mutations of them, through LLVMFuzzerTestOneInput.
// It finds far less than libFuzzer (no coverage feedback) but runs the same
// targets on every test run, in a few seconds.
//
//   fuzz_x [-runs=N] [-seconds=S] [-seed=K] [-max_len=L] DIR_OR_FILE...
//
// A file argument alone (with -runs=0) replays one input, e.g. a crash
// libFuzzer found. On a crash the input is written to replay-crash-<pid>
// in the working directory and the path printed.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
// Present when linked with ASan (GCC or clang); lets us save the input that
// made it report.
extern "C" void __sanitizer_set_death_callback(void (*)(void)) __attribute__((weak));

namespace {

using Bytes = std::vector<std::uint8_t>;

const Bytes* g_current = nullptr;
char g_crashPath[4096];

void saveCurrent() {
  if (!g_current) return;
  int fd = ::open(g_crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    if (!g_current->empty()) (void)!::write(fd, g_current->data(), g_current->size());
    ::close(fd);
  }
  const char* msg = "\nreplay: the failing input is saved in ";
  (void)!::write(2, msg, std::strlen(msg));
  (void)!::write(2, g_crashPath, std::strlen(g_crashPath));
  (void)!::write(2, "\n", 1);
  g_current = nullptr;
}

void onSignal(int sig) {
  saveCurrent();
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

struct Rng {  // splitmix64: the same sequence on every machine
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
};

// Bytes that matter to the targets: JSON, SSE, TOML and ESC/POS syntax.
const char* const kTokens[] = {
    "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "-0", "1e999", "18446744073709551616",
    "-9223372036854775809", "9223372036854775807", "\\u0000", "\\ud800", "\xff", "\xc3\x28", "\r", "\n",
    "\r\n", "data:", "event:", "id:", ": ", "[office]", "=", "'''", "\"\"\"", "#", "\x1b@", "\x1d!", "\x1d(k",
    "\x1dv0", "\x1dV", "\x1b" "a", "\x1b" "d", "\x1bJ", "\x0a", "\x00",
};

void mutate(Bytes& b, Rng& rng, const std::vector<Bytes>& seeds, std::size_t maxLen) {
  const int steps = 1 + static_cast<int>(rng.below(4));
  for (int i = 0; i < steps; ++i) {
    switch (rng.below(9)) {
      case 0:  // flip a bit
        if (!b.empty()) b[rng.below(b.size())] ^= static_cast<std::uint8_t>(1u << rng.below(8));
        break;
      case 1:  // set a byte
        if (!b.empty()) b[rng.below(b.size())] = static_cast<std::uint8_t>(rng.next());
        break;
      case 2:  // insert a byte
        b.insert(b.begin() + static_cast<long>(rng.below(b.size() + 1)), static_cast<std::uint8_t>(rng.next()));
        break;
      case 3: {  // erase a range
        if (b.empty()) break;
        std::size_t at = rng.below(b.size()), n = 1 + rng.below(std::min<std::size_t>(16, b.size() - at));
        b.erase(b.begin() + static_cast<long>(at), b.begin() + static_cast<long>(at + n));
        break;
      }
      case 4: {  // duplicate a range (deep nesting, long lines)
        if (b.empty()) break;
        std::size_t at = rng.below(b.size()), n = 1 + rng.below(std::min<std::size_t>(64, b.size() - at));
        Bytes chunk(b.begin() + static_cast<long>(at), b.begin() + static_cast<long>(at + n));
        std::size_t times = 1 + rng.below(8);
        for (std::size_t t = 0; t < times; ++t) b.insert(b.begin() + static_cast<long>(at), chunk.begin(), chunk.end());
        break;
      }
      case 5: {  // insert a token
        const char* t = kTokens[rng.below(std::size(kTokens))];
        std::size_t n = std::max<std::size_t>(1, std::strlen(t));  // "\x00" is one byte
        b.insert(b.begin() + static_cast<long>(rng.below(b.size() + 1)), t, t + n);
        break;
      }
      case 6:  // truncate
        if (!b.empty()) b.resize(rng.below(b.size()));
        break;
      case 7: {  // splice with another seed
        const Bytes& o = seeds[rng.below(seeds.size())];
        if (o.empty()) break;
        std::size_t from = rng.below(o.size());
        b.resize(rng.below(b.size() + 1));
        b.insert(b.end(), o.begin() + static_cast<long>(from), o.end());
        break;
      }
      default: {  // an ASCII digit run: huge numbers, big counts
        std::size_t at = rng.below(b.size() + 1), n = 1 + rng.below(24);
        Bytes digits(n);
        for (auto& d : digits) d = static_cast<std::uint8_t>('0' + rng.below(10));
        b.insert(b.begin() + static_cast<long>(at), digits.begin(), digits.end());
        break;
      }
    }
  }
  if (b.size() > maxLen) b.resize(maxLen);
}

Bytes readFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void run(const Bytes& b) {
  g_current = &b;
  // A copy in a buffer of exactly its size, so ASan sees reads past the end.
  std::unique_ptr<std::uint8_t[]> exact(new std::uint8_t[b.size()]);
  if (!b.empty()) std::memcpy(exact.get(), b.data(), b.size());
  LLVMFuzzerTestOneInput(exact.get(), b.size());
  g_current = nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  long runs = 2000, seconds = 10, maxLen = 4096;
  std::uint64_t seed = 20240601;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto flag = [&](const char* name, auto& out) {
      std::string p = std::string("-") + name + "=";
      if (a.rfind(p, 0) != 0) return false;
      out = static_cast<std::remove_reference_t<decltype(out)>>(std::strtoull(a.c_str() + p.size(), nullptr, 10));
      return true;
    };
    if (flag("runs", runs) || flag("seconds", seconds) || flag("seed", seed) || flag("max_len", maxLen)) continue;
    if (a.rfind("-", 0) == 0) {
      std::fprintf(stderr, "replay: unknown option %s\n", a.c_str());
      return 2;
    }
    if (std::filesystem::is_directory(a)) {
      for (const auto& e : std::filesystem::directory_iterator(a))
        if (e.is_regular_file()) files.push_back(e.path());
    } else if (std::filesystem::is_regular_file(a)) {
      files.push_back(a);
    } else {
      std::fprintf(stderr, "replay: no such file or directory: %s\n", a.c_str());
      return 2;
    }
  }
  std::sort(files.begin(), files.end());  // directory order is not stable
  std::snprintf(g_crashPath, sizeof g_crashPath, "%s/replay-crash-%d",
                std::filesystem::current_path().c_str(), static_cast<int>(::getpid()));
  if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(saveCurrent);
  std::set_terminate([] {
    std::fputs("replay: uncaught exception", stderr);
    try {
      if (auto e = std::current_exception()) std::rethrow_exception(e);
    } catch (const std::exception& e) {
      std::fprintf(stderr, ": %s", e.what());
    } catch (...) {
    }
    saveCurrent();
    std::abort();
  });
  ::signal(SIGILL, onSignal);  // __builtin_trap: a target's own check failed
  ::signal(SIGABRT, onSignal);

  std::vector<Bytes> seeds;
  for (const auto& f : files) seeds.push_back(readFile(f));
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", files[i].c_str(), seeds[i].size());
    run(seeds[i]);
  }
  if (seeds.empty()) seeds.push_back({});

  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::seconds(seconds);
  Rng rng{seed};
  long done = 0;
  for (; done < runs; ++done) {
    if ((done & 63) == 0 && std::chrono::steady_clock::now() > deadline) break;
    Bytes b = seeds[static_cast<std::size_t>(done) % seeds.size()];
    mutate(b, rng, seeds, static_cast<std::size_t>(maxLen));
    run(b);
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "replay: %zu seeds, %ld mutations in %.2f s%s\n", files.size(), done, s,
               done < runs ? " (stopped at the time limit)" : "");
  return 0;
}
