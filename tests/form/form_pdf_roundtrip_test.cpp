// The round trip the kiosk depends on: the real `lpse form` binary writes a
// PDF, poppler rasterizes it as a printer would see it (150 dpi), ZXing
// reads the QR back and the strict parser returns exactly the data that
// went in. zbarimg, an unrelated decoder, reads the same symbol.
//
// The decoding here is ZXing-cpp's plain ReadBarcode, called directly and on
// purpose: the camera's tuned decoder (devices/camera, devices/scanner) is
// another unit with its own tests; this test checks the printed symbol.
#include <ZXing/ReadBarcode.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/form/form_qr.hpp"
#include "tests/form/form_samples.hpp"

namespace fs = std::filesystem;

namespace lpse::form {
namespace {

const std::string kLpse = std::string(LPSE_BIN_DIR) + "/lpse";

struct ProcessRun {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs a program (no shell: names with apostrophes need no quoting) with
// stdout and stderr captured in files.
ProcessRun run(const std::vector<std::string>& argv, const fs::path& dir) {
  const fs::path out = dir / "stdout.txt", err = dir / "stderr.txt";
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, STDOUT_FILENO);
    dup2(e, STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  ProcessRun r;
  int st = 0;
  waitpid(pid, &st, 0);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

bool haveTool(const char* name) {
  for (const char* dir : {"/usr/bin/", "/bin/", "/usr/local/bin/"})
    if (access((std::string(dir) + name).c_str(), X_OK) == 0) return true;
  return false;
}

class FormPdfRoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    // Absent tools mean this machine cannot check the round trip: skip
    // (77), never pass. config/packages-debian.txt installs both.
    if (!haveTool("pdftoppm") || !haveTool("zbarimg")) {
      std::fprintf(stderr, "pdftoppm (poppler-utils) or zbarimg (zbar-tools) missing: skipped\n");
      std::exit(77);
    }
    ASSERT_EQ(access(kLpse.c_str(), X_OK), 0) << kLpse << " missing: build target lpse";
    m_dir = fs::temp_directory_path() / ("lpse-form-test-" + std::to_string(getpid()));
    fs::create_directories(m_dir);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }

  // PDF -> PNG at 150 dpi (what a cheap office printer and a camera close to
  // the page resolve), then the QR text as ZXing reads it.
  std::string rasterizeAndDecode(const fs::path& pdf, fs::path* pngOut = nullptr) {
    const fs::path prefix = m_dir / pdf.stem();
    const ProcessRun r = run({"pdftoppm", "-r", "150", "-png", "-singlefile", pdf.string(), prefix.string()}, m_dir);
    EXPECT_EQ(r.status, 0) << r.err;
    const fs::path png = prefix.string() + ".png";
    if (pngOut) *pngOut = png;
    int w = 0, h = 0, n = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &n, 1);
    if (!pixels) {
      ADD_FAILURE() << "cannot load " << png;
      return {};
    }
    EXPECT_NEAR(w, 1240, 2);  // A4 at 150 dpi
    EXPECT_NEAR(h, 1754, 2);
    const auto result = ZXing::ReadBarcode({pixels, w, h, ZXing::ImageFormat::Lum},
                                           ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    stbi_image_free(pixels);
    EXPECT_TRUE(result.isValid()) << "no QR found in " << png;
    return result.isValid() ? result.text() : std::string();
  }

  std::vector<std::string> flagsFor(const FormData& d, const fs::path& pdf) {
    std::vector<std::string> a{kLpse, "--config", (m_dir / "absent.toml").string(), "form", "--out", pdf.string()};
    auto add = [&](const char* flag, const std::string& v) {
      if (!v.empty()) a.insert(a.end(), {flag, v});
    };
    add("--service", std::string(serviceCode(d.service)));
    add("--role", std::string(core::toString(d.role)));
    add("--name", d.name);
    add("--nip", d.nip);
    add("--agency", d.agency);
    add("--phone", d.phone);
    add("--email", d.email);
    add("--user-id", d.spseUserId);
    add("--date", d.date.iso());
    return a;
  }

  fs::path m_dir;
};

TEST_F(FormPdfRoundTrip, FilledFormFromFlagsDecodesToTheInput) {
  const FormData input = test::sitiForm();
  const fs::path pdf = m_dir / "siti.pdf";
  const ProcessRun r = run(flagsFor(input, pdf), m_dir);
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_TRUE(fs::exists(pdf));
  EXPECT_EQ(slurp(pdf).substr(0, 5), "%PDF-");

  fs::path png;
  const std::string text = rasterizeAndDecode(pdf, &png);
  auto parsed = parseFormQr(text);
  ASSERT_TRUE(parsed.ok()) << text << " -> " << parsed.error().en;
  EXPECT_EQ(*parsed, canonicalForm(input));

  // A second, independent decoder agrees byte for byte.
  const ProcessRun z = run({"zbarimg", "-q", "--raw", png.string()}, m_dir);
  ASSERT_EQ(z.status, 0) << z.err;
  std::string zt = z.out;
  while (!zt.empty() && (zt.back() == '\n' || zt.back() == '\r')) zt.pop_back();
  EXPECT_EQ(zt, text);
}

TEST_F(FormPdfRoundTrip, NonAsciiFormFromAnInputFileDecodesToTheInput) {
  const FormData input = test::unicodeForm();
  const fs::path toml = m_dir / "form.toml";
  {
    std::ofstream f(toml);
    f << "# a visitor's data\n"
      << "service = \"userid\"\nrole = \"auditor\"\n"
      << "name = \"" << input.name << "\"\n"
      << "agency = \"" << input.agency << "\"\n"
      << "phone = \"" << input.phone << "\"\n"
      << "date = \"" << input.date.iso() << "\"\n";
  }
  const fs::path pdf = m_dir / "unicode.pdf";
  const ProcessRun r = run({kLpse, "--config", (m_dir / "absent.toml").string(), "form", "--input", toml.string(), "--out",
                     pdf.string(), "--print-qr"},
                    m_dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string text = rasterizeAndDecode(pdf);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), text);  // --print-qr shows what the PDF carries
  auto parsed = parseFormQr(text);
  ASSERT_TRUE(parsed.ok()) << text << " -> " << parsed.error().en;
  EXPECT_EQ(*parsed, canonicalForm(input));
  EXPECT_EQ(parsed->name, "Drs. Dédé Rosadé Nur\u2019aini-Ñúñez, M.Si.");
}

TEST_F(FormPdfRoundTrip, TheLongestFormStillReadsBackAt150Dpi) {
  const FormData input = test::maximalAsciiForm();  // QR version 20, 0.47 mm modules
  const fs::path pdf = m_dir / "max.pdf";
  const ProcessRun r = run(flagsFor(input, pdf), m_dir);
  ASSERT_EQ(r.status, 0) << r.err;
  auto parsed = parseFormQr(rasterizeAndDecode(pdf));
  ASSERT_TRUE(parsed.ok()) << parsed.error().en;
  EXPECT_EQ(*parsed, canonicalForm(input));
}

TEST_F(FormPdfRoundTrip, BlankFormCarriesOnlyTheFormType) {
  const fs::path pdf = m_dir / "blank.pdf";
  const ProcessRun r = run({kLpse, "--config", (m_dir / "absent.toml").string(), "form", "--blank", "--out", pdf.string()},
                    m_dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string text = rasterizeAndDecode(pdf);
  EXPECT_TRUE(isBlankFormQr(text)) << text;
  EXPECT_EQ(parseFormQr(text).error().code, "form_qr_blank");
}

TEST_F(FormPdfRoundTrip, InvalidDataIsRefusedNamingTheFieldAndWritesNothing) {
  FormData d = test::sitiForm();
  d.nip = "198513152010012003";
  d.phone = "0274 555 123";
  const fs::path pdf = m_dir / "bad.pdf";
  const ProcessRun r = run(flagsFor(d, pdf), m_dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("nip:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("phone:"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(pdf));

  const fs::path toml = m_dir / "bad.toml";
  std::ofstream(toml) << "name = \"Budi Santoso\"\nnickname = \"Budi\"\n";
  const ProcessRun u = run({kLpse, "--config", (m_dir / "absent.toml").string(), "form", "--input", toml.string(), "--out",
                     pdf.string()},
                    m_dir);
  EXPECT_EQ(u.status, 1);
  EXPECT_NE(u.err.find("nickname"), std::string::npos) << u.err;
  EXPECT_FALSE(fs::exists(pdf));
}

}  // namespace
}  // namespace lpse::form
